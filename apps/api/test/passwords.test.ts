import { encodeBase64NoPadding, decodeHex } from '@oslojs/encoding';
import { describe, expect, it } from 'vitest';
import { parseHash } from '../src/password-hash-format.ts';
import { PRODUCTION_COSTS } from '../src/password-hasher.ts';
import { createNodePasswords } from '../src/passwords-node.ts';
import { createWebPasswords } from '../src/passwords-web.ts';
import { STORED_HASHES } from './support/password-fixtures.ts';
import { TEST_COSTS } from './support/test-deps.ts';

const implementations = { node: createNodePasswords, web: createWebPasswords };
const b64 = (text: string) => encodeBase64NoPadding(new TextEncoder().encode(text));

// RFC 7914 §11 (the scrypt RFC) gives known answers for both derivations; a hash string around each must verify.
const KNOWN_ANSWERS = [
  [
    'PBKDF2-HMAC-SHA256 (P=passwd, S=salt, c=1)',
    'passwd',
    `$pbkdf2-sha256$i=1,n=1$${b64('salt')}$${encodeBase64NoPadding(decodeHex('55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc49ca9cccf179b645991664b39d77ef317c71b845b1e30bd509112041d3a19783'))}`,
  ],
  [
    'scrypt (P=password, S=NaCl, N=1024, r=8, p=16)',
    'password',
    `$scrypt$ln=10,r=8,p=16$${b64('NaCl')}$${encodeBase64NoPadding(decodeHex('fdbabe1c9d3472007856e7190d01e9fe7c6ad7cbc8237830e77376634b3731622eaf30d92e22a3886ff109279d9830dac727afb94a83ee6d8360cbdfa2cc0640'))}`,
  ],
] as const;

describe.each(Object.entries(implementations))('%s passwords', (name, create) => {
  const passwords = create(TEST_COSTS);
  const layout = name === 'node' ? /^\$scrypt\$ln=4,r=8,p=1\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$/ : /^\$pbkdf2-sha256\$i=1000,n=2\$[A-Za-z0-9+/]{22}\$[A-Za-z0-9+/]{43}$/;

  it('writes its preferred format with a fresh salt each time', async () => {
    const [a, b] = await Promise.all([passwords.hash('correct horse'), passwords.hash('correct horse')]);
    expect(a).toMatch(layout);
    expect(a).not.toBe(b);
    expect(passwords.needsRehash(a)).toBe(false);
  });

  it.each([
    ['the same password', 'correct horse', true],
    ['another password', 'correct horsf', false],
    ['the same password in another Unicode form', 'correct horse'.normalize('NFD'), true],
  ])('verifies %s', async (_case, attempt, expected) => {
    expect(await passwords.verify(attempt, await passwords.hash('correct horse'))).toBe(expected);
  });

  it.each(KNOWN_ANSWERS)('matches the known answer for %s', async (_case, password, hash) => {
    expect(await passwords.verify(password, hash)).toBe(true);
  });

  it.each(Object.entries({ scrypt: STORED_HASHES.scrypt, pbkdf2: STORED_HASHES.pbkdf2 }))('verifies a stored %s hash and says whether to rehash it', async (format, hash) => {
    expect(await passwords.verify(STORED_HASHES.password, hash)).toBe(true);
    expect(await passwords.verify('not the password', hash)).toBe(false);
    expect(passwords.needsRehash(hash)).toBe((name === 'node') !== (format === 'scrypt'));
  });

  it.each(['', 'plain', '$scrypt$ln=99,r=8,p=1$AAAA$AAAA', '$pbkdf2-sha256$i=100001,n=6$AAAA$AAAA', '$pbkdf2-sha256$i=1000,n=21$AAAA$AAAA', '$argon2id$v=19$m=1,t=1,p=1$AAAA$AAAA'])(
    'refuses the hash `%s` and does not ask to rehash it',
    async (hash) => {
      expect(await passwords.verify('anything', hash)).toBe(false);
      expect(passwords.needsRehash(hash)).toBe(false);
    },
  );

  it('asks to rehash its own format made at another cost', async () => {
    const cheaper = create({ scrypt: { log2N: 5, r: 4, p: 2 }, pbkdf2: { iterations: 500, rounds: 1 } });
    const old = await cheaper.hash('an older password');
    expect(await passwords.verify('an older password', old)).toBe(true);
    expect(passwords.needsRehash(old)).toBe(true);
  });
});

describe('Node and web hashes', () => {
  it.each([
    ['node', 'web'],
    ['web', 'node'],
  ] as const)('verify each other: %s hashes, %s verifies', async (hasher, verifier) => {
    const hash = await implementations[hasher](TEST_COSTS).hash('pässwörd ünïcode');
    expect(await implementations[verifier](TEST_COSTS).verify('pässwörd ünïcode', hash)).toBe(true);
    expect(await implementations[verifier](TEST_COSTS).verify('password unicode', hash)).toBe(false);
  });

  it.each([
    ['node', 'scrypt', { log2N: 15, r: 8, p: 3 }],
    ['web', 'pbkdf2-sha256', { iterations: 100_000, rounds: 6 }],
  ] as const)('at the production costs, %s writes %s at %o and the other verifies it', async (hasher, algorithm, cost) => {
    const hash = await implementations[hasher]().hash('a production password');
    expect(parseHash(hash)).toMatchObject({ algorithm, cost });
    const other = implementations[hasher === 'node' ? 'web' : 'node'](PRODUCTION_COSTS);
    expect(await other.verify('a production password', hash)).toBe(true);
  }, 60_000);
});
