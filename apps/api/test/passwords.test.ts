import { describe, expect, it } from 'vitest';
import { parseHash, PRODUCTION_SCRYPT } from '../src/password-hash-format.ts';
import { createNodePasswords } from '../src/passwords-node.ts';
import { createWebPasswords } from '../src/passwords-web.ts';
import { TEST_SCRYPT } from './support/test-deps.ts';

const implementations = { node: createNodePasswords, web: createWebPasswords };

describe.each(Object.entries(implementations))('%s passwords', (_name, create) => {
  const passwords = create(TEST_SCRYPT);

  it('writes a PHC-like scrypt string with a fresh salt each time', async () => {
    const [a, b] = await Promise.all([passwords.hash('correct horse'), passwords.hash('correct horse')]);
    expect(a).toMatch(/^\$scrypt\$ln=4,r=8,p=1\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$/);
    expect(a).not.toBe(b);
  });

  it.each([
    ['the same password', 'correct horse', true],
    ['another password', 'correct horsf', false],
    ['the same password in another Unicode form', 'correct horse'.normalize('NFD'), true],
  ])('verifies %s', async (_case, attempt, expected) => {
    expect(await passwords.verify(attempt, await passwords.hash('correct horse'))).toBe(expected);
  });

  it.each(['', 'plain', '$scrypt$ln=99,r=8,p=1$AAAA$AAAA', '$argon2id$v=19$m=1,t=1,p=1$AAAA$AAAA'])('refuses the hash `%s`', async (hash) => {
    expect(await passwords.verify('anything', hash)).toBe(false);
  });
});

describe('Node and web scrypt', () => {
  it.each([
    ['node', 'web'],
    ['web', 'node'],
  ] as const)('verify each other: %s hashes, %s verifies', async (hasher, verifier) => {
    const hash = await implementations[hasher](TEST_SCRYPT).hash('pässwörd ünïcode');
    expect(await implementations[verifier](TEST_SCRYPT).verify('pässwörd ünïcode', hash)).toBe(true);
    expect(await implementations[verifier](TEST_SCRYPT).verify('password unicode', hash)).toBe(false);
  });

  it('agree at the production cost (N=2^15, r=8, p=3)', async () => {
    const hash = await createNodePasswords().hash('a production password');
    expect(parseHash(hash)?.cost).toEqual(PRODUCTION_SCRYPT);
    expect(hash.startsWith('$scrypt$ln=15,r=8,p=3$')).toBe(true);
    expect(await createWebPasswords().verify('a production password', hash)).toBe(true);
  }, 60_000);

  it('verify a hash made at another cost, so the cost can change without locking anyone out', async () => {
    const old = await createNodePasswords({ log2N: 5, r: 4, p: 2 }).hash('an older password');
    expect(await createWebPasswords(TEST_SCRYPT).verify('an older password', old)).toBe(true);
  });
});
