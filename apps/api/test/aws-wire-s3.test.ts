import { CreateAccessKeyCommand, CreateUserCommand, IAMClient } from '@aws-sdk/client-iam';
import {
  CreateBucketCommand,
  DeleteBucketCommand,
  DeleteObjectCommand,
  GetBucketEncryptionCommand,
  GetBucketLifecycleConfigurationCommand,
  GetBucketPolicyCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  ListObjectVersionsCommand,
  NoSuchBucket,
  NoSuchKey,
  PutBucketEncryptionCommand,
  PutBucketLifecycleConfigurationCommand,
  PutBucketPolicyCommand,
  PutBucketTaggingCommand,
  PutBucketVersioningCommand,
  PutObjectCommand,
  PutPublicAccessBlockCommand,
  S3Client,
  type S3ServiceException,
} from '@aws-sdk/client-s3';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import { Agent } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXED_NOW } from './support/deterministic.ts';
import { failure as failed, startAwsAttempt, type AttemptCredentials, type AwsAttempt } from './support/aws-attempt.ts';

// The real @aws-sdk/client-s3, with its defaults (flexible checksums on), against the real Node server:
// path-style on 127.0.0.1 (the SDK never puts a bucket in an IP address host) and virtual-hosted on
// `localhost` (the SDK sends `<bucket>.localhost`, resolved to the server here as browsers and curl do).

type Credentials = AttemptCredentials;

let attempt: AwsAttempt;
let credentials: Credentials;

const loopback = new Agent({ lookup: (_host, options, callback) => (options.all ? callback(null, [{ address: '127.0.0.1', family: 4 }]) : callback(null, '127.0.0.1', 4)) });

function s3(style: 'path' | 'virtual', keys: Pick<Credentials, 'accessKeyId' | 'secretAccessKey'> = credentials): S3Client {
  const endpoint = style === 'path' ? credentials.endpoint : credentials.endpoint.replace('127.0.0.1', 'localhost');
  return new S3Client({
    ...attempt.clientConfig(keys),
    endpoint,
    ...(style === 'virtual' ? { requestHandler: new NodeHttpHandler({ httpAgent: loopback }) } : {}),
  });
}

const failure = (promise: Promise<unknown>) => failed<S3ServiceException>(promise);

beforeAll(async () => {
  attempt = await startAwsAttempt('iam-s3-read-only');
  credentials = attempt.credentials;
});

afterAll(async () => {
  loopback.destroy();
  await attempt.close();
});

describe.each(['path', 'virtual'] as const)('S3 through the SDK, %s-style', (style) => {
  const bucket = `skylab-${style}-notes`;

  it('creates a bucket, puts an object and reads it back with its metadata', async () => {
    const client = s3(style);
    expect((await client.send(new CreateBucketCommand({ Bucket: bucket }))).Location).toBe(`/${bucket}`);
    const put = await client.send(new PutObjectCommand({ Bucket: bucket, Key: 'notes/hello world.txt', Body: 'hello', ContentType: 'text/plain', Metadata: { owner: 'ada' } }));
    expect(put.ETag).toBe('"5d41402abc4b2a76b9719d911017c592"');
    const got = await client.send(new GetObjectCommand({ Bucket: bucket, Key: 'notes/hello world.txt' }));
    expect(await got.Body?.transformToString()).toBe('hello');
    expect(got).toMatchObject({ ContentType: 'text/plain', ContentLength: 5, ETag: put.ETag, Metadata: { owner: 'ada' }, ServerSideEncryption: 'AES256' });
    expect(got.LastModified).toEqual(new Date(FIXED_NOW - (FIXED_NOW % 1000)));
    const head = await client.send(new HeadObjectCommand({ Bucket: bucket, Key: 'notes/hello world.txt' }));
    expect(head).toMatchObject({ ContentLength: 5, ETag: put.ETag });
  });

  it('lists objects with a prefix and a delimiter', async () => {
    const client = s3(style);
    await client.send(new PutObjectCommand({ Bucket: bucket, Key: 'notes/2026/jan.txt', Body: 'j' }));
    const listed = await client.send(new ListObjectsV2Command({ Bucket: bucket, Prefix: 'notes/', Delimiter: '/' }));
    expect(listed).toMatchObject({ KeyCount: 2, IsTruncated: false, Contents: [expect.objectContaining({ Key: 'notes/hello world.txt', Size: 5 })], CommonPrefixes: [{ Prefix: 'notes/2026/' }] });
  });

  it('answers NoSuchKey and NoSuchBucket as the SDK error classes, HEAD as NotFound', async () => {
    const client = s3(style);
    expect(await failure(client.send(new GetObjectCommand({ Bucket: bucket, Key: 'missing' })))).toBeInstanceOf(NoSuchKey);
    expect(await failure(client.send(new ListObjectsV2Command({ Bucket: `${bucket}-missing` })))).toBeInstanceOf(NoSuchBucket);
    const head = await failure(client.send(new HeadObjectCommand({ Bucket: bucket, Key: 'missing' })));
    expect([head.name, head.$metadata.httpStatusCode]).toEqual(['NotFound', 404]);
  });

  it('stores a bucket policy, and refuses a public one while BlockPublicPolicy is on', async () => {
    const client = s3(style);
    const policy = (principal: unknown) => JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: principal, Action: 's3:GetObject', Resource: `arn:aws:s3:::${bucket}/*` }] });
    const named = policy({ AWS: `arn:aws:iam::${credentials.accountId}:root` });
    await client.send(new PutBucketPolicyCommand({ Bucket: bucket, Policy: named }));
    expect((await client.send(new GetBucketPolicyCommand({ Bucket: bucket }))).Policy).toBe(named);
    const refused = await failure(client.send(new PutBucketPolicyCommand({ Bucket: bucket, Policy: policy('*') })));
    expect([refused.name, refused.$metadata.httpStatusCode]).toEqual(['AccessDenied', 403]);
    expect(refused.message).toContain('BlockPublicPolicy');
    await client.send(new PutPublicAccessBlockCommand({ Bucket: bucket, PublicAccessBlockConfiguration: { BlockPublicPolicy: false, RestrictPublicBuckets: false } }));
    // Anyone may now read the objects without credentials: a plain unsigned GET, as `curl` sends it.
    const url = `${credentials.endpoint}/${bucket}/notes/hello%20world.txt`;
    expect((await fetch(url)).status).toBe(403);
    await client.send(new PutBucketPolicyCommand({ Bucket: bucket, Policy: policy('*') }));
    const anonymous = await fetch(url);
    expect([anonymous.status, await anonymous.text()]).toEqual([200, 'hello']);
  });

  it('sets default encryption, versioning and a lifecycle configuration', async () => {
    const client = s3(style);
    await client.send(new PutBucketEncryptionCommand({ Bucket: bucket, ServerSideEncryptionConfiguration: { Rules: [{ ApplyServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms' }, BucketKeyEnabled: true }] } }));
    const encryption = await client.send(new GetBucketEncryptionCommand({ Bucket: bucket }));
    expect(encryption.ServerSideEncryptionConfiguration?.Rules).toEqual([{ ApplyServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms' }, BucketKeyEnabled: true }]);

    await client.send(new PutBucketVersioningCommand({ Bucket: bucket, VersioningConfiguration: { Status: 'Enabled' } }));
    const v2 = await client.send(new PutObjectCommand({ Bucket: bucket, Key: 'doc.txt', Body: 'two' }));
    const deleted = await client.send(new DeleteObjectCommand({ Bucket: bucket, Key: 'doc.txt' }));
    expect(deleted.DeleteMarker).toBe(true);
    const versions = await client.send(new ListObjectVersionsCommand({ Bucket: bucket, Prefix: 'doc' }));
    expect(versions.Versions).toEqual([expect.objectContaining({ Key: 'doc.txt', VersionId: v2.VersionId, IsLatest: false })]);
    expect(versions.DeleteMarkers).toEqual([expect.objectContaining({ Key: 'doc.txt', VersionId: deleted.VersionId, IsLatest: true })]);

    const rules = [{ ID: 'logs', Status: 'Enabled' as const, Filter: { Prefix: 'logs/' }, Transitions: [{ Days: 30, StorageClass: 'STANDARD_IA' as const }], Expiration: { Days: 365 } }];
    await client.send(new PutBucketLifecycleConfigurationCommand({ Bucket: bucket, LifecycleConfiguration: { Rules: rules } }));
    expect((await client.send(new GetBucketLifecycleConfigurationCommand({ Bucket: bucket }))).Rules).toEqual(rules);
  });

  it('refuses to delete a bucket that is not empty', async () => {
    const error = await failure(s3(style).send(new DeleteBucketCommand({ Bucket: bucket })));
    expect([error.name, error.$metadata.httpStatusCode]).toEqual(['BucketNotEmpty', 409]);
  });

  it('reads an older version, and empties the bucket version by version so it can be deleted', async () => {
    const client = s3(style);
    const { Versions = [], DeleteMarkers = [] } = await client.send(new ListObjectVersionsCommand({ Bucket: bucket }));
    const old = Versions.find((v) => v.Key === 'doc.txt');
    const got = await client.send(new GetObjectCommand({ Bucket: bucket, Key: 'doc.txt', VersionId: old?.VersionId }));
    expect([await got.Body?.transformToString(), got.VersionId]).toEqual(['two', old?.VersionId]);
    for (const { Key, VersionId } of [...Versions, ...DeleteMarkers]) await client.send(new DeleteObjectCommand({ Bucket: bucket, Key, VersionId }));
    expect((await client.send(new DeleteBucketCommand({ Bucket: bucket }))).$metadata.httpStatusCode).toBe(204);
  });

  it('answers an operation the emulator does not model with NotImplemented', async () => {
    const error = await failure(s3(style).send(new PutBucketTaggingCommand({ Bucket: bucket, Tagging: { TagSet: [{ Key: 'team', Value: 'web' }] } })));
    expect([error.name, error.$metadata.httpStatusCode]).toEqual(['NotImplemented', 501]);
  });
});

describe('S3 decided by the account', () => {
  it('deletes an empty bucket', async () => {
    const client = s3('path');
    await client.send(new CreateBucketCommand({ Bucket: 'skylab-empty' }));
    expect((await client.send(new DeleteBucketCommand({ Bucket: 'skylab-empty' }))).$metadata.httpStatusCode).toBe(204);
  });

  it('denies an IAM user without S3 permissions, in AWS words', async () => {
    const iam = new IAMClient(attempt.clientConfig());
    await iam.send(new CreateUserCommand({ UserName: 'no-s3' }));
    const { AccessKey } = await iam.send(new CreateAccessKeyCommand({ UserName: 'no-s3' }));
    const error = await failure(s3('path', { accessKeyId: AccessKey!.AccessKeyId!, secretAccessKey: AccessKey!.SecretAccessKey! }).send(new ListObjectsV2Command({ Bucket: 'skylab-path-notes' })));
    expect([error.name, error.$metadata.httpStatusCode]).toEqual(['AccessDenied', 403]);
    expect(error.message).toBe(`User: arn:aws:iam::${credentials.accountId}:user/no-s3 is not authorized to perform: s3:ListBucket on resource: arn:aws:s3:::skylab-path-notes because no identity-based policy allows the s3:ListBucket action`);
  });
});
