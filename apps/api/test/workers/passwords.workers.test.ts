import { exports } from 'cloudflare:workers';
import { createDb, findUserByEmail, insertUser } from '@skylab/db';
import { expect, inject, it } from 'vitest';
import { PRODUCTION_COSTS } from '../../src/password-hasher.ts';
import { createWebPasswords } from '../../src/passwords-web.ts';
import { STORED_HASHES } from '../support/password-fixtures.ts';

// The Worker prefers WebCrypto's PBKDF2; what Node wrote (scrypt) must still sign in, and be rehashed then.
const ORIGIN = 'https://skylab.test';
const PREFERRED = /^\$pbkdf2-sha256\$i=100000,n=6\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$/;

it('verifies both formats inside workerd and makes PBKDF2 at the production cost', async () => {
  const passwords = createWebPasswords(PRODUCTION_COSTS);
  for (const hash of [STORED_HASHES.scrypt, STORED_HASHES.olderScrypt, STORED_HASHES.pbkdf2]) {
    expect(await passwords.verify(STORED_HASHES.password, hash)).toBe(true);
    expect(await passwords.verify('not the password', hash)).toBe(false);
  }
  const hash = await passwords.hash('a production password');
  expect(hash).toMatch(PREFERRED);
  expect(await passwords.verify('a production password', hash)).toBe(true);
});

it.each([
  ['a scrypt hash Node wrote', STORED_HASHES.scrypt],
  ['a PBKDF2 hash at a lower cost', STORED_HASHES.pbkdf2],
])('rehashes %s to PBKDF2 at the next sign-in, once', async (_case, stored) => {
  const email = `rehash-${crypto.randomUUID()}@example.com`;
  const db = createDb(inject('databaseUrl'));
  const signIn = () =>
    exports.default.fetch(`${ORIGIN}/api/auth/sign-in`, {
      method: 'POST',
      headers: { origin: ORIGIN, 'content-type': 'application/json', 'cf-connecting-ip': '192.0.2.77' },
      body: JSON.stringify({ email, password: STORED_HASHES.password }),
    });
  try {
    await insertUser(db, { id: crypto.randomUUID(), email, passwordHash: stored, createdAt: 0 });
    expect((await signIn()).status).toBe(200);
    const rehashed = (await findUserByEmail(db, email))!.passwordHash;
    expect(rehashed).toMatch(PREFERRED);
    expect((await signIn()).status).toBe(200);
    expect((await findUserByEmail(db, email))!.passwordHash).toBe(rehashed);
  } finally {
    db.$client.close();
  }
});
