import { findSessionWithUser, insertUser } from '@skylab/db';
import { describe, expect, it } from 'vitest';
import { issueSession, validateSession } from '../src/sessions.ts';
import { openTestDb, testDeps } from './support/test-deps.ts';

const DAY = 24 * 60 * 60 * 1000;

async function setup() {
  const deps = testDeps(await openTestDb(), { labs: { list: () => [], get: () => undefined, misconceptions: () => [] } });
  await insertUser(deps.db, { id: 'u1', email: 'a@example.com', passwordHash: 'x', createdAt: 0 });
  return deps;
}

describe('sessions', () => {
  it('store only a SHA-256 of the secret', async () => {
    const deps = await setup();
    const { token } = await issueSession(deps, 'u1');
    const [id, secret] = token.split('.');
    const row = await findSessionWithUser(deps.db, id!);
    expect(row?.session.secretHash).toMatch(/^[0-9a-f]{64}$/);
    expect(row?.session.secretHash).not.toContain(secret);
  });

  it('refuse a token with the right id and a wrong secret, or a malformed one', async () => {
    const deps = await setup();
    const { token } = await issueSession(deps, 'u1');
    const [id] = token.split('.');
    for (const bad of [`${id}.wrongsecret`, id!, `${token}.extra`, '']) expect(await validateSession(deps, bad)).toBeUndefined();
    expect(await validateSession(deps, token)).toMatchObject({ user: { id: 'u1' }, extended: false });
  });

  it('end after 7 idle days and delete themselves', async () => {
    const deps = await setup();
    const { token } = await issueSession(deps, 'u1');
    deps.clock.advance(7 * DAY);
    expect(await validateSession(deps, token)).toBeUndefined();
    expect(await findSessionWithUser(deps.db, token.split('.')[0]!)).toBeUndefined();
  });

  it('are pushed forward when used after half their idle window, but never past 30 days', async () => {
    const deps = await setup();
    const { token, expiresAt } = await issueSession(deps, 'u1');
    deps.clock.advance(3 * DAY);
    expect((await validateSession(deps, token))?.extended).toBe(false);
    deps.clock.advance(1 * DAY);
    const extended = await validateSession(deps, token);
    expect(extended?.extended).toBe(true);
    expect(extended?.session.expiresAt).toBe(expiresAt + 4 * DAY);
    // Used every 4 days the session would live forever; the absolute expiry ends it at 30 days.
    for (let day = 8; day < 30; day += 4) {
      deps.clock.advance(4 * DAY);
      expect(await validateSession(deps, token), `day ${day}`).toBeDefined();
    }
    deps.clock.advance(4 * DAY);
    expect(await validateSession(deps, token)).toBeUndefined();
  });
});
