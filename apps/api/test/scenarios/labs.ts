import { expect } from 'vitest';
import type { Agent } from './client.ts';
import type { Scenario } from './scenario.ts';

const LAB = 'iam-s3-read-only';
const TASK = 'reader-policy';

/** What a learner who knows S3 would write: list on the bucket, read on its objects. */
export const RIGHT_POLICY = JSON.stringify({
  Version: '2012-10-17',
  Statement: [
    { Effect: 'Allow', Action: 's3:ListBucket', Resource: 'arn:aws:s3:::my-app-bucket' },
    { Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::my-app-bucket/*' },
  ],
});

/** The classic over-grant: reads work, and so do writes and deletes. */
export const S3_STAR_POLICY = JSON.stringify({
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Action: 's3:*', Resource: ['arn:aws:s3:::my-app-bucket', 'arn:aws:s3:::my-app-bucket/*'] }],
});

export async function startAttempt(agent: Agent) {
  const res = await agent.post(`/api/labs/${LAB}/attempts`);
  expect(res.status).toBe(201);
  return res.body.attempt;
}

export function submit(agent: Agent, attemptId: string, version: number, policy: string) {
  return agent.post(`/api/attempts/${attemptId}/submissions`, { version, answers: { [TASK]: policy } });
}

export function revealHint(agent: Agent, attemptId: string, index: number | string, options?: { origin?: string | null }) {
  return agent.post(`/api/attempts/${attemptId}/hints/${index}`, undefined, options);
}

/** The lab's hints: the first is free, the second costs 1 of its 14 points. */
const PAID_HINT = 1;
const FREE_HINT = 0;

export const labScenarios: Scenario[] = [
  {
    name: 'a learner lists their own attempts at a lab, newest first, and nobody else sees them',
    async run(ctx) {
      const learner = await ctx.learner();
      expect((await learner.get(`/api/labs/${LAB}/attempts`)).body).toEqual({ attempts: [] });
      const first = await startAttempt(learner);
      const second = await startAttempt(learner);
      await submit(learner, second.id, 1, RIGHT_POLICY);
      const listed = await learner.get(`/api/labs/${LAB}/attempts`);
      expect(listed.status).toBe(200);
      expect(listed.body.attempts.map((a: { id: string }) => a.id)).toEqual([second.id, first.id]);
      expect(listed.body.attempts[0]).toEqual({
        id: second.id, labId: LAB, version: 2, status: 'completed', bestScore: 1, createdAt: second.createdAt, updatedAt: expect.any(String), submissionCount: 1, closedAt: null, assignmentId: null,
      });
      expect((await (await ctx.learner()).get(`/api/labs/${LAB}/attempts`)).body).toEqual({ attempts: [] });
      expect((await ctx.agent().get(`/api/labs/${LAB}/attempts`)).status).toBe(401);
      expect((await learner.get('/api/labs/no-such-lab/attempts')).status).toBe(404);
    },
  },
  {
    name: 'the catalogue lists the lab, shows it with placeholders, and 404s an unknown one',
    async run(ctx) {
      const visitor = ctx.agent();
      const list = await visitor.get('/api/labs');
      expect(list.status).toBe(200);
      expect(list.body.labs).toContainEqual(expect.objectContaining({ id: LAB, title: 'Read-only access to one S3 bucket', difficulty: 'beginner', track: 'iam' }));
      expect(list.body.tracks).toContainEqual({ id: 'iam', title: 'Identity and access (IAM)', labs: list.body.labs.filter((l: { track: string }) => l.track === 'iam').length });
      expect(list.body.tracks.reduce((n: number, t: { labs: number }) => n + t.labs, 0)).toBe(list.body.labs.length);
      const lab = await visitor.get(`/api/labs/${LAB}`);
      expect(lab.status).toBe(200);
      expect(lab.body.lab).toMatchObject({ id: LAB, tasks: [expect.objectContaining({ id: TASK, kind: 'iam-policy', language: 'json' })] });
      expect(lab.body.lab.description).toContain('`<accountId>`');
      expect(lab.body.lab).not.toHaveProperty('solution');
      expect(lab.body.lab.awsEndpointServices).toEqual(['iam', 'sts']);
      // The grade report words each tag from the catalogue, which ships with the labs (in the Worker too).
      const catalogue = await visitor.get('/api/misconceptions');
      expect(catalogue.status).toBe(200);
      expect(catalogue.body.misconceptions).toContainEqual(expect.objectContaining({ id: 'bucket-arn-vs-object-arn', title: expect.any(String), explanation: expect.any(String) }));
      const unknown = await visitor.get('/api/labs/no-such-lab');
      expect(unknown.status).toBe(404);
      expect(unknown.body.error).toMatchObject({ code: 'not_found', message: 'there is no lab `no-such-lab`' });
      expect((await (await ctx.learner()).post('/api/labs/no-such-lab/attempts')).status).toBe(404);
    },
  },
  {
    name: 'an attempt is a seeded variant rendered with its own params',
    async run(ctx) {
      const learner = await ctx.learner();
      const attempt = await startAttempt(learner);
      expect(attempt).toMatchObject({ labId: LAB, version: 1, status: 'in-progress', bestScore: null, submissions: [] });
      expect(attempt.params.accountId).toMatch(/^\d{12}$/);
      expect(['billing-exports-archive', 'hr-payroll-reports', 'ml-training-datasets']).toContain(attempt.params.otherBucket);
      expect(attempt.lab.description).toContain(attempt.params.accountId);
      expect(attempt.lab.description).not.toContain('{{');
      const again = await learner.get(`/api/attempts/${attempt.id}`);
      expect(again.status).toBe(200);
      expect(again.body.attempt).toEqual(attempt);
    },
  },
  {
    name: 'a wrong policy scores below 100% with a message per check, the right one scores 100%, and progress shows it',
    async run(ctx) {
      const learner = await ctx.learner();
      const before = (await learner.get('/api/me/progress')).body;
      expect(before.progress).toEqual([]);
      expect(before.tracks.map((t: { id: string }) => t.id)).toEqual(['iam', 'networking', 'compute-and-scaling', 'storage', 'monitoring']);
      const iamBefore = before.tracks.find((t: { id: string }) => t.id === 'iam');
      expect(iamBefore).toMatchObject({ title: 'Identity and access (IAM)', completed: 0, labs: expect.any(Number) });
      const attempt = await startAttempt(learner);

      const wrong = await submit(learner, attempt.id, 1, S3_STAR_POLICY);
      expect(wrong.status).toBe(201);
      const { grade } = wrong.body.submission;
      expect(grade.score).toBeLessThan(1);
      const failed = grade.checks.filter((c: { status: string }) => c.status === 'fail').map((c: { id: string }) => c.id);
      expect(failed.sort()).toEqual(['least-privilege', 'no-delete-bucket', 'no-delete-object', 'no-put-object']);
      for (const check of grade.checks) expect(check.message, check.id).toEqual(expect.any(String));
      expect(grade.checks.find((c: { id: string }) => c.id === 'no-put-object').message).toContain('`s3:*`');
      expect(wrong.body.attempt).toMatchObject({ version: 2, status: 'in-progress', bestScore: grade.score });

      const right = await submit(learner, attempt.id, 2, RIGHT_POLICY);
      expect(right.status).toBe(201);
      expect(right.body.submission.grade.score).toBe(1);
      expect(right.body.submission.grade.checks.every((c: { status: string }) => c.status === 'pass')).toBe(true);
      expect(right.body.attempt).toMatchObject({ version: 3, status: 'completed', bestScore: 1 });
      expect(right.body.attempt.submissions.map((s: { id: string }) => s.id)).toEqual([wrong.body.submission.id, right.body.submission.id]);

      const stored = await learner.get(`/api/attempts/${attempt.id}`);
      expect(stored.body.attempt).toEqual(right.body.attempt);
      const progress = await learner.get('/api/me/progress');
      expect(progress.body.progress).toEqual([
        {
          labId: LAB,
          title: 'Read-only access to one S3 bucket',
          attempts: 1,
          bestScore: 1,
          completed: true,
          lastActivityAt: right.body.attempt.updatedAt,
          latestAttemptId: attempt.id,
        },
      ]);
      // The lab is in the IAM track: one more completed there, nothing moves elsewhere.
      expect(progress.body.tracks).toEqual(before.tracks.map((t: { id: string; completed: number }) => (t.id === 'iam' ? { ...t, completed: 1 } : t)));
    },
  },
  {
    name: 'answers that do not parse are a 400 with findings at line and column, and change nothing',
    async run(ctx) {
      const learner = await ctx.learner();
      const attempt = await startAttempt(learner);
      const res = await submit(learner, attempt.id, 1, '{\n  "Version": "2012-10-17",\n  "Statement": [\n');
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('invalid_submission');
      expect(res.body.error.findings.length).toBeGreaterThan(0);
      expect(res.body.error.findings[0]).toMatchObject({ severity: 'error', path: expect.arrayContaining([TASK]) });
      expect(res.body.error.findings[0].path[0]).toBe(TASK);
      expect(res.body.error.findings[0].range.start).toMatchObject({ line: expect.any(Number), column: expect.any(Number) });
      expect((await learner.get(`/api/attempts/${attempt.id}`)).body.attempt).toMatchObject({ version: 1, submissions: [] });
      const missing = await learner.post(`/api/attempts/${attempt.id}/submissions`, { version: 1, answers: { [TASK]: 42 } });
      expect(missing.status).toBe(400);
      expect(missing.body.error.code).toBe('invalid_request');
      expect(missing.body.error.findings[0].path).toEqual(['answers', TASK]);
    },
  },
  {
    name: 'a submission against a stale version is a 409',
    async run(ctx) {
      const learner = await ctx.learner();
      const attempt = await startAttempt(learner);
      expect((await submit(learner, attempt.id, 1, S3_STAR_POLICY)).status).toBe(201);
      const stale = await submit(learner, attempt.id, 1, RIGHT_POLICY);
      expect(stale.status).toBe(409);
      expect(stale.body.error.code).toBe('version_conflict');
      expect((await learner.get(`/api/attempts/${attempt.id}`)).body.attempt).toMatchObject({ version: 2, bestScore: expect.any(Number), status: 'in-progress' });
    },
  },
  {
    name: 'two submissions racing on the same version: exactly one lands, the other is a 409',
    async run(ctx) {
      const learner = await ctx.learner();
      const attempt = await startAttempt(learner);
      const results = await Promise.all([submit(learner, attempt.id, 1, RIGHT_POLICY), submit(learner, attempt.id, 1, S3_STAR_POLICY)]);
      expect(results.map((r) => r.status).sort()).toEqual([201, 409]);
      const stored = (await learner.get(`/api/attempts/${attempt.id}`)).body.attempt;
      expect(stored.version).toBe(2);
      expect(stored.submissions).toHaveLength(1);
      expect(stored.submissions[0].id).toBe(results.find((r) => r.status === 201)!.body.submission.id);
    },
  },
  {
    name: "another learner's attempt is not found, for reading and for submitting",
    async run(ctx) {
      const owner = await ctx.learner();
      const attempt = await startAttempt(owner);
      const other = await ctx.learner();
      const read = await other.get(`/api/attempts/${attempt.id}`);
      expect(read.status).toBe(404);
      expect(read.body.error.code).toBe('not_found');
      const write = await submit(other, attempt.id, 1, RIGHT_POLICY);
      expect(write.status).toBe(404);
      const nonexistent = await other.get('/api/attempts/01JNOSUCHATTEMPT0000000000');
      expect(nonexistent.body.error.message.replace('01JNOSUCHATTEMPT0000000000', attempt.id)).toBe(read.body.error.message);
      expect((await owner.get(`/api/attempts/${attempt.id}`)).body.attempt.submissions).toEqual([]);
    },
  },
  {
    name: 'revealing a paid hint shows its text, costs its points once, and the next grade deducts them',
    async run(ctx) {
      const learner = await ctx.learner();
      const attempt = await startAttempt(learner);
      expect(attempt.lab.hints).toEqual([
        { index: FREE_HINT, cost: 0, text: expect.any(String), revealed: true },
        { index: PAID_HINT, cost: 1, revealed: false },
      ]);

      const first = await revealHint(learner, attempt.id, PAID_HINT);
      expect(first.status).toBe(200);
      expect(first.body.hint).toEqual({ index: PAID_HINT, cost: 1, text: expect.any(String), revealed: true });
      expect(first.body.hint.text).not.toContain('{{');
      expect(first.body.attempt).toMatchObject({ version: 2, submissionCount: 0 });
      expect(first.body.attempt.lab.hints[PAID_HINT]).toEqual(first.body.hint);
      const again = await revealHint(learner, attempt.id, PAID_HINT);
      expect(again.body).toEqual(first.body);
      const free = await revealHint(learner, attempt.id, FREE_HINT);
      expect(free.status).toBe(200);
      expect(free.body.attempt.version).toBe(2);
      expect((await learner.get(`/api/attempts/${attempt.id}`)).body.attempt).toEqual(first.body.attempt);

      expect((await submit(learner, attempt.id, 1, RIGHT_POLICY)).status).toBe(409);
      const graded = await submit(learner, attempt.id, 2, RIGHT_POLICY);
      expect(graded.status).toBe(201);
      const { grade } = graded.body.submission;
      expect(grade).toMatchObject({ points: 13, maxPoints: 14, hintPenalty: 1, revealedHints: [{ index: PAID_HINT, cost: 1 }] });
      expect(grade.score).toBeCloseTo(13 / 14);
      expect(grade.checks.every((c: { status: string }) => c.status === 'pass')).toBe(true);
      // Every check passed: the attempt is completed although the hint kept the score below 100%.
      expect(graded.body.attempt).toMatchObject({ version: 3, submissionCount: 1, bestScore: grade.score, status: 'completed' });
      expect((await learner.get(`/api/labs/${LAB}/attempts`)).body.attempts[0]).toMatchObject({ id: attempt.id, version: 3, submissionCount: 1 });
      expect((await learner.get('/api/me/progress')).body.progress).toEqual([expect.objectContaining({ labId: LAB, completed: true, bestScore: grade.score })]);
    },
  },
  {
    name: "a hint the lab does not have, someone else's attempt or a cross-site reveal is refused and costs nothing",
    async run(ctx) {
      const learner = await ctx.learner();
      const attempt = await startAttempt(learner);
      for (const index of [2, -1, 'one', '01', 1e9]) {
        const res = await revealHint(learner, attempt.id, index);
        expect(res.status, String(index)).toBe(404);
        expect(res.body.error).toEqual({ code: 'not_found', message: `there is no hint \`${index}\` in this lab` });
      }
      const other = await revealHint(await ctx.learner(), attempt.id, PAID_HINT);
      expect(other.status).toBe(404);
      expect(other.body.error.code).toBe('not_found');
      expect((await revealHint(ctx.agent(), attempt.id, PAID_HINT)).status).toBe(401);
      const crossSite = await revealHint(learner, attempt.id, PAID_HINT, { origin: 'https://evil.example' });
      expect(crossSite.status).toBe(403);
      expect(crossSite.body.error.code).toBe('origin_mismatch');
      expect((await learner.get(`/api/attempts/${attempt.id}`)).body.attempt).toMatchObject({ version: 1, lab: { hints: [{ revealed: true }, { revealed: false }] } });
    },
  },
  {
    name: 'a hint revealed twice at once while a submission is graded is charged once and never lost: the submission lands without it or is a 409',
    async run(ctx) {
      const learner = await ctx.learner();
      const attempt = await startAttempt(learner);
      const [reveal, twice, submission] = await Promise.all([
        revealHint(learner, attempt.id, PAID_HINT),
        revealHint(learner, attempt.id, PAID_HINT),
        submit(learner, attempt.id, 1, RIGHT_POLICY),
      ]);
      expect([reveal.status, twice.status]).toEqual([200, 200]);
      const stored = (await learner.get(`/api/attempts/${attempt.id}`)).body.attempt;
      expect(stored.lab.hints[PAID_HINT].revealed).toBe(true);
      if (submission.status === 201) {
        expect(submission.body.submission.grade).toMatchObject({ score: 1, hintPenalty: 0 });
        expect(stored).toMatchObject({ version: 3, submissionCount: 1 });
      } else {
        expect(submission.status).toBe(409);
        expect(stored).toMatchObject({ version: 2, submissionCount: 0 });
      }
    },
  },
];
