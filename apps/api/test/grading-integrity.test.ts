import { findAttemptById } from '@skylab/db';
import { describe, expect, it } from 'vitest';
import { signQueryRequest } from '../../../packages/emulator/src/wire/test-signing.ts';
import { newRootAccessKey, sameAccessKeyId } from '../src/aws-secrets.ts';
import { createAgent, type Agent } from './scenarios/client.ts';
import { RIGHT_POLICY, revealHint, S3_STAR_POLICY, startAttempt, submit } from './scenarios/labs.ts';
import { PASSWORD } from './scenarios/scenario.ts';
import { testApp } from './support/test-app.ts';

async function signedUp(fetch: (url: string, init?: RequestInit) => Response | Promise<Response>) {
  const learner = createAgent(fetch, 'http://localhost');
  expect((await learner.post('/api/auth/sign-up', { email: 'ada@example.com', password: PASSWORD })).status).toBe(201);
  return learner;
}

async function iamCall(app: Awaited<ReturnType<typeof testApp>>, keys: { accessKeyId: string; secretAccessKey: string }, attemptId: string, params: string) {
  const request = signQueryRequest(`Version=2010-05-08&${params}`, keys, { url: `http://localhost/aws/${attemptId}/`, service: 'iam', time: app.deps.clock.now() });
  const res = await app.fetch(request.url, { method: request.method, headers: request.headers, body: new TextDecoder().decode(request.body) });
  return { status: res.status, text: await res.text() };
}

describe('the seed of an attempt', () => {
  it('is in no API answer about the attempt', async () => {
    const app = await testApp();
    const learner = await signedUp(app.fetch);
    const attempt = await startAttempt(learner);
    const { seed } = (await findAttemptById(app.deps.db, attempt.id))!;
    const answers: unknown[] = [attempt];
    const keep = async (pending: Promise<{ status: number; body: unknown }>) => {
      const res = await pending;
      expect(res.status, JSON.stringify(res.body)).toBeLessThan(300);
      answers.push(res.body);
    };
    await keep(submit(learner, attempt.id, 1, S3_STAR_POLICY));
    await keep(revealHint(learner, attempt.id, 1));
    await keep(learner.get(`/api/attempts/${attempt.id}/aws-credentials`));
    await keep(learner.post(`/api/attempts/${attempt.id}/account/reset`, { version: 3 }));
    await keep(submit(learner, attempt.id, 4, RIGHT_POLICY));
    await keep(learner.get(`/api/attempts/${attempt.id}`));
    await keep(learner.get('/api/labs/iam-s3-read-only/attempts'));
    await keep(learner.get('/api/me/progress'));
    await keep(learner.post(`/api/attempts/${attempt.id}/close`));
    expect(answers).toHaveLength(10);
    for (const answer of answers) expect(JSON.stringify(answer)).not.toContain(seed);
  });
});

describe('root access keys', () => {
  it('are drawn fresh every time, in AWS shapes', () => {
    const keys = Array.from({ length: 20 }, () => newRootAccessKey());
    for (const key of keys) expect(key).toEqual({ accessKeyId: expect.stringMatching(/^AKIA[A-Z2-7]{16}$/), secretAccessKey: expect.stringMatching(/^[A-Za-z0-9+/]{40}$/) });
    expect(new Set(keys.map((k) => k.accessKeyId)).size).toBe(20);
  });

  it.each([
    ['the same id', 'AKIAAAAAAAAAAAAAAAAA', true],
    ['another id', 'AKIAAAAAAAAAAAAAAAAB', false],
    ['a prefix of it', 'AKIAAAAAAAAAAAAAAAA', false],
    ['nothing', '', false],
  ])('compare %s with the stored one', (_name, presented, same) => {
    expect(sameAccessKeyId(presented, 'AKIAAAAAAAAAAAAAAAAA')).toBe(same);
  });

  it('are given on first use to an attempt from before keys were stored, and work from then on', async () => {
    const app = await testApp();
    const learner: Agent = await signedUp(app.fetch);
    const attempt = await startAttempt(learner);
    await app.deps.db.$client.execute({ sql: 'update attempts set aws_access_key_id = null, aws_secret_access_key = null where id = ?', args: [attempt.id] });
    const { credentials } = (await learner.get(`/api/attempts/${attempt.id}/aws-credentials`)).body;
    expect(credentials.accessKeyId).toMatch(/^AKIA[A-Z2-7]{16}$/);
    expect((await learner.get(`/api/attempts/${attempt.id}/aws-credentials`)).body.credentials).toEqual(credentials);
    expect((await iamCall(app, credentials, attempt.id, 'Action=GetUser&UserName=app-reader')).status).toBe(200);
  });

  it('sign access keys the account issues with random secrets, never seeded ones', async () => {
    const app = await testApp();
    const learner = await signedUp(app.fetch);
    const attempt = await startAttempt(learner);
    const { credentials } = (await learner.get(`/api/attempts/${attempt.id}/aws-credentials`)).body;
    const created = await iamCall(app, credentials, attempt.id, 'Action=CreateAccessKey&UserName=app-reader');
    expect(created.status).toBe(200);
    expect(created.text).toMatch(/<SecretAccessKey>[A-Za-z0-9+/]{40}<\/SecretAccessKey>/);
  });
});
