import { CreateAccessKeyCommand, CreateUserCommand, IAMClient, PutUserPolicyCommand } from '@aws-sdk/client-iam';
import type { AccountView } from '@skylab/validation';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAgent, type Agent } from './scenarios/client.ts';
import { PASSWORD } from './scenarios/scenario.ts';
import { startAwsAttempt, type AwsAttempt } from './support/aws-attempt.ts';

// The console of an attempt's account shows what the learner's own AWS calls left there.

let attempt: AwsAttempt;
let origin: string;
let learner: Agent;
let attemptId: string;
let iam: IAMClient;

beforeAll(async () => {
  attempt = await startAwsAttempt('iam-s3-read-only');
  ({ origin, learner, attemptId } = attempt);
  iam = new IAMClient(attempt.clientConfig());
});

afterAll(() => attempt.close());

describe('GET /api/attempts/:id/account', () => {
  it('shows the lab’s own resources with the attempt version as its ETag', async () => {
    const res = await learner.get(`/api/attempts/${attemptId}/account`);
    expect(res.status).toBe(200);
    expect(res.headers.get('etag')).toBe(`"${res.body.version}"`);
    expect(res.headers.get('cache-control')).toBe('private, no-cache');
    expect((res.body.account as AccountView).Iam.Users.map((u) => u.UserName)).toContain('app-reader');
  });

  it('shows a user created over the wire with its policy, never the secret of its access key', async () => {
    await iam.send(new CreateUserCommand({ UserName: 'cli-made' }));
    await iam.send(new PutUserPolicyCommand({ UserName: 'cli-made', PolicyName: 'read', PolicyDocument: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}' }));
    const { AccessKey } = await iam.send(new CreateAccessKeyCommand({ UserName: 'cli-made' }));
    const res = await learner.get(`/api/attempts/${attemptId}/account`);
    const user = (res.body.account as AccountView).Iam.Users.find((u) => u.UserName === 'cli-made');
    expect(user?.UserPolicies).toEqual([{ PolicyName: 'read', PolicyDocument: expect.stringContaining('"Action": "s3:GetObject"') }]);
    expect(user?.AccessKeys).toEqual([{ AccessKeyId: AccessKey?.AccessKeyId, Status: 'Active', CreateDate: expect.any(String) }]);
    expect(JSON.stringify(res.body)).not.toContain(AccessKey?.SecretAccessKey);
  });

  it('answers 304 while the version is the same, and the new view once a call changed the account', async () => {
    const first = await learner.get(`/api/attempts/${attemptId}/account`);
    const etag = first.headers.get('etag') ?? '';
    const same = await learner.request('GET', `/api/attempts/${attemptId}/account`, { headers: { 'if-none-match': etag } });
    expect(same.status).toBe(304);
    await iam.send(new CreateUserCommand({ UserName: 'later' }));
    const changed = await learner.request('GET', `/api/attempts/${attemptId}/account`, { headers: { 'if-none-match': etag } });
    expect(changed.status).toBe(200);
    expect(changed.body.version).toBe(first.body.version + 1);
    expect((changed.body.account as AccountView).Iam.Users.map((u) => u.UserName)).toContain('later');
  });

  it('is not found for anyone else', async () => {
    const other = createAgent((url, init) => fetch(url, init), origin);
    await other.post('/api/auth/sign-up', { email: 'other-console@example.com', password: PASSWORD });
    expect((await other.get(`/api/attempts/${attemptId}/account`)).status).toBe(404);
  });
});
