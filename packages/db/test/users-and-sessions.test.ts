import { describe, expect, it } from 'vitest';
import {
  deleteExpiredSessions,
  deleteSession,
  extendSession,
  findSessionWithUser,
  findUserByEmail,
  findUserById,
  insertSession,
  insertUser,
  promoteUser,
} from '../src/index.ts';
import { openDb } from './open-db.ts';

const user = { id: '01A', email: ' Ada@Example.COM ', name: 'Ada', passwordHash: '$scrypt$x', createdAt: 1 };

describe.each(['memory', 'file'] as const)('users and sessions (%s)', (kind) => {
  it('stores emails lower-cased and refuses a second account with the same email', async () => {
    const db = await openDb(kind);
    const created = await insertUser(db, user);
    expect(created).toMatchObject({ email: 'ada@example.com', role: 'learner' });
    expect(await insertUser(db, { ...user, id: '01B', email: 'ADA@example.com' })).toBeUndefined();
    expect((await findUserByEmail(db, 'ada@EXAMPLE.com'))?.id).toBe('01A');
    expect(await findUserById(db, 'nobody')).toBeUndefined();
  });

  it('promotes a user by email and reports an unknown email', async () => {
    const db = await openDb(kind);
    await insertUser(db, user);
    expect((await promoteUser(db, 'ADA@example.com', 'admin'))?.role).toBe('admin');
    expect(await promoteUser(db, 'nobody@example.com', 'admin')).toBeUndefined();
  });

  it('finds a session with its user, extends it, expires it and deletes it', async () => {
    const db = await openDb(kind);
    await insertUser(db, user);
    const session = { id: 's1', secretHash: 'ab', userId: '01A', createdAt: 10, expiresAt: 100, absoluteExpiresAt: 1000 };
    await insertSession(db, session);
    await insertSession(db, { ...session, id: 's2', expiresAt: 50 });
    expect(await findSessionWithUser(db, 's1')).toMatchObject({ session, user: { email: 'ada@example.com' } });
    await extendSession(db, 's1', 200);
    expect((await findSessionWithUser(db, 's1'))?.session.expiresAt).toBe(200);
    expect(await deleteExpiredSessions(db, 60)).toBe(1);
    expect(await findSessionWithUser(db, 's2')).toBeUndefined();
    await deleteSession(db, 's1');
    expect(await findSessionWithUser(db, 's1')).toBeUndefined();
  });
});
