import type { Lab } from '@skylab/lab-engine';
import { describe, expect, it } from 'vitest';
import type { AppConfig } from '../src/deps.ts';
import { createAgent } from './scenarios/client.ts';
import { RIGHT_POLICY, S3_STAR_POLICY, startAttempt, submit } from './scenarios/labs.ts';
import { PASSWORD } from './scenarios/scenario.ts';
import { repoLabsWith, testApp } from './support/test-app.ts';

const LAB = 'iam-s3-read-only';

async function learnerOn(options: { lab?: (lab: Lab) => Lab; config?: Partial<AppConfig> } = {}) {
  const { fetch, deps } = await testApp({ ...(options.lab ? { labs: repoLabsWith(LAB, options.lab) } : {}), config: options.config ?? {} });
  const learner = createAgent(fetch, 'http://localhost');
  expect((await learner.post('/api/auth/sign-up', { email: 'ada@example.com', password: PASSWORD })).status).toBe(201);
  return { learner, deps, attempt: await startAttempt(learner), fetch };
}

describe('the submission rate of an attempt', () => {
  it('is 429 with Retry-After past the limit, counts across versions, and recovers when the window has passed', async () => {
    const { learner, deps, attempt } = await learnerOn({ config: { submissionRate: { limit: 2, windowMs: 60_000 } } });
    expect((await submit(learner, attempt.id, 1, S3_STAR_POLICY)).status).toBe(201);
    expect((await submit(learner, attempt.id, 2, '{ not json')).status).toBe(400);
    deps.clock.advance(15_000);
    const refused = await submit(learner, attempt.id, 2, RIGHT_POLICY);
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('45');
    expect(refused.body.error).toEqual({ code: 'too_many_submissions', message: 'this attempt takes at most 2 submissions in 60 seconds: try again in 45 seconds' });
    deps.clock.advance(45_000);
    expect((await submit(learner, attempt.id, 2, RIGHT_POLICY)).status).toBe(201);
  });

  it('is kept per attempt', async () => {
    const { learner, attempt } = await learnerOn({ config: { submissionRate: { limit: 1, windowMs: 60_000 } } });
    const other = await startAttempt(learner);
    expect((await submit(learner, attempt.id, 1, RIGHT_POLICY)).status).toBe(201);
    expect((await submit(learner, other.id, 1, RIGHT_POLICY)).status).toBe(201);
    expect((await submit(learner, attempt.id, 2, RIGHT_POLICY)).status).toBe(429);
  });
});

describe("a lab's maxSubmissions", () => {
  it('refuses a submission past the cap with 409 submission_limit_reached; answers that could not be graded do not count', async () => {
    const { learner, attempt } = await learnerOn({ lab: (lab) => ({ ...lab, maxSubmissions: 2 }) });
    expect(attempt.maxSubmissions).toBe(2);
    expect((await submit(learner, attempt.id, 1, '{ not json')).status).toBe(400);
    expect((await submit(learner, attempt.id, 1, S3_STAR_POLICY)).status).toBe(201);
    expect((await submit(learner, attempt.id, 2, S3_STAR_POLICY)).status).toBe(201);
    const refused = await submit(learner, attempt.id, 3, RIGHT_POLICY);
    expect(refused.status).toBe(409);
    expect(refused.body.error).toEqual({
      code: 'submission_limit_reached',
      message: 'this lab allows 2 submissions per attempt and you have used them all: start a new attempt to try again',
    });
  });
});

describe("a lab's feedback: { checks: on-close }", () => {
  const onClose = (lab: Lab): Lab => ({ ...lab, feedback: { checks: 'on-close' } });

  it('shows the score but no check until the attempt is closed; closing releases them and ends its submissions', async () => {
    const { learner, attempt } = await learnerOn({ lab: onClose });
    expect(attempt).toMatchObject({ checkFeedback: 'on-close', closedAt: null });
    const graded = await submit(learner, attempt.id, 1, S3_STAR_POLICY);
    expect(graded.status).toBe(201);
    const { grade } = graded.body.submission;
    expect(grade.score).toBeLessThan(1);
    for (const check of grade.checks) {
      expect(check).toEqual({ id: check.id, title: expect.any(String), maxPoints: check.maxPoints, visibility: check.visibility, withheld: true, notice: 'feedback released when you close the attempt' });
    }
    expect(JSON.stringify(graded.body)).not.toContain('s3:*`');
    expect((await learner.get(`/api/attempts/${attempt.id}`)).body.attempt.submissions[0].grade).toEqual(grade);

    expect((await learner.post(`/api/attempts/${attempt.id}/close`, undefined, { origin: 'https://evil.example' })).status).toBe(403);
    const closed = await learner.post(`/api/attempts/${attempt.id}/close`);
    expect(closed.status).toBe(200);
    expect(closed.body.attempt).toMatchObject({ closedAt: expect.any(String), version: 3 });
    const released = closed.body.attempt.submissions[0].grade.checks;
    expect(released.find((c: { id: string }) => c.id === 'no-put-object')).toMatchObject({ status: 'fail', message: expect.stringContaining('`s3:*`') });

    const again = await learner.post(`/api/attempts/${attempt.id}/close`);
    expect(again.body.attempt).toEqual(closed.body.attempt);
    const late = await submit(learner, attempt.id, 3, RIGHT_POLICY);
    expect(late.status).toBe(409);
    expect(late.body.error).toEqual({ code: 'attempt_closed', message: 'this attempt is closed and takes no more submissions: start a new attempt to try again' });
  });

  it('is not found for anyone else and needs a session', async () => {
    const { attempt, fetch } = await learnerOn({ lab: onClose });
    const other = createAgent(fetch, 'http://localhost');
    expect((await other.post('/api/auth/sign-up', { email: 'eve@example.com', password: PASSWORD })).status).toBe(201);
    expect((await other.post(`/api/attempts/${attempt.id}/close`)).status).toBe(404);
    expect((await createAgent(fetch, 'http://localhost').post(`/api/attempts/${attempt.id}/close`)).status).toBe(401);
  });
});
