import { findAttemptById } from '@skylab/db';
import { MAX_ACCOUNT_STATE_BYTES } from '@skylab/emulator';
import { describe, expect, it } from 'vitest';
import { signQueryRequest } from '../../../packages/emulator/src/wire/test-signing.ts';
import { createAgent } from './scenarios/client.ts';
import { PASSWORD } from './scenarios/scenario.ts';
import { testApp } from './support/test-app.ts';

// One learner once grew an attempt to 5 MB (and the server to 0.9 GB) with 800 CreatePolicy calls over the
// attempt's AWS endpoint. The account is now capped: the calls past the cap answer LimitExceeded, the stored
// account stays under it, and the server's memory does not grow with the number of calls.

const ORIGIN = 'http://localhost';
const CALLS = 820;

/** A managed policy document just under IAM's 6144-character quota, different for each call. */
function largeDocument(n: number): string {
  const Resource = Array.from({ length: 150 }, (_, i) => `arn:aws:s3:::learner-bucket-${n}-${i}/*`);
  return JSON.stringify({ Version: '2012-10-17', Statement: [{ Sid: `Call${n}`, Effect: 'Allow', Action: ['s3:GetObject', 's3:PutObject'], Resource }] });
}

const heapUsed = () => {
  (globalThis as { gc?: () => void }).gc?.();
  return process.memoryUsage().heapUsed;
};

describe('the attempt AWS endpoint under a flood of CreatePolicy calls', () => {
  it(`answers LimitExceeded once the account reaches ${MAX_ACCOUNT_STATE_BYTES} bytes, and stores no more`, async () => {
    const { app, deps } = await testApp();
    const fetch = (url: string, init?: RequestInit) => app.request(url, init);
    const learner = createAgent(fetch, ORIGIN);
    expect((await learner.post('/api/auth/sign-up', { email: 'flood@example.com', password: PASSWORD })).status).toBe(201);
    const attemptId: string = (await learner.post('/api/labs/iam-s3-read-only/attempts')).body.attempt.id;
    const { credentials } = (await learner.get(`/api/attempts/${attemptId}/aws-credentials`)).body;

    const codes = new Map<string, number>();
    let heapAfterFirstLimit: number | undefined;
    for (let n = 0; n < CALLS; n++) {
      const document = largeDocument(n);
      expect(document.replace(/\s/g, '').length).toBeLessThanOrEqual(6144);
      const body = `Action=CreatePolicy&Version=2010-05-08&PolicyName=flood-${n}&PolicyDocument=${encodeURIComponent(document)}`;
      const request = signQueryRequest(body, credentials, { url: `${credentials.endpoint}/`, time: deps.clock.now() });
      const response = await fetch(request.url, { method: 'POST', headers: request.headers, body });
      const text = await response.text();
      const code = response.status === 200 ? 'OK' : (/<Code>([^<]*)<\/Code>/.exec(text)?.[1] ?? String(response.status));
      codes.set(code, (codes.get(code) ?? 0) + 1);
      if (code === 'LimitExceeded') {
        expect(response.status).toBe(409);
        heapAfterFirstLimit ??= heapUsed();
      }
    }

    expect([...codes.keys()].sort()).toEqual(['LimitExceeded', 'OK']);
    expect(codes.get('OK')).toBeLessThan(CALLS / 2);
    const stored = await findAttemptById(deps.db, attemptId);
    const storedBytes = new TextEncoder().encode(JSON.stringify(stored?.state)).length;
    expect(storedBytes).toBeLessThanOrEqual(MAX_ACCOUNT_STATE_BYTES);
    expect(storedBytes).toBeGreaterThan(MAX_ACCOUNT_STATE_BYTES * 0.9);
    // Every refused call still reads the whole account: the heap must not grow with them. Only measurable
    // when the process runs with --expose-gc; otherwise the stored size above is the bound.
    if ((globalThis as { gc?: () => void }).gc && heapAfterFirstLimit !== undefined) {
      expect(heapUsed() - heapAfterFirstLimit).toBeLessThan(32 * 1024 * 1024);
    }
  }, 300_000);
});
