import { describe, expect, it } from 'vitest';
import { createPolicy, createUser } from '../iam/operations.ts';
import { emptyAccountState, type AccountState } from '../state.ts';
import { testCtx } from '../test-ctx.ts';
import { rootCaller } from './credentials.ts';
import { handleAwsRequest, MAX_ACCOUNT_STATE_BYTES } from './handler.ts';
import { bodyText, signQueryRequest, TEST_ROOT_KEYS } from './test-signing.ts';
import type { WireResponse } from './types.ts';

// The account an attempt keeps is capped: a call that would grow it past MAX_ACCOUNT_STATE_BYTES answers
// LimitExceeded (409, as IAM's quotas do) and leaves it as it was; calls that shrink it always work.

const ctx = testCtx();
const ROOT = TEST_ROOT_KEYS;
const options = { ctx, requestId: 'r', resolveCredentials: (id: string) => (id === ROOT.accessKeyId ? rootCaller(ctx.accountId, ROOT.secretAccessKey) : undefined) };
const send = (state: AccountState, body: string) => handleAwsRequest(state, signQueryRequest(body, ROOT, { time: ctx.clock.now() }), options);
const size = (state: AccountState) => JSON.stringify(state).length;

/** A managed policy document of about 6 KB (IAM's size quota), unique per `n`. */
const document = (n: number) => JSON.stringify({ Version: '2012-10-17', Statement: [{ Sid: `S${n}`, Effect: 'Allow', Action: 's3:GetObject', Resource: Array.from({ length: 120 }, (_, i) => `arn:aws:s3:::bucket-${n}-${i}/*`) }] });

/** An account just under the cap, filled with policies made directly (not through the wire). */
function nearlyFull(): AccountState {
  const state = emptyAccountState();
  createUser(state, { UserName: 'ada' }, ctx);
  for (let n = 0; size(state) + 8000 < MAX_ACCOUNT_STATE_BYTES; n++) createPolicy(state, { PolicyName: `p${n}`, PolicyDocument: document(n) }, ctx);
  return state;
}

const errorOf = (body: WireResponse['body']) => { const xml = bodyText(body); return { code: /<Code>([^<]*)<\/Code>/.exec(xml)?.[1], message: /<Message>([^<]*)<\/Message>/.exec(xml)?.[1] }; };

describe('the account state cap on the wire', () => {
  const full = nearlyFull();

  it('refuses a call that would grow the account past the cap with LimitExceeded, changing nothing', () => {
    const first = send(full, `Action=CreatePolicy&Version=2010-05-08&PolicyName=one&PolicyDocument=${encodeURIComponent(document(9001))}`);
    expect(first.response.status).toBe(200);
    const result = send(first.state, `Action=CreatePolicy&Version=2010-05-08&PolicyName=two&PolicyDocument=${encodeURIComponent(document(9002))}`);
    expect(result.response.status).toBe(409);
    expect(errorOf(result.response.body)).toEqual({ code: 'LimitExceeded', message: expect.stringMatching(/^the emulated account is capped at 1048576 bytes of state \(1 MiB\): this call would make it \d+ bytes, delete resources first$/) });
    expect(result.changed).toBe(false);
    expect(result.state).toBe(first.state);
    expect(size(first.state)).toBeLessThanOrEqual(MAX_ACCOUNT_STATE_BYTES);
  });

  it('still answers reads and lets an account over the cap shrink', () => {
    const over = structuredClone(full);
    for (let n = 0; size(over) < MAX_ACCOUNT_STATE_BYTES + 20_000; n++) createPolicy(over, { PolicyName: `over-${n}`, PolicyDocument: document(9100 + n) }, ctx);
    expect(send(over, 'Action=GetUser&Version=2010-05-08&UserName=ada').response.status).toBe(200);
    const deleted = send(over, `Action=DeletePolicy&Version=2010-05-08&PolicyArn=${encodeURIComponent(`arn:aws:iam::${ctx.accountId}:policy/over-0`)}`);
    expect(deleted.response.status).toBe(200);
    expect(deleted.changed).toBe(true);
    expect(size(deleted.state)).toBeGreaterThan(MAX_ACCOUNT_STATE_BYTES);
    expect(errorOf(send(deleted.state, 'Action=CreateUser&Version=2010-05-08&UserName=bob').response.body).code).toBe('LimitExceeded');
  });
});
