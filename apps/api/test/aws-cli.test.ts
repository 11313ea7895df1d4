/**
 * The real AWS CLI (`aws`, awscli v1) in scripted sessions against the real Node server: what a learner types.
 *
 * Sessions are data, one file per service: `aws-cli/<service>-steps.ts` exports `session: CliSession`
 * (`aws-cli/session.ts`): the lab whose fresh attempt gives the account, and steps run in order, each
 * `{ name, args, expect?(json, context), error?, credentials? }`. A step runs `aws <args> --endpoint-url
 * <attempt endpoint> --region <region> --output json` with the attempt's root key (or the step's
 * credentials) in the environment and no config or credentials file; `expect` asserts the printed JSON,
 * `error` names the AWS error code the call must fail with. Adding a service is adding its file.
 *
 * `aws` is found on PATH or in `.venv-awscli/bin` (where `.ci/run` installs it). Without it the sessions
 * are skipped locally, and fail under CI.
 */
import { serve, type ServerType } from '@hono/node-server';
import { execFile } from 'node:child_process';
import { accessSync, constants, readdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { delimiter, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CliContext, CliCredentials, CliSession, CliStep } from './aws-cli/session.ts';
import { createAgent, type Agent } from './scenarios/client.ts';
import { PASSWORD } from './scenarios/scenario.ts';
import { REPO_ROOT } from './support/test-deps.ts';
import { testApp } from './support/test-app.ts';

const SESSIONS_DIR = join(import.meta.dirname, 'aws-cli');

function executable(path: string): boolean {
  try {
    accessSync(path, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

function findAws(): string | undefined {
  const dirs = [...(process.env.PATH ?? '').split(delimiter).filter(Boolean), join(REPO_ROOT, '.venv-awscli', 'bin')];
  return dirs.map((dir) => join(dir, 'aws')).find(executable);
}

const sessionFiles = readdirSync(SESSIONS_DIR)
  .filter((file) => file.endsWith('-steps.ts'))
  .sort();
const sessions: [string, CliSession][] = await Promise.all(
  sessionFiles.map(async (file) => [file.replace(/-steps\.ts$/, ''), ((await import(join(SESSIONS_DIR, file))) as { session: CliSession }).session] as [string, CliSession]),
);

const aws = findAws();
const ci = process.env.CI === 'true';
if (!aws && !ci) console.log('aws-cli.test.ts: skipped, there is no `aws` on PATH nor in .venv-awscli/bin (`.ci/run` installs it)');

interface Result {
  code: number;
  stdout: string;
  stderr: string;
}

/** The environment of one `aws` run: this process's minus every AWS_ variable, plus the step's credentials and isolation. */
function cliEnv(credentials: CliCredentials, region: string): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('AWS_')));
  return {
    ...env,
    AWS_ACCESS_KEY_ID: credentials.accessKeyId,
    AWS_SECRET_ACCESS_KEY: credentials.secretAccessKey,
    ...(credentials.sessionToken ? { AWS_SESSION_TOKEN: credentials.sessionToken } : {}),
    AWS_DEFAULT_REGION: region,
    AWS_CONFIG_FILE: '/dev/null',
    AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
    AWS_EC2_METADATA_DISABLED: 'true',
    AWS_MAX_ATTEMPTS: '1',
    AWS_PAGER: '',
  };
}

// Asynchronous: the server answering the CLI runs in this very process.
function runAws(args: string[], env: NodeJS.ProcessEnv): Promise<Result> {
  return new Promise((resolve) => {
    execFile(aws as string, args, { env, timeout: 30_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, stdout, stderr });
    });
  });
}

function parsed(stdout: string): unknown {
  return stdout.trim() === '' ? undefined : JSON.parse(stdout);
}

// Declared only when it fails, so a machine with the CLI reports no skipped test.
if (!aws && ci) {
  describe('the AWS CLI under CI', () => {
    it('is installed (`.ci/run` puts it in .venv-awscli)', () => {
      expect.fail('there is no `aws` on PATH nor in .venv-awscli/bin');
    });
  });
}

describe.skipIf(!aws)('the AWS CLI against the Node server', () => {
  let server: ServerType;
  let origin: string;
  let learner: Agent;
  let deps: Awaited<ReturnType<typeof testApp>>['deps'];

  beforeAll(async () => {
    const test = await testApp();
    deps = test.deps;
    // The CLI signs with the machine's clock: the server's must be that clock (`tick` keeps it there).
    deps.clock.set(Date.now());
    server = await new Promise<ServerType>((resolve) => {
      const s = serve({ fetch: test.app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
    });
    origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    learner = createAgent((url, init) => fetch(url, init), origin);
    expect((await learner.post('/api/auth/sign-up', { email: 'cli@example.com', password: PASSWORD })).status).toBe(201);
    // Eight helpers share two cores: migrating and signing up may take a while.
  }, 60_000);

  afterAll(async () => {
    await new Promise((resolve) => server.close(resolve));
  });

  const tick = () => deps.clock.set(Date.now());

  describe.each(sessions)('%s', (_service, session) => {
    let endpoint: string;
    let root: CliCredentials;
    const context: CliContext = { accountId: '', region: '', vars: {} };

    beforeAll(async () => {
      tick();
      const started = await learner.post(`/api/labs/${session.lab}/attempts`);
      expect(started.status).toBe(201);
      const { credentials } = (await learner.get(`/api/attempts/${started.body.attempt.id}/aws-credentials`)).body;
      endpoint = credentials.endpoint;
      root = { accessKeyId: credentials.accessKeyId, secretAccessKey: credentials.secretAccessKey };
      Object.assign(context, { accountId: credentials.accountId, region: credentials.region });
    }, 30_000);

    it.each(session.steps.map((step): [string, CliStep] => [step.name, step]))('%s', async (_name, step) => {
      const args = typeof step.args === 'function' ? step.args(context) : step.args;
      tick();
      const result = await runAws([...args, '--endpoint-url', endpoint, '--region', context.region, '--output', 'json'], cliEnv(step.credentials?.(context) ?? root, context.region));
      const shown = `aws ${args.join(' ')}\nexit ${result.code}\n${result.stderr}${result.stdout}`;
      if (step.error) {
        expect(result.code, shown).not.toBe(0);
        expect(result.stderr, shown).toContain(`An error occurred (${step.error})`);
      } else {
        expect(result.code, shown).toBe(0);
      }
      step.expect?.(parsed(result.stdout), context);
    }, 60_000);
  });
});
