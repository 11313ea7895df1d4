import { findUserByEmail, insertUser } from '@skylab/db';
import { describe, expect, it } from 'vitest';
import { createAgent } from './scenarios/client.ts';
import { STORED_HASHES } from './support/password-fixtures.ts';
import { testApp } from './support/test-app.ts';

describe('rehash on sign-in (Node prefers scrypt)', () => {
  it.each([
    ['a PBKDF2 hash a Worker wrote', STORED_HASHES.pbkdf2, /^\$scrypt\$ln=4,r=8,p=1\$/],
    ['a scrypt hash at an older cost', STORED_HASHES.olderScrypt, /^\$scrypt\$ln=4,r=8,p=1\$/],
    ['a hash already in the preferred format and cost', STORED_HASHES.scrypt, undefined],
  ])('%s', async (_case, stored, rehashed) => {
    const { fetch, deps } = await testApp();
    await insertUser(deps.db, { id: 'u1', email: 'ada@example.com', passwordHash: stored, createdAt: 0 });
    const signIn = await createAgent(fetch, 'http://localhost').post('/api/auth/sign-in', { email: 'ada@example.com', password: STORED_HASHES.password });
    const after = (await findUserByEmail(deps.db, 'ada@example.com'))!.passwordHash;
    expect(signIn.status).toBe(200);
    if (rehashed) expect(after).toMatch(rehashed);
    else expect(after).toBe(stored);
    expect(await deps.passwords.verify(STORED_HASHES.password, after)).toBe(true);
  });
});
