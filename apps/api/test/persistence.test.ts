import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createAgent } from './scenarios/client.ts';
import { RIGHT_POLICY, S3_STAR_POLICY, startAttempt, submit } from './scenarios/labs.ts';
import { PASSWORD } from './scenarios/scenario.ts';
import { testApp } from './support/test-app.ts';
import { openTestDb } from './support/test-deps.ts';

describe('a restart', () => {
  it('keeps accounts, sessions, attempts and progress in the database file', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'skylab-restart-')), 'skylab.db');
    const first = await testApp({ db: await openTestDb('file', file), seed: 'first-run' });
    const learner = createAgent(first.fetch, 'http://localhost');
    expect((await learner.post('/api/auth/sign-up', { email: 'ada@example.com', password: PASSWORD })).status).toBe(201);
    const attempt = await startAttempt(learner);
    expect((await submit(learner, attempt.id, 1, S3_STAR_POLICY)).status).toBe(201);
    expect((await submit(learner, attempt.id, 2, RIGHT_POLICY)).status).toBe(201);
    const before = (await learner.get(`/api/attempts/${attempt.id}`)).body.attempt;
    const progressBefore = (await learner.get('/api/me/progress')).body;
    first.deps.db.$client.close();

    // A new process: new database client, new app, same file. The browser keeps its cookie.
    const second = await testApp({ db: await openTestDb('file', file), seed: 'second-run' });
    const sameBrowser = createAgent(second.fetch, 'http://localhost');
    expect((await sameBrowser.post('/api/auth/sign-in', { email: 'ada@example.com', password: PASSWORD })).status).toBe(200);
    expect((await sameBrowser.get(`/api/attempts/${attempt.id}`)).body.attempt).toEqual(before);
    const progress = (await sameBrowser.get('/api/me/progress')).body;
    expect(progress).toEqual(progressBefore);
    expect(progress.progress[0]).toMatchObject({ labId: 'iam-s3-read-only', bestScore: 1, completed: true });

    const restored = createAgent(second.fetch, 'http://localhost');
    const cookie = learner.sessionCookie;
    expect((await restored.request('GET', '/api/me', { headers: { cookie: `__Host-skylab_session=${cookie}` } })).body.user.email).toBe('ada@example.com');
  });
});
