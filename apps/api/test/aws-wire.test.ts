import {
  CreateAccessKeyCommand,
  CreateRoleCommand,
  CreateUserCommand,
  EntityAlreadyExistsException,
  GetUserCommand,
  GetUserPolicyCommand,
  IAMClient,
  ListUserPoliciesCommand,
  ListUsersCommand,
  NoSuchEntityException,
  type IAMServiceException,
} from '@aws-sdk/client-iam';
import { AssumeRoleCommand, GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { serve, type ServerType } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE_EXAMS } from './fixtures/exams.ts';
import { createAgent, type Agent } from './scenarios/client.ts';
import { PASSWORD } from './scenarios/scenario.ts';
import { FIXED_NOW } from './support/deterministic.ts';
import { testApp } from './support/test-app.ts';

// The real AWS SDK v3 against the real Node server: what a learner's script or `aws --endpoint-url` does.

interface Credentials {
  accessKeyId: string;
  secretAccessKey: string;
  region: string;
  endpoint: string;
  accountId: string;
}

let server: ServerType;
let origin: string;
let learner: Agent;
let other: Agent;
let attemptId: string;
let credentials: Credentials;
let otherAttemptId: string;

async function signUp(email: string): Promise<Agent> {
  const agent = createAgent((url, init) => fetch(url, init), origin);
  expect((await agent.post('/api/auth/sign-up', { email, password: PASSWORD })).status).toBe(201);
  return agent;
}

async function startAttempt(agent: Agent): Promise<string> {
  const res = await agent.post('/api/labs/iam-s3-read-only/attempts');
  expect(res.status).toBe(201);
  return res.body.attempt.id;
}

// The server's clock is fixed; the SDK signs as if it were then (it corrects skew the same way).
const clockOffset = () => FIXED_NOW - Date.now();

function iam(overrides: Partial<Credentials> = {}, config: { systemClockOffset?: number; maxAttempts?: number } = {}) {
  const c = { ...credentials, ...overrides };
  return new IAMClient({
    endpoint: c.endpoint,
    region: c.region,
    credentials: { accessKeyId: c.accessKeyId, secretAccessKey: c.secretAccessKey },
    systemClockOffset: config.systemClockOffset ?? clockOffset(),
    maxAttempts: config.maxAttempts ?? 1,
  });
}

async function failure(promise: Promise<unknown>): Promise<IAMServiceException> {
  try {
    await promise;
  } catch (error) {
    return error as IAMServiceException;
  }
  throw new Error('the call succeeded');
}

beforeAll(async () => {
  const { app } = await testApp();
  server = await new Promise<ServerType>((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
  });
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  learner = await signUp('ada@example.com');
  other = await signUp('eve@example.com');
  attemptId = await startAttempt(learner);
  otherAttemptId = await startAttempt(other);
  const res = await learner.get(`/api/attempts/${attemptId}/aws-credentials`);
  expect(res.status).toBe(200);
  credentials = res.body.credentials;
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

describe('an exam with a closed AWS endpoint', () => {
  it("shuts the learner's attempt endpoints while it runs, to the attempt's own key only, and opens them again after submit", async () => {
    const examinee = await signUp('exam-taker@example.com');
    const id = await startAttempt(examinee);
    const own: Credentials = (await examinee.get(`/api/attempts/${id}/aws-credentials`)).body.credentials;
    const client = iam(own);
    const getUser = () => client.send(new GetUserCommand({ UserName: 'app-reader' }));
    expect((await getUser()).User?.UserName).toBe('app-reader');

    // The fixture exams leave `awsEndpoint` out: closed, the default.
    const started = await examinee.post(`/api/exams/${FIXTURE_EXAMS.afterSubmit}/sessions`);
    expect(started.status).toBe(201);
    const refused = await failure(getUser());
    expect(refused).toMatchObject({ name: 'AccessDenied', $metadata: { httpStatusCode: 403 } });
    expect(refused.message).toBe("this attempt's AWS endpoint is closed while your exam runs: it opens again when the exam ends");
    // Someone without the attempt's key learns nothing about the exam: the signature is refused as ever.
    const stranger = await failure(iam({ ...own, accessKeyId: 'AKIAAAAAAAAAAAAAAAAA' }).send(new GetUserCommand({ UserName: 'app-reader' })));
    expect(stranger.name).toBe('InvalidClientTokenId');

    expect((await examinee.post(`/api/exam-sessions/${started.body.session.id}/submit`)).status).toBe(200);
    expect((await getUser()).User?.UserName).toBe('app-reader');
  });
});

describe('GET /api/attempts/:id/aws-credentials', () => {
  it('gives the owner a root access key, the endpoint and the region, not to be cached', async () => {
    expect(credentials).toEqual({
      accessKeyId: expect.stringMatching(/^AKIA[A-Z2-7]{16}$/),
      secretAccessKey: expect.stringMatching(/^[A-Za-z0-9+/]{40}$/),
      region: 'us-east-1',
      endpoint: `${origin}/aws/${attemptId}`,
      accountId: expect.stringMatching(/^\d{12}$/),
    });
    const again = await learner.get(`/api/attempts/${attemptId}/aws-credentials`);
    expect(again.body.credentials).toEqual(credentials);
    expect(again.headers.get('cache-control')).toBe('no-store');
  });

  it('is not found for anyone else, and needs a session', async () => {
    expect((await other.get(`/api/attempts/${attemptId}/aws-credentials`)).status).toBe(404);
    expect((await fetch(`${origin}/api/attempts/${attemptId}/aws-credentials`)).status).toBe(401);
  });
});

describe('IAM through the AWS SDK', () => {
  it('reads a user the lab set up, in the account of the attempt', async () => {
    const { User } = await iam().send(new GetUserCommand({ UserName: 'app-reader' }));
    expect(User).toMatchObject({ UserName: 'app-reader', Path: '/', Arn: `arn:aws:iam::${credentials.accountId}:user/app-reader`, UserId: expect.stringMatching(/^AIDA/) });
    expect(User?.CreateDate).toBeInstanceOf(Date);
  });

  it('creates a user that a later call and the attempt both see', async () => {
    const before = (await learner.get(`/api/attempts/${attemptId}`)).body.attempt.version;
    const created = await iam().send(new CreateUserCommand({ UserName: 'deploy-bot', Path: '/ci/' }));
    expect(created.User).toMatchObject({ UserName: 'deploy-bot', Path: '/ci/', Arn: `arn:aws:iam::${credentials.accountId}:user/ci/deploy-bot` });
    expect(created.$metadata).toMatchObject({ httpStatusCode: 200, requestId: expect.stringMatching(/^[0-9A-Z]{26}$/) });
    const { User } = await iam().send(new GetUserCommand({ UserName: 'deploy-bot' }));
    expect(User?.UserId).toBe(created.User?.UserId);
    expect((await learner.get(`/api/attempts/${attemptId}`)).body.attempt.version).toBe(before + 1);
  });

  it('lists users by path and pages with the marker, as `aws iam list-users` does', async () => {
    const all = await iam().send(new ListUsersCommand({}));
    expect(all.Users?.map((u) => u.UserName)).toContain('app-reader');
    expect(all.IsTruncated).toBe(false);
    await iam().send(new CreateUserCommand({ UserName: 'ci-a', Path: '/pipeline/' }));
    await iam().send(new CreateUserCommand({ UserName: 'ci-b', Path: '/pipeline/' }));
    const first = await iam().send(new ListUsersCommand({ PathPrefix: '/pipeline/', MaxItems: 1 }));
    expect(first).toMatchObject({ Users: [expect.objectContaining({ UserName: 'ci-a' })], IsTruncated: true, Marker: 'ci-b' });
    const second = await iam().send(new ListUsersCommand({ PathPrefix: '/pipeline/', MaxItems: 1, Marker: first.Marker }));
    expect(second).toMatchObject({ Users: [expect.objectContaining({ UserName: 'ci-b' })], IsTruncated: false });
  });

  it('lists inline policies as a list', async () => {
    const { PolicyNames } = await iam().send(new ListUserPoliciesCommand({ UserName: 'app-reader' }));
    expect(PolicyNames).toEqual([]);
  });

  // IAM's model maps the wire code `EntityAlreadyExists` to the class `EntityAlreadyExistsException`, as
  // against real IAM; codes the model does not declare surface as they are (`SignatureDoesNotMatch` below).
  it('surfaces an AWS error code as the SDK error class of that code', async () => {
    const error = await failure(iam().send(new CreateUserCommand({ UserName: 'APP-READER' })));
    expect(error).toBeInstanceOf(EntityAlreadyExistsException);
    expect(error.name).toBe('EntityAlreadyExistsException');
    expect(error.$metadata.httpStatusCode).toBe(409);
    expect(error.message).toContain('already exists');
    expect(error.$metadata.requestId).toMatch(/^[0-9A-Z]{26}$/);
    const missing = await failure(iam().send(new GetUserPolicyCommand({ UserName: 'app-reader', PolicyName: 'nope' })));
    expect(missing).toBeInstanceOf(NoSuchEntityException);
  });

  it('keeps every one of several concurrent writes', async () => {
    const names = ['w1', 'w2', 'w3'];
    await Promise.all(names.map((UserName) => iam().send(new CreateUserCommand({ UserName }))));
    for (const UserName of names) expect((await iam().send(new GetUserCommand({ UserName }))).User?.UserName).toBe(UserName);
  });
});

describe("the account's own IAM decides", () => {
  it("denies the lab's S3-only user iam:CreateUser with its own access key, in AWS's words", async () => {
    const { AccessKey } = await iam().send(new CreateAccessKeyCommand({ UserName: 'app-reader' }));
    expect(AccessKey).toMatchObject({ UserName: 'app-reader', Status: 'Active', AccessKeyId: expect.stringMatching(/^AKIA/) });
    const reader = iam({ accessKeyId: AccessKey!.AccessKeyId!, secretAccessKey: AccessKey!.SecretAccessKey! });
    const error = await failure(reader.send(new CreateUserCommand({ UserName: 'intruder' })));
    expect(error.name).toBe('AccessDenied');
    expect(error.$metadata.httpStatusCode).toBe(403);
    expect(error.message).toBe(
      `User: arn:aws:iam::${credentials.accountId}:user/app-reader is not authorized to perform: iam:CreateUser on resource: arn:aws:iam::${credentials.accountId}:user/intruder because no identity-based policy allows the iam:CreateUser action`,
    );
    const missing = await failure(iam().send(new GetUserCommand({ UserName: 'intruder' })));
    expect(missing).toBeInstanceOf(NoSuchEntityException);
  });
});

describe('authentication on the wire', () => {
  it('refuses a wrong secret with SignatureDoesNotMatch', async () => {
    const error = await failure(iam({ secretAccessKey: 'x'.repeat(40) }).send(new GetUserCommand({ UserName: 'app-reader' })));
    expect(error.name).toBe('SignatureDoesNotMatch');
    expect(error.$metadata.httpStatusCode).toBe(403);
  });

  it('refuses a request signed an hour ago with RequestExpired', async () => {
    const error = await failure(iam({}, { systemClockOffset: clockOffset() - 3_600_000 }).send(new GetUserCommand({ UserName: 'app-reader' })));
    expect(error.name).toBe('RequestExpired');
    expect(error.message).toMatch(/^Signature expired: \d{8}T\d{6}Z is now earlier than/);
  });

  it("lets the SDK correct a learner's wrong clock from the server's Date, as against AWS", async () => {
    const client = iam({}, { systemClockOffset: clockOffset() - 3_600_000, maxAttempts: 2 });
    const { User } = await client.send(new GetUserCommand({ UserName: 'app-reader' }));
    expect(User?.UserName).toBe('app-reader');
  });

  it("answers someone else's attempt and an unknown attempt exactly like an unknown key", async () => {
    const answers = await Promise.all([
      failure(iam({ endpoint: `${origin}/aws/${otherAttemptId}` }).send(new GetUserCommand({ UserName: 'app-reader' }))),
      failure(iam({ endpoint: `${origin}/aws/01JUNKNOWNATTEMPT000000000` }).send(new GetUserCommand({ UserName: 'app-reader' }))),
      failure(iam({ accessKeyId: 'AKIAAAAAAAAAAAAAAAAA' }).send(new GetUserCommand({ UserName: 'app-reader' }))),
    ]);
    for (const error of answers) {
      expect(error.name).toBe('InvalidClientTokenId');
      expect(error.message).toBe('The security token included in the request is invalid.');
      expect(error.$metadata.httpStatusCode).toBe(403);
    }
  });

  it('answers in AWS XML, never the JSON API error, and needs no Origin', async () => {
    const res = await fetch(`${origin}/aws/${attemptId}/`, { method: 'POST', body: 'Action=GetUser&Version=2010-05-08', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(res.status).toBe(403);
    expect(res.headers.get('content-type')).toBe('text/xml');
    expect(res.headers.get('x-amzn-requestid')).toMatch(/^[0-9A-Z]{26}$/);
    expect(res.headers.get('date')).toBe(new Date(FIXED_NOW).toUTCString());
    expect(await res.text()).toMatch(/^<ErrorResponse><Error><Type>Sender<\/Type><Code>MissingAuthenticationToken<\/Code>/);
  });

  it('refuses a body over 256 KB with an AWS error', async () => {
    const res = await fetch(`${origin}/aws/${attemptId}/`, { method: 'POST', body: `Action=GetUser&P=${'a'.repeat(256 * 1024)}`, headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(res.status).toBe(413);
    expect(await res.text()).toContain('<Code>RequestEntityTooLarge</Code>');
  });
});

describe('STS through the AWS SDK', () => {
  const sts = (c: { accessKeyId: string; secretAccessKey: string; sessionToken?: string }) =>
    new STSClient({ endpoint: credentials.endpoint, region: 'us-east-1', credentials: c, systemClockOffset: clockOffset(), maxAttempts: 1 });

  it('tells the root key who it is, with the account id as its UserId', async () => {
    const identity = await sts(credentials).send(new GetCallerIdentityCommand({}));
    expect(identity).toMatchObject({ Account: credentials.accountId, Arn: `arn:aws:iam::${credentials.accountId}:root`, UserId: credentials.accountId });
  });

  it('assumes a role its trust policy allows, and the session credentials then work and are that role', async () => {
    const trust = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${credentials.accountId}:root` }, Action: 'sts:AssumeRole' }] };
    await iam().send(new CreateRoleCommand({ RoleName: 'auditor', AssumeRolePolicyDocument: JSON.stringify(trust) }));
    const assumed = await sts(credentials).send(new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${credentials.accountId}:role/auditor`, RoleSessionName: 'audit-1', DurationSeconds: 900 }));
    expect(assumed.AssumedRoleUser?.Arn).toBe(`arn:aws:sts::${credentials.accountId}:assumed-role/auditor/audit-1`);
    expect(assumed.Credentials?.AccessKeyId).toMatch(/^ASIA/);
    expect(assumed.Credentials?.Expiration).toEqual(new Date(FIXED_NOW + 900_000));
    const session = { accessKeyId: assumed.Credentials!.AccessKeyId!, secretAccessKey: assumed.Credentials!.SecretAccessKey!, sessionToken: assumed.Credentials!.SessionToken! };
    expect((await sts(session).send(new GetCallerIdentityCommand({}))).Arn).toBe(assumed.AssumedRoleUser?.Arn);
    // The role has no permissions policy: the session may call nothing else.
    const denied = await failure(new IAMClient({ endpoint: credentials.endpoint, region: 'us-east-1', credentials: session, systemClockOffset: clockOffset(), maxAttempts: 1 }).send(new GetUserCommand({ UserName: 'app-reader' })));
    expect(denied.name).toBe('AccessDenied');
  });

  it("refuses a role whose trust policy does not name the caller, in AWS's error", async () => {
    const trust = { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }] };
    await iam().send(new CreateRoleCommand({ RoleName: 'instance-only', AssumeRolePolicyDocument: JSON.stringify(trust) }));
    const error = await failure(sts(credentials).send(new AssumeRoleCommand({ RoleArn: `arn:aws:iam::${credentials.accountId}:role/instance-only`, RoleSessionName: 'web-1' })));
    expect(error.name).toBe('AccessDenied');
    expect(error.$metadata.httpStatusCode).toBe(403);
  });
});

