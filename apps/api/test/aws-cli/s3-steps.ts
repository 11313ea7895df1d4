import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { CliSession } from './session.ts';

// A learner's S3 session with `aws s3api` (path-style: the endpoint is an IP address): a bucket, an object
// from a file and back to a file, listing (the CLI asks for `encoding-type=url`), a bucket policy under Block
// Public Access, versioning, encryption, a lifecycle configuration, the errors the CLI shows, and the
// high-level `aws s3` commands.
const dir = mkdtempSync(join(tmpdir(), 'skylab-s3-cli-'));
const upload = join(dir, 'hello world.txt');
const download = join(dir, 'downloaded.txt');
writeFileSync(upload, 'hello from the cli\n');

const BUCKET = 'cli-reports';
const policy = (principal: unknown) => JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: principal, Action: 's3:GetObject', Resource: `arn:aws:s3:::${BUCKET}/*` }] });
const lifecycle = { Rules: [{ ID: 'expire-logs', Status: 'Enabled', Filter: { Prefix: 'logs/' }, Expiration: { Days: 30 } }] };

export const session: CliSession = {
  lab: 'iam-s3-read-only',
  steps: [
    {
      name: 'creates a bucket',
      args: ['s3api', 'create-bucket', '--bucket', BUCKET],
      expect: (json) => expect(json).toEqual({ Location: `/${BUCKET}` }),
    },
    {
      name: 'uploads a file as an object',
      args: ['s3api', 'put-object', '--bucket', BUCKET, '--key', 'notes/hello world.txt', '--body', upload, '--content-type', 'text/plain'],
      expect: (json) => expect(json).toMatchObject({ ETag: expect.stringMatching(/^"[0-9a-f]{32}"$/), ServerSideEncryption: 'AES256' }),
    },
    {
      name: 'reads its metadata',
      args: ['s3api', 'head-object', '--bucket', BUCKET, '--key', 'notes/hello world.txt'],
      expect: (json) => expect(json).toMatchObject({ ContentLength: 19, ContentType: 'text/plain' }),
    },
    {
      name: 'downloads it to a file',
      args: ['s3api', 'get-object', '--bucket', BUCKET, '--key', 'notes/hello world.txt', download],
      expect: (json) => {
        expect(json).toMatchObject({ ContentLength: 19 });
        expect(readFileSync(download, 'utf8')).toBe('hello from the cli\n');
      },
    },
    {
      name: 'lists the objects under a prefix, keys decoded',
      args: ['s3api', 'list-objects-v2', '--bucket', BUCKET, '--prefix', 'notes/'],
      // The CLI pages on its own and prints the merged pages, without `KeyCount`.
      expect: (json) => expect(json).toMatchObject({ Contents: [expect.objectContaining({ Key: 'notes/hello world.txt', Size: 19 })] }),
    },
    {
      name: 'refuses a missing key',
      args: ['s3api', 'get-object', '--bucket', BUCKET, '--key', 'nope.txt', download],
      error: 'NoSuchKey',
    },
    {
      name: 'refuses a public bucket policy while Block Public Access is on',
      args: ['s3api', 'put-bucket-policy', '--bucket', BUCKET, '--policy', policy('*')],
      error: 'AccessDenied',
    },
    {
      name: 'turns BlockPublicPolicy off for the bucket',
      args: ['s3api', 'put-public-access-block', '--bucket', BUCKET, '--public-access-block-configuration', 'BlockPublicAcls=true,IgnorePublicAcls=true,BlockPublicPolicy=false,RestrictPublicBuckets=false'],
      expect: (json) => expect(json).toBeUndefined(),
    },
    {
      name: 'then takes the public policy',
      args: ['s3api', 'put-bucket-policy', '--bucket', BUCKET, '--policy', policy('*')],
    },
    {
      name: 'reports the policy as public',
      args: ['s3api', 'get-bucket-policy-status', '--bucket', BUCKET],
      expect: (json) => expect(json).toEqual({ PolicyStatus: { IsPublic: true } }),
    },
    {
      name: 'sets SSE-KMS default encryption',
      args: ['s3api', 'put-bucket-encryption', '--bucket', BUCKET, '--server-side-encryption-configuration', JSON.stringify({ Rules: [{ ApplyServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms' }, BucketKeyEnabled: true }] })],
    },
    {
      name: 'reads the encryption back',
      args: ['s3api', 'get-bucket-encryption', '--bucket', BUCKET],
      expect: (json) => expect(json).toEqual({ ServerSideEncryptionConfiguration: { Rules: [{ ApplyServerSideEncryptionByDefault: { SSEAlgorithm: 'aws:kms' }, BucketKeyEnabled: true }] } }),
    },
    {
      name: 'enables versioning',
      args: ['s3api', 'put-bucket-versioning', '--bucket', BUCKET, '--versioning-configuration', 'Status=Enabled'],
    },
    {
      name: 'deletes the object: a delete marker',
      args: ['s3api', 'delete-object', '--bucket', BUCKET, '--key', 'notes/hello world.txt'],
      expect: (json) => expect(json).toMatchObject({ DeleteMarker: true, VersionId: expect.any(String) }),
    },
    {
      name: 'lists the versions and the delete marker',
      args: ['s3api', 'list-object-versions', '--bucket', BUCKET],
      expect: (json) =>
        expect(json).toMatchObject({
          Versions: [expect.objectContaining({ Key: 'notes/hello world.txt', VersionId: 'null', IsLatest: false })],
          DeleteMarkers: [expect.objectContaining({ Key: 'notes/hello world.txt', IsLatest: true })],
        }),
    },
    {
      name: 'puts a lifecycle configuration',
      args: ['s3api', 'put-bucket-lifecycle-configuration', '--bucket', BUCKET, '--lifecycle-configuration', JSON.stringify(lifecycle)],
    },
    {
      name: 'reads the lifecycle configuration',
      args: ['s3api', 'get-bucket-lifecycle-configuration', '--bucket', BUCKET],
      expect: (json) => expect(json).toMatchObject(lifecycle),
    },
    {
      name: 'refuses to delete a bucket that still holds versions',
      args: ['s3api', 'delete-bucket', '--bucket', BUCKET],
      error: 'BucketNotEmpty',
    },
    // The high-level `aws s3` commands print text, not JSON: their exit status is what is checked.
    { name: 'makes a bucket with `aws s3 mb`', args: ['s3', 'mb', 's3://cli-scratch'] },
    { name: 'copies a file up with `aws s3 cp`', args: ['s3', 'cp', upload, 's3://cli-scratch/dir/up.txt'] },
    { name: 'lists with `aws s3 ls`', args: ['s3', 'ls', 's3://cli-scratch/dir/'] },
    { name: 'copies it down again', args: ['s3', 'cp', 's3://cli-scratch/dir/up.txt', download] },
    { name: 'removes everything with `aws s3 rm --recursive`', args: ['s3', 'rm', 's3://cli-scratch', '--recursive'] },
    { name: 'removes the bucket with `aws s3 rb`', args: ['s3', 'rb', 's3://cli-scratch'] },
    {
      name: 'answers an operation the emulator does not model with NotImplemented',
      args: ['s3api', 'put-bucket-tagging', '--bucket', BUCKET, '--tagging', 'TagSet=[{Key=team,Value=web}]'],
      error: 'NotImplemented',
    },
  ],
};
