import { describe, expect, it } from 'vitest';
import { examAvailability, examDeadline } from '../src/exam-sessions.ts';
import { FIXTURE_EXAMS } from './fixtures/exams.ts';
import { createAgent } from './scenarios/client.ts';
import { PASSWORD } from './scenarios/scenario.ts';
import { testApp } from './support/test-app.ts';

const MINUTE = 60_000;
const T = Date.UTC(2026, 2, 1, 9, 0, 0);
const settings = (availability: { opens?: string; closes?: string }) => ({
  timeLimitMinutes: 90,
  availability,
  attemptsAllowed: 1,
  feedbackRelease: 'after-submit' as const,
  awsEndpoint: 'closed' as const,
  shuffle: { items: true, options: true },
});
const OPENS = '2026-03-01T09:00:00Z';
const CLOSES = '2026-03-01T10:00:00Z';

describe('the exam window and deadline', () => {
  it.each([
    [{}, T - 1, 'open'],
    [{ opens: OPENS }, T - 1, 'upcoming'],
    [{ opens: OPENS }, T, 'open'],
    [{ closes: CLOSES }, T + 60 * MINUTE - 1, 'open'],
    [{ closes: CLOSES }, T + 60 * MINUTE, 'closed'],
  ] as const)('%j at %i is %s', (availability, now, expected) => {
    expect(examAvailability(settings(availability), now)).toBe(expected);
  });

  it.each([
    [{}, T, T + 90 * MINUTE],
    [{ closes: CLOSES }, T, T + 60 * MINUTE],
    [{ closes: '2026-03-01T12:00:00Z' }, T, T + 90 * MINUTE],
  ] as const)('%j started at %i ends at %i: the time limit, cut at the close', (availability, startedAt, deadline) => {
    expect(examDeadline(settings(availability), startedAt)).toBe(deadline);
  });
});

describe('autosave rate', () => {
  it('refuses saves past the session\'s rate with 429 and Retry-After, and takes them again in the next window', async () => {
    const app = await testApp({ config: { examSaveRate: { limit: 2, windowMs: MINUTE } } });
    const learner = createAgent(app.fetch, 'http://localhost');
    expect((await learner.post('/api/auth/sign-up', { email: 'ada@example.com', password: PASSWORD })).status).toBe(201);
    const { id } = (await learner.post(`/api/exams/${FIXTURE_EXAMS.afterSubmit}/sessions`)).body.session;
    const save = (version: number) => learner.request('PUT', `/api/exam-sessions/${id}/answers/q-single`, { body: { picks: ['scp'] }, headers: { 'if-match': `"${version}"` } });
    expect((await save(0)).status).toBe(200);
    expect((await save(1)).status).toBe(200);
    const refused = await save(2);
    expect(refused.status).toBe(429);
    expect(refused.body.error.code).toBe('too_many_saves');
    expect(refused.headers.get('retry-after')).toBe('60');
    app.deps.clock.advance(MINUTE);
    expect((await save(2)).status).toBe(200);
  });
});
