import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createBucket, putObject } from '../s3/operations.ts';
import { emptyAccountState } from '../state.ts';
import { testCtx } from '../test-ctx.ts';
import { rootCaller } from './credentials.ts';
import { handleAwsRequest } from './handler.ts';
import { S3_ROUTES } from './s3-routes.ts';
import { signS3Request, TEST_ROOT_KEYS } from './test-signing.ts';

const ctx = testCtx();
const options = { ctx, requestId: 'req-1', resolveCredentials: (id: string) => (id === TEST_ROOT_KEYS.accessKeyId ? rootCaller(ctx.accountId, TEST_ROOT_KEYS.secretAccessKey) : undefined) };

// Whatever a signed S3 request holds, the answer is an AWS error or a success, never our bug: every route with
// hostile names, parameters, headers and bodies (XML-ish text among them).
describe('S3 over the wire, any request', () => {
  it('never fails inside the emulator, and a refused call changes nothing', () => {
    const state = emptyAccountState();
    createBucket(state, { Bucket: 'b-bucket' }, ctx);
    putObject(state, { Bucket: 'b-bucket', Key: 'k', Body: 'x' }, ctx);
    const name = fc.oneof(fc.constant('b-bucket'), fc.constantFrom('b-bucket', '__proto__', 'constructor', 'a..b', 'UPPER'), fc.stringMatching(/^[a-z0-9.-]{1,12}$/));
    const key = fc.oneof(fc.constant('k'), fc.string({ maxLength: 12 }).map(encodeURIComponent));
    const query = fc.dictionary(fc.constantFrom('prefix', 'max-keys', 'delimiter', 'versionId', 'continuation-token', 'encoding-type', 'start-after', 'x-id'), fc.string({ maxLength: 6 }), { maxKeys: 3 });
    const body = fc.oneof(fc.constant(''), fc.string({ maxLength: 40 }), fc.constantFrom('<VersioningConfiguration><Status>Enabled</Status></VersioningConfiguration>', '{"Version":"2012-10-17"}', '<LifecycleConfiguration><Rule/></LifecycleConfiguration>'));
    const headers = fc.dictionary(fc.constantFrom('content-type', 'x-amz-meta-a', 'x-amz-acl', 'content-md5'), fc.stringMatching(/^[a-z0-9/=+-]{0,10}$/), { maxKeys: 2 });
    fc.assert(
      fc.property(fc.constantFrom(...Object.values(S3_ROUTES)), name, key, query, body, headers, (route, bucket, objectKey, params, text, extra) => {
        const path = route.target === 'service' ? '/' : route.target === 'bucket' ? `/${bucket}` : `/${bucket}/${objectKey || 'k'}`;
        const names = [...(route.query ?? []).map((q) => [q, q === 'list-type' ? '2' : '']), ...Object.entries(params)];
        const search = names.length > 0 ? `?${names.map(([n, v]) => `${n}=${encodeURIComponent(v ?? '')}`).join('&')}` : '';
        const request = { ...signS3Request(route.method, `http://localhost/aws/a1${path}${search}`, text, TEST_ROOT_KEYS, { time: ctx.clock.now(), headers: { ...extra, ...(route.header ? { [route.header]: '/x/y' } : {}) } }), basePath: '/aws/a1', endpointHost: 'localhost' };
        const result = handleAwsRequest(state, request, options);
        expect(result.internalError).toBeUndefined();
        // 501 is S3's NotImplemented; any other 5xx would be a failure of ours.
        expect(result.response.status < 500 || result.response.status === 501).toBe(true);
        if (result.response.status >= 300) expect(result.changed).toBe(false);
      }),
      { numRuns: 600 },
    );
  });
});
