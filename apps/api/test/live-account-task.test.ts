import { CreateUserCommand, IAMClient, PutUserPolicyCommand } from '@aws-sdk/client-iam';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Agent } from './scenarios/client.ts';
import { startAwsAttempt, type AwsAttempt } from './support/aws-attempt.ts';

// A task done with the AWS CLI (`answerFrom: live-account`): at submit its answer is the one document the
// task names, read from the attempt's live account; nothing else the learner did there counts.

const LAB = 'iam-cli-publish-releases';
const ADMIN = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: '*', Resource: '*' }] });

let attempt: AwsAttempt;
let learner: Agent;
let attemptId: string;
let team: string;
let iam: IAMClient;

const policy = (objects: string) =>
  JSON.stringify({
    Version: '2012-10-17',
    Statement: [
      { Effect: 'Allow', Action: 's3:ListBucket', Resource: `arn:aws:s3:::${team}-artifacts` },
      { Effect: 'Allow', Action: 's3:PutObject', Resource: `arn:aws:s3:::${team}-artifacts/${objects}` },
    ],
  });

async function submit(typed: string) {
  const version = (await learner.get(`/api/attempts/${attemptId}`)).body.attempt.version;
  return learner.post(`/api/attempts/${attemptId}/submissions`, { version, answers: { 'publish-policy': typed } });
}

const failing = (res: { body: { submission: { grade: { checks: { id: string; status: string }[] } } } }) =>
  res.body.submission.grade.checks.filter((check) => check.status !== 'pass').map((check) => check.id);

beforeAll(async () => {
  attempt = await startAwsAttempt(LAB);
  ({ learner, attemptId } = attempt);
  team = attempt.params.team!;
  iam = new IAMClient(attempt.clientConfig());
}, 60_000);

afterAll(() => attempt.close());

describe('a task answered from the live account', () => {
  it('tells the learner what it reads, and offers the AWS CLI', async () => {
    const { lab } = (await learner.get(`/api/attempts/${attemptId}`)).body.attempt;
    expect(lab.tasks[0].liveAccount).toEqual({
      what: 'the inline policy `publish-releases` of the IAM user `ci-publisher`',
      command: 'aws iam put-user-policy --user-name ci-publisher --policy-name publish-releases --policy-document file://policy.json',
    });
    expect(lab.awsEndpointServices).toEqual(['iam', 'sts']);
  });

  it('is not graded before the policy is in the account, whatever text comes with the submission', async () => {
    const res = await submit(policy('releases/*'));
    expect(res.status).toBe(400);
    expect(res.body.error.findings).toEqual([
      expect.objectContaining({ ruleId: 'live-account/missing-document', path: ['publish-policy'], message: 'the inline policy `publish-releases` of the IAM user `ci-publisher` is not in your account: put it there with the AWS CLI, then submit again' }),
    ]);
  });

  it("grades the account's policy, not the typed text, and nothing else done in the account", async () => {
    await iam.send(new PutUserPolicyCommand({ UserName: 'ci-publisher', PolicyName: 'publish-releases', PolicyDocument: policy('*') }));
    // Beside the task: an admin user and an admin policy on another name of the same user change nothing.
    await iam.send(new CreateUserCommand({ UserName: 'shadow-admin' }));
    await iam.send(new PutUserPolicyCommand({ UserName: 'ci-publisher', PolicyName: 'extra', PolicyDocument: ADMIN }));
    const wrong = await submit(policy('releases/*'));
    expect(wrong.status).toBe(201);
    expect(failing(wrong)).toEqual(['no-put-outside-releases', 'least-privilege']);
    expect(wrong.body.submission.answers['publish-policy']).toBe(policy('*'));

    await iam.send(new PutUserPolicyCommand({ UserName: 'ci-publisher', PolicyName: 'publish-releases', PolicyDocument: policy('releases/*') }));
    const right = await submit(ADMIN);
    expect(right.status).toBe(201);
    expect(failing(right)).toEqual([]);
    expect(right.body.submission.grade.score).toBe(1);
  });
});
