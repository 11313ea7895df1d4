import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { emptyAccountState } from '../state.ts';
import { testCtx } from '../test-ctx.ts';
import { rootCaller } from './credentials.ts';
import { handleAwsRequest } from './handler.ts';
import { signQueryRequest, TEST_ROOT_KEYS } from './test-signing.ts';
import type { WireRequest } from './types.ts';

const ctx = testCtx();
const ROOT = TEST_ROOT_KEYS;
const options = { ctx, requestId: 'r', resolveCredentials: (id: string) => (id === ROOT.accessKeyId ? rootCaller(ctx.accountId, ROOT.secretAccessKey) : undefined) };

const sign = (body: string): WireRequest => signQueryRequest(body, ROOT, { time: ctx.clock.now(), url: 'http://localhost/aws/a/' });

const XML_ANSWER = /^<(\w+Response xmlns="[^"]+">|ErrorResponse( xmlns="[^"]+")?><Error><Type>(Sender|Receiver)<\/Type><Code>\w+<\/Code>)/;

describe('handleAwsRequest on arbitrary input', () => {
  it('answers any unsigned request with an AWS error and never throws', () => {
    const request = fc.record({
      method: fc.constantFrom('GET', 'POST', 'PUT', 'DELETE'),
      url: fc.string(),
      headers: fc.dictionary(fc.constantFrom('authorization', 'x-amz-date', 'host', 'content-type', 'x-amz-security-token', 'x-amz-content-sha256', 'other'), fc.string()),
      body: fc.uint8Array({ maxLength: 200 }),
    });
    fc.assert(
      fc.property(request, (r) => {
        const result = handleAwsRequest(emptyAccountState(), r, options);
        expect(result.response.status).toBeGreaterThanOrEqual(400);
        expect(result.response.body).toMatch(XML_ANSWER);
        expect(result.changed).toBe(false);
      }),
    );
  });

  it('answers any correctly signed IAM body with XML, changing nothing when it fails', () => {
    const token = fc.oneof(
      fc.constantFrom('Action=', 'CreateUser', 'GetUser', 'CreatePolicy', 'PutUserPolicy', '&Version=2010-05-08', '&UserName=', '&PolicyDocument=', '&Tags.member.1.Key=', '.member.', '%7B', '&'),
      fc.string({ maxLength: 8 }),
    );
    fc.assert(
      fc.property(fc.array(token, { maxLength: 20 }), (tokens) => {
        const result = handleAwsRequest(emptyAccountState(), sign(tokens.join('')), options);
        expect(result.response.body).toMatch(XML_ANSWER);
        expect(result.internalError).toBeUndefined();
        if (result.response.status !== 200) expect(result.changed).toBe(false);
      }),
      { numRuns: 500 },
    );
  });
});
