import { describe, expect, it } from 'vitest';
import { emptyAccountState } from '../state.ts';
import { awsErrorCode, testCtx } from '../test-ctx.ts';
import { md5Hex, utf8Bytes } from './md5.ts';
import { bucketNameProblem, createBucket, headObject, listBuckets, putObject } from './operations.ts';

const NAMING = 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucketnamingrules.html';

describe(`bucket names, per ${NAMING}`, () => {
  it.each([
    ['my-app-bucket', undefined],
    ['a.b-c1', undefined],
    ['ab', 'must be 3 to 63 characters long'],
    ['a'.repeat(64), 'must be 3 to 63 characters long'],
    ['My-Bucket', 'may contain only lowercase letters, digits, dots and hyphens'],
    ['my_bucket', 'may contain only lowercase letters, digits, dots and hyphens'],
    ['-bucket', 'must begin and end with a letter or digit'],
    ['bucket.', 'must begin and end with a letter or digit'],
    ['my..bucket', 'must not contain two adjacent dots'],
    ['192.168.5.4', 'must not look like an IP address'],
    ['xn--bucket', 'must not start with the reserved prefix `xn--`'],
    ['sthree-bucket', 'must not start with the reserved prefix `sthree-`'],
    ['amzn-s3-demo-bucket', 'must not start with the reserved prefix `amzn-s3-demo-`'],
    ['bucket-s3alias', 'must not end with the reserved suffix `-s3alias`'],
    ['bucket--ol-s3', 'must not end with the reserved suffix `--ol-s3`'],
    ['bucket.mrap', 'must not end with the reserved suffix `.mrap`'],
    ['bucket--x-s3', 'must not end with the reserved suffix `--x-s3`'],
  ])('%s: %s', (name, problem) => {
    expect(bucketNameProblem(name)).toBe(problem);
  });
});


describe('createBucket', () => {
  it('creates a bucket in the context region', () => {
    const state = emptyAccountState();
    createBucket(state, { Bucket: 'b-two' }, testCtx('eu-west-1'));
    createBucket(state, { Bucket: 'b-one' }, testCtx('eu-west-1'));
    expect(listBuckets(state, {}, testCtx()).Buckets.map((b) => [b.Name, b.BucketRegion])).toEqual([
      ['b-one', 'eu-west-1'],
      ['b-two', 'eu-west-1'],
    ]);
  });

  it.each([
    ['an invalid name', 'Bad_Name', 'us-east-1', 'InvalidBucketName'],
    ['a name another account owns', 'taken-name', 'us-east-1', 'BucketAlreadyExists'],
    ['a bucket you own, outside us-east-1', 'mine', 'eu-west-1', 'BucketAlreadyOwnedByYou'],
    ['a bucket you own, in us-east-1 (a legacy no-op)', 'mine', 'us-east-1', undefined],
  ])('handles %s', (_name, bucket, region, code) => {
    const state = emptyAccountState();
    state.s3.takenBucketNames.push('taken-name');
    createBucket(state, { Bucket: 'mine' }, testCtx(region));
    expect(awsErrorCode(() => createBucket(state, { Bucket: bucket }, testCtx(region)))).toBe(code);
  });
});

describe('putObject', () => {
  it('stores the object with an MD5 ETag and optional metadata', () => {
    const state = emptyAccountState();
    createBucket(state, { Bucket: 'b-one' }, testCtx());
    expect(putObject(state, { Bucket: 'b-one', Key: 'a.txt', Body: 'abc' }, testCtx())).toEqual({ ETag: '"900150983cd24fb0d6963f7d28e17f72"' });
    putObject(state, { Bucket: 'b-one', Key: 'b.txt', Body: 'é', Metadata: { owner: 'team' } }, testCtx());
    expect(headObject(state, { Bucket: 'b-one', Key: 'b.txt' }, testCtx())).toMatchObject({ Size: 2, Metadata: { owner: 'team' } });
    expect(headObject(state, { Bucket: 'b-one', Key: 'a.txt' }, testCtx())).not.toHaveProperty('Metadata');
    expect(awsErrorCode(() => putObject(state, { Bucket: 'nope', Key: 'k' }, testCtx()))).toBe('NoSuchBucket');
    expect(awsErrorCode(() => headObject(state, { Bucket: 'b-one', Key: 'nope' }, testCtx()))).toBe('NoSuchKey');
  });
});

describe('md5Hex (the RFC 1321 test suite)', () => {
  it.each([
    ['', 'd41d8cd98f00b204e9800998ecf8427e'],
    ['a', '0cc175b9c0f1b6a831c399e269772661'],
    ['abc', '900150983cd24fb0d6963f7d28e17f72'],
    ['message digest', 'f96b697d7cb7938d525a2f31aaf161d0'],
    ['abcdefghijklmnopqrstuvwxyz', 'c3fcd3d76192e4007dfb496cca67e13b'],
    ['ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789', 'd174ab98d277d9f5a5611c2c9f419d9f'],
    ['1234567890'.repeat(8), '57edf4a22be3c955ac49da2e2107b67a'],
  ])('md5(%j) = %s', (text, digest) => {
    expect(md5Hex(utf8Bytes(text))).toBe(digest);
  });
});
