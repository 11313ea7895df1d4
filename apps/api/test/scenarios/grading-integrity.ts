import { expect } from 'vitest';
import { signQueryRequest } from '../../../../packages/emulator/src/wire/test-signing.ts';
import type { Agent } from './client.ts';
import { RIGHT_POLICY, S3_STAR_POLICY, startAttempt, submit } from './labs.ts';
import type { Scenario, ScenarioContext } from './scenario.ts';

// Issue 9: a learner must not be able to change what is graded through the attempt's AWS endpoint.

interface Credentials {
  accessKeyId: string;
  secretAccessKey: string;
  endpoint: string;
}

async function credentialsOf(agent: Agent, attemptId: string): Promise<Credentials> {
  const res = await agent.get(`/api/attempts/${attemptId}/aws-credentials`);
  expect(res.status).toBe(200);
  return res.body.credentials;
}

/**
 * One IAM call on the attempt's account, signed with its root key. The server's clock is the attempt's
 * (fixed in Node, real in workerd), so the request is signed at the time the attempt was created.
 */
async function iamCall(ctx: ScenarioContext, credentials: Credentials, signedAt: string, params: string) {
  const request = signQueryRequest(`Version=2010-05-08&${params}`, credentials, { url: `${credentials.endpoint}/`, service: 'iam', time: Date.parse(signedAt) });
  const res = await ctx.fetch(request.url, { method: request.method, headers: request.headers, body: new TextDecoder().decode(request.body) });
  return { status: res.status, text: await res.text() };
}

/** A learner with an attempt and its AWS credentials. */
async function learnerWithAttempt(ctx: ScenarioContext) {
  const learner = await ctx.learner();
  const attempt = await startAttempt(learner);
  return { learner, attempt, credentials: await credentialsOf(learner, attempt.id) };
}

export const gradingIntegrityScenarios: Scenario[] = [
  {
    name: 'the reference policy put on the user over the AWS API does not grade a wrong answer 100%, and the change is named',
    async run(ctx) {
      const { learner, attempt, credentials } = await learnerWithAttempt(ctx);
      const put = await iamCall(ctx, credentials, attempt.createdAt, `Action=PutUserPolicy&UserName=app-reader&PolicyName=borrowed&PolicyDocument=${encodeURIComponent(RIGHT_POLICY)}`);
      expect(put.status).toBe(200);
      const wrong = await submit(learner, attempt.id, 2, S3_STAR_POLICY);
      expect(wrong.status).toBe(201);
      expect(wrong.body.submission.grade.score).toBeLessThan(1);
      expect(wrong.body.attempt.accountDrift).toEqual({
        message: expect.stringContaining('you added the inline policy `borrowed` to the IAM user `app-reader`'),
        changes: [{ kind: 'changed', path: ['iam', 'users', 'app-reader', 'UserPolicies'], message: 'you added the inline policy `borrowed` to the IAM user `app-reader`' }],
      });
      expect(wrong.body.attempt.accountDrift.message).toContain('does not affect your grade');
      expect((await learner.get(`/api/attempts/${attempt.id}`)).body.attempt.accountDrift).toEqual(wrong.body.attempt.accountDrift);
    },
  },
  {
    name: 'the graded user deleted over the AWS API: the right answer still scores 100%, and the deletion is named, not blamed on the answer',
    async run(ctx) {
      const { learner, attempt, credentials } = await learnerWithAttempt(ctx);
      expect((await iamCall(ctx, credentials, attempt.createdAt, 'Action=DeleteUser&UserName=app-reader')).status).toBe(200);
      const drifted = (await learner.get(`/api/attempts/${attempt.id}`)).body.attempt;
      expect(drifted.accountDrift.changes.map((c: { message: string }) => c.message)).toEqual(['you deleted the IAM user `app-reader`']);
      const right = await submit(learner, attempt.id, drifted.version, RIGHT_POLICY);
      expect(right.status).toBe(201);
      expect(right.body.submission.grade.score).toBe(1);
      expect(right.body.submission.findings).toEqual([]);
      expect(right.body.attempt.accountDrift.changes.map((c: { message: string }) => c.message)).toEqual(['you deleted the IAM user `app-reader`']);
      // The live account could not take the answer, and is left as the learner made it.
      expect((await iamCall(ctx, credentials, attempt.createdAt, 'Action=GetUser&UserName=app-reader')).status).toBe(404);
    },
  },
  {
    name: 'resetting the account undoes the learner\'s changes and installs the last answers, under the attempt\'s version',
    async run(ctx) {
      const { learner, attempt, credentials } = await learnerWithAttempt(ctx);
      const right = await submit(learner, attempt.id, 1, RIGHT_POLICY);
      expect(right.body.attempt.accountDrift).toBeNull();
      expect((await iamCall(ctx, credentials, attempt.createdAt, 'Action=DeleteUserPolicy&UserName=app-reader&PolicyName=s3-read-only')).status).toBe(200);
      expect((await iamCall(ctx, credentials, attempt.createdAt, 'Action=DeleteUser&UserName=app-reader')).status).toBe(200);
      expect((await iamCall(ctx, credentials, attempt.createdAt, 'Action=CreateUser&UserName=intruder')).status).toBe(200);
      const drifted = (await learner.get(`/api/attempts/${attempt.id}`)).body.attempt;
      expect(drifted.accountDrift.changes.map((c: { message: string }) => c.message)).toEqual(['you deleted the IAM user `app-reader`', 'you created the IAM user `intruder`']);

      const stale = await learner.post(`/api/attempts/${attempt.id}/account/reset`, { version: drifted.version - 1 });
      expect(stale.status).toBe(409);
      expect(stale.body.error.code).toBe('version_conflict');
      expect((await learner.post(`/api/attempts/${attempt.id}/account/reset`, { version: drifted.version }, { origin: 'https://evil.example' })).status).toBe(403);
      expect((await (await ctx.learner()).post(`/api/attempts/${attempt.id}/account/reset`, { version: drifted.version })).status).toBe(404);

      const reset = await learner.post(`/api/attempts/${attempt.id}/account/reset`, { version: drifted.version });
      expect(reset.status).toBe(200);
      expect(reset.body.attempt).toMatchObject({ version: drifted.version + 1, accountDrift: null, bestScore: 1, submissionCount: 1 });
      expect((await learner.get(`/api/attempts/${attempt.id}`)).body.attempt.accountDrift).toBeNull();
      const policy = await iamCall(ctx, credentials, attempt.createdAt, 'Action=GetUserPolicy&UserName=app-reader&PolicyName=s3-read-only');
      expect(policy.status).toBe(200);
      expect((await iamCall(ctx, credentials, attempt.createdAt, 'Action=GetUser&UserName=intruder')).status).toBe(404);
    },
  },
  {
    name: 'every attempt has its own AWS-shaped root key, which works only on its own endpoint',
    async run(ctx) {
      const learner = await ctx.learner();
      const first = await startAttempt(learner);
      const second = await startAttempt(learner);
      const a = await credentialsOf(learner, first.id);
      const b = await credentialsOf(learner, second.id);
      for (const keys of [a, b]) {
        expect(keys.accessKeyId).toMatch(/^AKIA[A-Z2-7]{16}$/);
        expect(keys.secretAccessKey).toMatch(/^[A-Za-z0-9+/]{40}$/);
      }
      expect(a.accessKeyId).not.toBe(b.accessKeyId);
      expect(a.secretAccessKey).not.toBe(b.secretAccessKey);
      const crossed = await iamCall(ctx, { ...a, endpoint: b.endpoint }, first.createdAt, 'Action=GetUser&UserName=app-reader');
      expect(crossed.status).toBe(403);
      expect(crossed.text).toContain('<Code>InvalidClientTokenId</Code>');
    },
  },
];
