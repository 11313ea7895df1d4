import { CreateAccessKeyCommand, CreateUserCommand, IAMClient, PutUserPolicyCommand } from '@aws-sdk/client-iam';
import { serve, type ServerType } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { createAgent, type Agent } from '../scenarios/client.ts';
import { PASSWORD } from '../scenarios/scenario.ts';
import { FIXED_NOW } from './deterministic.ts';
import { testApp } from './test-app.ts';

// The Node server with one learner's attempt of a lab, and the SDK client settings of its AWS endpoint: what
// the wire tests and benches of each service share (no vitest here, so the benches run it with plain Node).

function check(ok: boolean, what: string): void {
  if (!ok) throw new Error(`starting the attempt failed: ${what}`);
}

/** An attempt's endpoint and access key, as `/api/attempts/:id/aws-credentials` gives them. */
export interface AttemptCredentials {
  accessKeyId: string;
  secretAccessKey: string;
  region: string;
  endpoint: string;
  accountId: string;
}

/** A running server with one attempt. */
export interface AwsAttempt {
  /** The server's origin, the signed-in learner and the attempt's id and parameters. */
  origin: string;
  learner: Agent;
  attemptId: string;
  params: Record<string, string>;
  credentials: AttemptCredentials;
  /** The settings of an SDK client for the attempt's endpoint, with other keys when given. */
  clientConfig(keys?: { accessKeyId: string; secretAccessKey: string }): ClientConfig;
  /** An IAM user of the account allowed only what `policy` allows, and its keys. */
  restrictedUser(name: string, policy: object): Promise<{ arn: string; keys: { accessKeyId: string; secretAccessKey: string } }>;
  close(): Promise<void>;
}

/** What every SDK v3 client takes to talk to the attempt. */
export interface ClientConfig {
  endpoint: string;
  region: string;
  credentials: { accessKeyId: string; secretAccessKey: string };
  systemClockOffset: number;
  maxAttempts: number;
}

/** Starts the Node server, signs a learner up and starts an attempt of `labId`. */
export async function startAwsAttempt(labId: string): Promise<AwsAttempt> {
  const { app } = await testApp();
  const server = await new Promise<ServerType>((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
  });
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const learner = createAgent((url, init) => fetch(url, init), origin);
  check((await learner.post('/api/auth/sign-up', { email: 'ada@example.com', password: PASSWORD })).status === 201, 'sign-up');
  const started = await learner.post(`/api/labs/${labId}/attempts`);
  check(started.status === 201, `starting \`${labId}\``);
  const res = await learner.get(`/api/attempts/${started.body.attempt.id}/aws-credentials`);
  check(res.status === 200, 'the credentials');
  const credentials: AttemptCredentials = res.body.credentials;
  // The server's clock is fixed; the SDK signs as if it were then (it corrects skew the same way).
  const clientConfig = (keys = credentials): ClientConfig => ({
    endpoint: credentials.endpoint,
    region: credentials.region,
    credentials: { accessKeyId: keys.accessKeyId, secretAccessKey: keys.secretAccessKey },
    systemClockOffset: FIXED_NOW - Date.now(),
    maxAttempts: 1,
  });
  return {
    origin,
    learner,
    attemptId: started.body.attempt.id,
    params: started.body.attempt.params,
    credentials,
    clientConfig,
    async restrictedUser(name, policy) {
      const iam = new IAMClient(clientConfig());
      const user = await iam.send(new CreateUserCommand({ UserName: name }));
      await iam.send(new PutUserPolicyCommand({ UserName: name, PolicyName: 'only-this', PolicyDocument: JSON.stringify(policy) }));
      const key = (await iam.send(new CreateAccessKeyCommand({ UserName: name }))).AccessKey!;
      return { arn: user.User!.Arn!, keys: { accessKeyId: key.AccessKeyId!, secretAccessKey: key.SecretAccessKey! } };
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The error a call failed with; fails the test when the call succeeded. */
export async function failure<E = Error & { name: string; $metadata: { httpStatusCode?: number } }>(promise: Promise<unknown>): Promise<E> {
  try {
    await promise;
  } catch (error) {
    return error as E;
  }
  throw new Error('the call succeeded');
}
