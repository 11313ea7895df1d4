import { CreateUserCommand, GetUserCommand, IAMClient } from '@aws-sdk/client-iam';
import { serve, type ServerType } from '@hono/node-server';
import type * as Db from '@skylab/db';
import { createUser, restoreAccountState } from '@skylab/emulator';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { createAgent, type Agent } from './scenarios/client.ts';
import { PASSWORD } from './scenarios/scenario.ts';
import { FIXED_NOW } from './support/deterministic.ts';
import { testApp } from './support/test-app.ts';

// A write that lands between the wire endpoint's read and its own write: the call is run again on the newer
// account, once; a second conflict is answered, never dropped. The database module is wrapped so another
// writer can cut in at exactly that moment.

const race = vi.hoisted(() => ({ cutIn: 0 }));

vi.mock('@skylab/db', async (importOriginal) => {
  const actual = await importOriginal<typeof Db>();
  return {
    ...actual,
    writeAttemptState: async (database: Db.Db, write: Db.AttemptStateWrite) => {
      if (race.cutIn > 0) {
        race.cutIn--;
        await otherWriter(actual, database, write.id);
      }
      return actual.writeAttemptState(database, write);
    },
  };
});

let sneaked = 0;
/** Someone else's change: a user created straight in the stored account, moving the attempt's version on. */
async function otherWriter(actual: typeof Db, database: Db.Db, id: string): Promise<void> {
  const attempt = await actual.findAttemptById(database, id);
  if (!attempt) throw new Error('no attempt');
  const state = restoreAccountState(attempt.state);
  const n = ++sneaked;
  createUser(state, { UserName: `sneaky-${n}` }, { clock: { now: () => FIXED_NOW }, ids: { next: (p) => `${p}SNEAKY${String(n).padStart(11, '0')}` }, accountId: '111122223333', region: 'us-east-1' });
  expect(await actual.writeAttemptState(database, { id, expectedVersion: attempt.version, state, updatedAt: FIXED_NOW })).toBe(true);
}

let server: ServerType;
let origin: string;
let learner: Agent;
let attemptId: string;
let client: IAMClient;

beforeAll(async () => {
  const { app } = await testApp();
  server = await new Promise<ServerType>((resolve) => {
    const s = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, () => resolve(s));
  });
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  learner = createAgent((url, init) => fetch(url, init), origin);
  expect((await learner.post('/api/auth/sign-up', { email: 'ada@example.com', password: PASSWORD })).status).toBe(201);
  attemptId = (await learner.post('/api/labs/iam-s3-read-only/attempts')).body.attempt.id;
  const { credentials } = (await learner.get(`/api/attempts/${attemptId}/aws-credentials`)).body;
  client = new IAMClient({
    endpoint: credentials.endpoint,
    region: credentials.region,
    credentials: { accessKeyId: credentials.accessKeyId, secretAccessKey: credentials.secretAccessKey },
    systemClockOffset: FIXED_NOW - Date.now(),
    maxAttempts: 1,
  });
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
});

const version = async () => (await learner.get(`/api/attempts/${attemptId}`)).body.attempt.version as number;

describe('a concurrent write on the wire endpoint', () => {
  it('is absorbed by running the call again on the newer account: both changes are kept', async () => {
    const before = await version();
    race.cutIn = 1;
    await client.send(new CreateUserCommand({ UserName: 'mine' }));
    expect((await client.send(new GetUserCommand({ UserName: 'mine' }))).User?.UserName).toBe('mine');
    expect((await client.send(new GetUserCommand({ UserName: 'sneaky-1' }))).User?.UserName).toBe('sneaky-1');
    expect(await version()).toBe(before + 2);
  });

  it('twice in a row is answered with ConcurrentModification, and nothing of the call is written', async () => {
    const before = await version();
    race.cutIn = 2;
    const error = await client.send(new CreateUserCommand({ UserName: 'lost' })).then(
      () => undefined,
      (e: Error & { $metadata: { httpStatusCode?: number } }) => e,
    );
    expect(error?.name).toMatch(/^ConcurrentModification/);
    expect(error?.$metadata.httpStatusCode).toBe(409);
    const missing = await client.send(new GetUserCommand({ UserName: 'lost' })).catch((e: Error) => e);
    expect((missing as Error).name).toMatch(/^NoSuchEntity/);
    expect(await version()).toBe(before + 2);
  });
});
