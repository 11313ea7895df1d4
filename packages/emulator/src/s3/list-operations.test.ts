import { describe, expect, it } from 'vitest';
import { emptyAccountState } from '../state.ts';
import { awsErrorCode, testCtx } from '../test-ctx.ts';
import { putBucketVersioning } from './bucket-settings-operations.ts';
import { compareKeys, listObjectsV2, listObjectVersions } from './list-operations.ts';
import { createBucket, deleteBucket, deleteObject, getObject, putObject } from './operations.ts';

const ctx = testCtx();

function bucketWith(keys: string[]) {
  const state = emptyAccountState();
  createBucket(state, { Bucket: 'photos' }, ctx);
  for (const key of keys) putObject(state, { Bucket: 'photos', Key: key, Body: key }, ctx);
  return state;
}

// The example of https://docs.aws.amazon.com/AmazonS3/latest/userguide/using-prefixes.html: a delimiter
// rolls keys up into common prefixes.
describe('ListObjectsV2', () => {
  const keys = ['sample.jpg', 'photos/2006/January/sample.jpg', 'photos/2006/February/sample2.jpg', 'photos/2006/February/sample3.jpg'];

  it.each([
    [{}, ['photos/2006/February/sample2.jpg', 'photos/2006/February/sample3.jpg', 'photos/2006/January/sample.jpg', 'sample.jpg'], []],
    [{ Delimiter: '/' }, ['sample.jpg'], ['photos/']],
    [{ Prefix: 'photos/2006/', Delimiter: '/' }, [], ['photos/2006/February/', 'photos/2006/January/']],
    [{ Prefix: 'photos/2006/F' }, ['photos/2006/February/sample2.jpg', 'photos/2006/February/sample3.jpg'], []],
    [{ StartAfter: 'photos/2006/January/sample.jpg' }, ['sample.jpg'], []],
  ])('%j', (input, contents, prefixes) => {
    const out = listObjectsV2(bucketWith(keys), { Bucket: 'photos', ...input }, ctx);
    expect(out.Contents.map((c) => c.Key)).toEqual(contents);
    expect(out.CommonPrefixes.map((p) => p.Prefix)).toEqual(prefixes);
    expect(out.KeyCount).toBe(contents.length + prefixes.length);
  });

  it('pages with MaxKeys and the continuation token, a common prefix counting as one key', () => {
    const state = bucketWith(keys);
    const first = listObjectsV2(state, { Bucket: 'photos', Delimiter: '/', MaxKeys: 1 }, ctx);
    expect(first).toMatchObject({ IsTruncated: true, KeyCount: 1, CommonPrefixes: [{ Prefix: 'photos/' }] });
    const second = listObjectsV2(state, { Bucket: 'photos', Delimiter: '/', MaxKeys: 1, ContinuationToken: first.NextContinuationToken! }, ctx);
    expect(second).toMatchObject({ IsTruncated: false, Contents: [{ Key: 'sample.jpg' }], CommonPrefixes: [] });
  });

  it('orders keys by UTF-8 bytes, so a character above U+FFFF sorts after U+FFFD', () => {
    expect(['\u{1F600}', '\ufffd', 'a'].sort(compareKeys)).toEqual(['a', '\ufffd', '\u{1F600}']);
  });

  it('refuses a negative max-keys and an unknown bucket', () => {
    expect(awsErrorCode(() => listObjectsV2(bucketWith([]), { Bucket: 'photos', MaxKeys: -1 }, ctx))).toBe('InvalidArgument');
    expect(awsErrorCode(() => listObjectsV2(bucketWith([]), { Bucket: 'nope-bucket' }, ctx))).toBe('NoSuchBucket');
  });
});

// https://docs.aws.amazon.com/AmazonS3/latest/userguide/list-obj-version-enabled-bucket.html
describe('ListObjectVersions', () => {
  it('lists each key newest first: the current version or delete marker, then the noncurrent ones', () => {
    const state = bucketWith(['a']);
    putBucketVersioning(state, { Bucket: 'photos', VersioningConfiguration: { Status: 'Enabled' } }, ctx);
    const v1 = putObject(state, { Bucket: 'photos', Key: 'a', Body: 'one' }, ctx).VersionId;
    const marker = deleteObject(state, { Bucket: 'photos', Key: 'a' }, ctx).VersionId;
    putObject(state, { Bucket: 'photos', Key: 'b', Body: 'two' }, ctx);
    const out = listObjectVersions(state, { Bucket: 'photos' }, ctx);
    expect(out.DeleteMarkers).toEqual([{ Key: 'a', VersionId: marker, IsLatest: true, LastModified: expect.any(String) }]);
    expect(out.Versions.map((v) => [v.Key, v.VersionId, v.IsLatest])).toEqual([
      ['a', v1, false],
      ['a', 'null', false],
      ['b', expect.any(String), true],
    ]);
    const paged = listObjectVersions(state, { Bucket: 'photos', MaxKeys: 2 }, ctx);
    expect(paged).toMatchObject({ IsTruncated: true, NextKeyMarker: 'a', NextVersionIdMarker: v1 });
    const rest = listObjectVersions(state, { Bucket: 'photos', KeyMarker: 'a', VersionIdMarker: v1! }, ctx);
    expect(rest.Versions.map((v) => v.VersionId)).toEqual(['null', expect.any(String)]);
  });
});

describe('GetObject and DeleteBucket', () => {
  it('GetObject returns the body; NoSuchKey names the key', () => {
    const state = bucketWith(['notes.txt']);
    expect(getObject(state, { Bucket: 'photos', Key: 'notes.txt' }, ctx)).toMatchObject({ Body: 'notes.txt', Size: 9 });
    expect(awsErrorCode(() => getObject(state, { Bucket: 'photos', Key: 'gone' }, ctx))).toBe('NoSuchKey');
  });

  it('DeleteBucket refuses a bucket with objects, or with versions left behind (BucketNotEmpty), and deletes an empty one', () => {
    const state = bucketWith(['a']);
    expect(awsErrorCode(() => deleteBucket(state, { Bucket: 'photos' }, ctx))).toBe('BucketNotEmpty');
    putBucketVersioning(state, { Bucket: 'photos', VersioningConfiguration: { Status: 'Enabled' } }, ctx);
    deleteObject(state, { Bucket: 'photos', Key: 'a' }, ctx);
    expect(awsErrorCode(() => deleteBucket(state, { Bucket: 'photos' }, ctx))).toBe('BucketNotEmpty');
    const empty = bucketWith([]);
    deleteBucket(empty, { Bucket: 'photos' }, ctx);
    expect(empty.s3.buckets).toEqual({});
  });
});
