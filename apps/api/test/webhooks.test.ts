import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { deliverDue, retryAt, startDeliveryLoop } from '../src/deliveries.ts';
import { signatureHeader, verifySignatureHeader } from '../src/webhooks/signature.ts';
import { FIXTURE_EXAMS } from './fixtures/exams.ts';
import { RIGHT_POLICY, S3_STAR_POLICY } from './scenarios/labs.ts';
import { PASSWORD } from './scenarios/scenario.ts';
import { startToolServer } from './support/tool-server.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the tests read whatever JSON came back, checked by expect
type JsonBody = Record<string, any>;

interface Received {
  event: string;
  body: JsonBody;
  signatureValid: boolean;
}

/** A webhook receiver over real HTTP that checks every signature the way docs/api.md tells receivers to. */
async function startReceiver(now: () => number) {
  const received: Received[] = [];
  const state = { secret: '', failNext: 0 };
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      if (state.failNext > 0) {
        state.failNext--;
        res.writeHead(500).end();
        return;
      }
      const raw = Buffer.concat(chunks).toString('utf8');
      const body = JSON.parse(raw) as JsonBody;
      received.push({ event: body.type, body, signatureValid: verifySignatureHeader(state.secret, String(req.headers['skylab-signature']), raw, Math.floor(now() / 1000)) });
      res.writeHead(204).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks`, received, state, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

let tool: Awaited<ReturnType<typeof startToolServer>>;
let receiver: Awaited<ReturnType<typeof startReceiver>>;
let endpointId: string;

beforeAll(async () => {
  tool = await startToolServer();
  receiver = await startReceiver(() => tool.deps.clock.now());
  const created = await tool.admin.post('/api/webhooks', { url: receiver.url, events: ['attempt.completed', 'grade.changed', 'exam.submitted'] });
  expect(created.status).toBe(201);
  expect(created.body.secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
  receiver.state.secret = created.body.secret;
  endpointId = created.body.endpoint.id;
});
afterAll(async () => {
  await receiver?.close();
  await tool?.close();
});
beforeEach(() => {
  receiver.received.length = 0;
});

let learners = 0;
async function learnerAttempt() {
  const learner = tool.browser();
  await learner.post('/api/auth/sign-up', { email: `hook-learner-${++learners}@example.com`, password: PASSWORD });
  const attempt = await learner.post('/api/labs/iam-s3-read-only/attempts');
  return { learner, attemptId: attempt.body.attempt.id as string };
}

describe('webhooks', () => {
  it('never shows the secret again after registration', async () => {
    const listed = await tool.admin.get('/api/webhooks');
    expect(listed.body.endpoints).toEqual([expect.objectContaining({ id: endpointId, url: receiver.url })]);
    expect(JSON.stringify(listed.body)).not.toContain('whsec_');
  });

  it('signs grade.changed and attempt.completed for a completing submission, and grade.changed alone for a partial one', async () => {
    const { learner, attemptId } = await learnerAttempt();
    await learner.post(`/api/attempts/${attemptId}/submissions`, { version: 1, answers: { 'reader-policy': S3_STAR_POLICY } });
    await deliverDue(tool.deps);
    expect(receiver.received.map((r) => r.event)).toEqual(['grade.changed']);
    await learner.post(`/api/attempts/${attemptId}/submissions`, { version: 2, answers: { 'reader-policy': RIGHT_POLICY } });
    await deliverDue(tool.deps);
    expect(receiver.received.map((r) => r.event).sort()).toEqual(['attempt.completed', 'grade.changed', 'grade.changed']);
    expect(receiver.received.every((r) => r.signatureValid)).toBe(true);
    const completed = receiver.received.find((r) => r.event === 'attempt.completed')!;
    expect(completed.body.data).toMatchObject({ attemptId, labId: 'iam-s3-read-only', score: 1, status: 'completed' });
  });

  it('retries a failed delivery with backoff and logs every try for the admin', async () => {
    const { learner, attemptId } = await learnerAttempt();
    receiver.state.failNext = 2;
    await learner.post(`/api/attempts/${attemptId}/submissions`, { version: 1, answers: { 'reader-policy': S3_STAR_POLICY } });
    await deliverDue(tool.deps);
    tool.deps.clock.advance(29_000);
    expect((await deliverDue(tool.deps)).webhooks).toBe(0);
    tool.deps.clock.advance(1_000);
    await deliverDue(tool.deps);
    expect(receiver.received).toEqual([]);
    tool.deps.clock.advance(60_000);
    await deliverDue(tool.deps);
    expect(receiver.received.map((r) => [r.event, r.signatureValid])).toEqual([['grade.changed', true]]);
    const log = await tool.admin.get(`/api/webhooks/${endpointId}/deliveries`);
    expect(log.status).toBe(200);
    expect(log.body.deliveries[0]).toMatchObject({ event: 'grade.changed', status: 'delivered', tries: 3 });
    expect(log.body.deliveries[0].attempts.map((a: { responseStatus: number }) => a.responseStatus)).toEqual([500, 500, 204]);
  });

  it('sends exam.submitted once when a learner submits an exam, signed, with the session and its grade', async () => {
    const { learner } = await learnerAttempt();
    const started = await learner.post(`/api/exams/${FIXTURE_EXAMS.afterSubmit}/sessions`);
    expect(started.status).toBe(201);
    const sessionId: string = started.body.session.id;
    expect((await learner.post(`/api/exam-sessions/${sessionId}/submit`)).status).toBe(200);
    // Reading the closed session again grades nothing new: no second event.
    expect((await learner.get(`/api/exam-sessions/${sessionId}`)).status).toBe(200);
    await deliverDue(tool.deps);
    expect(receiver.received).toEqual([
      expect.objectContaining({
        event: 'exam.submitted',
        signatureValid: true,
        body: expect.objectContaining({ data: { examId: FIXTURE_EXAMS.afterSubmit, sessionId, userId: expect.any(String), status: 'submitted', score: 0, passed: false } }),
      }),
    ]);
  });

  it('delivers after the response from the Node loop, woken by the request', async () => {
    const loop = startDeliveryLoop(tool.deps, 60_000);
    tool.deps.wakeDeliveries = loop.wake;
    try {
      const { learner, attemptId } = await learnerAttempt();
      await learner.post(`/api/attempts/${attemptId}/submissions`, { version: 1, answers: { 'reader-policy': RIGHT_POLICY } });
      await expect.poll(() => receiver.received.length, { timeout: 5000 }).toBe(2);
    } finally {
      delete tool.deps.wakeDeliveries;
      await loop.stop();
    }
  });

  it('delivers in the Worker’s waitUntil, after the response', async () => {
    const { learner, attemptId } = await learnerAttempt();
    const pending: Promise<unknown>[] = [];
    const executionCtx = { waitUntil: (promise: Promise<unknown>) => void pending.push(promise), passThroughOnException: () => undefined, props: {} };
    const res = await tool.app.request(
      `/api/attempts/${attemptId}/submissions`,
      { method: 'POST', headers: { origin: 'http://localhost', cookie: `__Host-skylab_session=${learner.sessionCookie}`, 'content-type': 'application/json' }, body: JSON.stringify({ version: 1, answers: { 'reader-policy': RIGHT_POLICY } }) },
      {},
      executionCtx,
    );
    expect(res.status).toBe(201);
    expect(pending).toHaveLength(1);
    await Promise.all(pending);
    expect(receiver.received.map((r) => r.event).sort()).toEqual(['attempt.completed', 'grade.changed']);
  });

  it('refuses an endpoint with an unknown event', async () => {
    const res = await tool.admin.post('/api/webhooks', { url: receiver.url, events: ['attempt.deleted'] });
    expect(res.status).toBe(400);
  });
});

describe('webhook signatures', () => {
  const body = '{"type":"grade.changed"}';
  it.each([
    ['the same secret, body and time', 'whsec_a', body, 1_000, true],
    ['another secret', 'whsec_b', body, 1_000, false],
    ['another body', 'whsec_a', '{"type":"attempt.completed"}', 1_000, false],
    ['a timestamp over 5 minutes old', 'whsec_a', body, 1_301, false],
  ])('%s → %s', (_label, secret, received, now, valid) => {
    expect(verifySignatureHeader(secret, signatureHeader('whsec_a', 1_000, body), received, now)).toBe(valid);
  });

  it('backs off 30 s, 1 min, 2 min … up to 6 h, and gives up after 12 tries', () => {
    expect([1, 2, 3, 11].map((tries) => (retryAt(0, tries) ?? 0) / 1000)).toEqual([30, 60, 120, 21_600]);
    expect(retryAt(0, 12)).toBeUndefined();
  });
});
