import { describe, expect, it } from 'vitest';
import { createAccessKey } from '../iam/credential-operations.ts';
import { createUser, putUserPolicy } from '../iam/operations.ts';
import { emptyAccountState, type AccountState } from '../state.ts';
import { testCtx } from '../test-ctx.ts';
import { rootCaller } from './credentials.ts';
import { handleAwsRequest, type HandleAwsOptions } from './handler.ts';
import { bodyText, signS3Request, TEST_ROOT_KEYS, type TestKeys } from './test-signing.ts';
import type { ResolvedCredentials, WireResponse } from './types.ts';

const ctx = testCtx();
const NOW = ctx.clock.now();
const ROOT = TEST_ROOT_KEYS;
const resolve = (id: string): ResolvedCredentials | undefined => (id === ROOT.accessKeyId ? rootCaller(ctx.accountId, ROOT.secretAccessKey) : undefined);
const options: HandleAwsOptions = { ctx, requestId: 'req-1', resolveCredentials: resolve };

const BASE = 'http://localhost/aws/attempt-1';
const code = (response: WireResponse) => /<Code>([^<]*)<\/Code>/.exec(bodyText(response.body))?.[1];

/** Runs S3 calls one after the other on an account, as a client would. */
function session(start: AccountState = emptyAccountState()) {
  let state = start;
  return {
    call(method: string, path: string, body = '', keys: TestKeys = ROOT, headers: Record<string, string> = {}) {
      const request = { ...signS3Request(method, `${BASE}${path}`, body, keys, { time: NOW, headers }), basePath: '/aws/attempt-1', endpointHost: 'localhost' };
      const result = handleAwsRequest(state, request, options);
      state = result.state;
      return result.response;
    },
    get state() {
      return state;
    },
  };
}

/** A user `dev` with the given identity policy statements and an access key. */
function withUser(statements: object[]): { state: AccountState; keys: TestKeys } {
  const state = emptyAccountState();
  createUser(state, { UserName: 'dev' }, ctx);
  if (statements.length > 0) putUserPolicy(state, { UserName: 'dev', PolicyName: 'p', PolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: statements }) }, ctx);
  const { AccessKey } = createAccessKey(state, { UserName: 'dev' }, ctx);
  return { state, keys: { accessKeyId: AccessKey.AccessKeyId, secretAccessKey: AccessKey.SecretAccessKey } };
}

describe('S3 over the wire', () => {
  it('creates a bucket, stores and reads an object, and lists it', () => {
    const s3 = session();
    expect(s3.call('PUT', '/notes-bucket')).toMatchObject({ status: 200, headers: { location: '/notes-bucket' } });
    expect(s3.call('PUT', '/notes-bucket/a%20b.txt', 'hello', ROOT, { 'content-type': 'text/plain' })).toMatchObject({ status: 200, headers: { etag: '"5d41402abc4b2a76b9719d911017c592"' } });
    const got = s3.call('GET', '/notes-bucket/a%20b.txt');
    expect(got).toMatchObject({ status: 200, body: 'hello', headers: { 'content-type': 'text/plain', 'content-length': '5', 'last-modified': 'Thu, 01 Jan 2026 00:00:00 GMT' } });
    expect(bodyText(s3.call('GET', '/notes-bucket?list-type=2').body)).toContain('<Contents><Key>a b.txt</Key>');
  });

  it('tags an object from x-amz-tagging (with s3:PutObjectTagging too), and refuses what it does not model', () => {
    const s3 = session();
    s3.call('PUT', '/tag-bucket');
    expect(s3.call('PUT', '/tag-bucket/a.log', 'x', ROOT, { 'x-amz-tagging': 'class=logs&team=web%20ops' }).status).toBe(200);
    expect(s3.state.s3.buckets['tag-bucket']?.Objects['a.log']?.TagSet).toEqual([{ Key: 'class', Value: 'logs' }, { Key: 'team', Value: 'web ops' }]);
    expect(s3.call('GET', '/tag-bucket/a.log').headers['x-amz-tagging-count']).toBe('2');
    expect(code(s3.call('PUT', '/tag-bucket/b.log', 'x', ROOT, { 'x-amz-tagging': 'a=1&a=2' }))).toBe('InvalidTag');
    expect(code(s3.call('PUT', '/tag-bucket/c.log', 'x', ROOT, { 'x-amz-storage-class': 'GLACIER' }))).toBe('NotImplemented');
    expect(s3.call('PUT', '/tag-bucket/d.log', 'x', ROOT, { 'x-amz-storage-class': 'STANDARD' }).status).toBe(200);
    const { state, keys } = withUser([{ Effect: 'Allow', Action: 's3:PutObject', Resource: '*' }]);
    const user = session(state);
    user.call('PUT', '/tag-bucket');
    expect(user.call('PUT', '/tag-bucket/e.log', 'x', keys).status).toBe(200);
    expect(user.call('PUT', '/tag-bucket/f.log', 'x', keys, { 'x-amz-tagging': 'class=logs' }).status).toBe(403);
  });

  it('answers NoSuchBucket naming the bucket, and BucketNotEmpty with 409', () => {
    const s3 = session();
    const missing = s3.call('GET', '/nope-bucket?list-type=2');
    expect([missing.status, code(missing)]).toEqual([404, 'NoSuchBucket']);
    expect(bodyText(missing.body)).toContain('<BucketName>nope-bucket</BucketName>');
    s3.call('PUT', '/full-bucket');
    s3.call('PUT', '/full-bucket/k', 'x');
    const full = s3.call('DELETE', '/full-bucket');
    expect([full.status, code(full)]).toEqual([409, 'BucketNotEmpty']);
    s3.call('DELETE', '/full-bucket/k');
    expect(s3.call('DELETE', '/full-bucket').status).toBe(204);
  });

  // API_CreateBucket.html: a location constraint must name the region of the endpoint the request is sent to.
  it('creates a bucket with the account region as its location constraint, and refuses another region', () => {
    const s3 = session();
    const config = (region: string) => `<CreateBucketConfiguration xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><LocationConstraint>${region}</LocationConstraint></CreateBucketConfiguration>`;
    expect(s3.call('PUT', '/here-bucket', config('us-east-1')).status).toBe(200);
    const elsewhere = s3.call('PUT', '/there-bucket', config('eu-west-1'));
    expect([elsewhere.status, code(elsewhere)]).toEqual([400, 'IllegalLocationConstraintException']);
    expect(Object.keys(s3.state.s3.buckets)).toEqual(['here-bucket']);
  });

  it('refuses an operation the engine does not model with NotImplemented (501), changing nothing', () => {
    const s3 = session();
    s3.call('PUT', '/tagged-bucket');
    const before = s3.state;
    const tagging = s3.call('PUT', '/tagged-bucket?tagging', '<Tagging><TagSet/></Tagging>');
    expect([tagging.status, code(tagging)]).toEqual([501, 'NotImplemented']);
    expect(bodyText(tagging.body)).toContain('`s3:PutBucketTagging`');
    expect(s3.state).toBe(before);
  });

  it('authorizes IAM users with the S3 action and ARN the Service Authorization Reference names', () => {
    const { state, keys } = withUser([{ Effect: 'Allow', Action: 's3:ListBucket', Resource: 'arn:aws:s3:::logs-bucket' }]);
    const s3 = session(state);
    s3.call('PUT', '/logs-bucket');
    expect(s3.call('GET', '/logs-bucket?list-type=2', '', keys).status).toBe(200);
    const denied = s3.call('GET', '/logs-bucket/secret.txt', '', keys);
    expect([denied.status, code(denied)]).toEqual([403, 'AccessDenied']);
    expect(bodyText(denied.body)).toContain('is not authorized to perform: s3:GetObject on resource: arn:aws:s3:::logs-bucket/secret.txt');
  });

  // The example policy of https://docs.aws.amazon.com/AmazonS3/latest/userguide/amazon-s3-policy-keys.html: listing limited to a prefix.
  it('sets s3:prefix for ListObjectsV2, so a policy can limit listing to a prefix', () => {
    const { state, keys } = withUser([{ Effect: 'Allow', Action: 's3:ListBucket', Resource: 'arn:aws:s3:::team-bucket', Condition: { StringLike: { 's3:prefix': 'projects/*' } } }]);
    const s3 = session(state);
    s3.call('PUT', '/team-bucket');
    expect(s3.call('GET', '/team-bucket?list-type=2&prefix=projects%2Fa', '', keys).status).toBe(200);
    expect(s3.call('GET', '/team-bucket?list-type=2', '', keys).status).toBe(403);
  });

  it('authorizes a request naming a version as the …Version action', () => {
    const { state, keys } = withUser([{ Effect: 'Allow', Action: ['s3:GetObject', 's3:DeleteObject'], Resource: 'arn:aws:s3:::logs-bucket/*' }]);
    const s3 = session(state);
    s3.call('PUT', '/logs-bucket');
    s3.call('PUT', '/logs-bucket/app.log', 'x');
    expect(s3.call('GET', '/logs-bucket/app.log', '', keys).status).toBe(200);
    const denied = s3.call('DELETE', '/logs-bucket/app.log?versionId=null', '', keys);
    expect([denied.status, code(denied)]).toEqual([403, 'AccessDenied']);
    expect(bodyText(denied.body)).toContain('s3:DeleteObjectVersion on resource: arn:aws:s3:::logs-bucket/app.log');
  });

  it('lets a bucket policy allow a user of the account that no identity policy allows', () => {
    const { state, keys } = withUser([]);
    const s3 = session(state);
    s3.call('PUT', '/shared-bucket');
    s3.call('PUT', '/shared-bucket/report.csv', 'a,b');
    expect(s3.call('GET', '/shared-bucket/report.csv', '', keys).status).toBe(403);
    const policy = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:user/dev' }, Action: 's3:GetObject', Resource: 'arn:aws:s3:::shared-bucket/*' }] };
    expect(s3.call('PUT', '/shared-bucket?policy', JSON.stringify(policy)).status).toBe(200);
    expect(s3.call('GET', '/shared-bucket/report.csv', '', keys)).toMatchObject({ status: 200, body: 'a,b' });
  });

  it('refuses a public bucket policy while BlockPublicPolicy is on, and takes it once it is off', () => {
    const s3 = session();
    s3.call('PUT', '/site-bucket');
    const policy = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: 'arn:aws:s3:::site-bucket/*' }] });
    const refused = s3.call('PUT', '/site-bucket?policy', policy);
    expect([refused.status, code(refused)]).toEqual([403, 'AccessDenied']);
    const off = '<PublicAccessBlockConfiguration><BlockPublicPolicy>false</BlockPublicPolicy><RestrictPublicBuckets>false</RestrictPublicBuckets></PublicAccessBlockConfiguration>';
    expect(s3.call('PUT', '/site-bucket?publicAccessBlock', off).status).toBe(200);
    expect(s3.call('PUT', '/site-bucket?policy', policy).status).toBe(200);
    expect(bodyText(s3.call('GET', '/site-bucket?policyStatus').body)).toContain('<IsPublic>true</IsPublic>');
  });

  // https://docs.aws.amazon.com/AmazonS3/latest/userguide/access-control-block-public-access.html: a public
  // bucket policy reaches anonymous callers only while RestrictPublicBuckets is off.
  it('serves an unsigned request as the anonymous principal, which only a public bucket policy allows', () => {
    const s3 = session();
    s3.call('PUT', '/public-site');
    s3.call('PUT', '/public-site/index.html', '<h1>hi</h1>', ROOT, { 'content-type': 'text/html' });
    const anonymous = () => handleAwsRequest(s3.state, { method: 'GET', url: `${BASE}/public-site/index.html`, headers: { host: 'localhost' }, body: new Uint8Array(), basePath: '/aws/attempt-1', endpointHost: 'localhost' }, { ...options, anonymousService: 's3' }).response;
    const refused = anonymous();
    expect([refused.status, code(refused)]).toEqual([403, 'AccessDenied']);
    expect(bodyText(refused.body)).toContain('Anonymous users are not authorized to perform: s3:GetObject on resource: arn:aws:s3:::public-site/index.html');
    const off = (restrict: boolean) => `<PublicAccessBlockConfiguration><BlockPublicPolicy>false</BlockPublicPolicy><RestrictPublicBuckets>${restrict}</RestrictPublicBuckets></PublicAccessBlockConfiguration>`;
    s3.call('PUT', '/public-site?publicAccessBlock', off(true));
    const policy = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: '*', Action: 's3:GetObject', Resource: 'arn:aws:s3:::public-site/*' }] };
    expect(s3.call('PUT', '/public-site?policy', JSON.stringify(policy)).status).toBe(200);
    expect(anonymous().status).toBe(403);
    s3.call('PUT', '/public-site?publicAccessBlock', off(false));
    expect(anonymous()).toMatchObject({ status: 200, body: '<h1>hi</h1>', headers: { 'content-type': 'text/html' } });
  });

  it('serves virtual-hosted requests: the bucket in the host, the key in the path', () => {
    const s3 = session();
    const host = (bucket: string) => ({ host: `${bucket}.localhost` });
    const at = (bucket: string, method: string, path: string, body = '') => {
      const request = { ...signS3Request(method, `http://${bucket}.localhost/aws/attempt-1${path}`, body, ROOT, { time: NOW, headers: host(bucket) }), basePath: '/aws/attempt-1', endpointHost: 'localhost' };
      const result = handleAwsRequest(s3.state, request, options);
      return result;
    };
    const created = at('vhost-bucket', 'PUT', '/');
    expect(created.response.status).toBe(200);
    expect(created.state.s3.buckets['vhost-bucket']).toBeDefined();
  });
});
