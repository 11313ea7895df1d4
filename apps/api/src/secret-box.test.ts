import { describe, expect, it } from 'vitest';
import { createSecretBox, newSecretKey, parseSecretKey, SecretBoxError } from './secret-box.ts';

const KEY = new Uint8Array(32).fill(1);

describe('createSecretBox', () => {
  it('opens what it sealed, and never seals the same text the same way twice (a fresh IV each time)', async () => {
    const box = createSecretBox(KEY);
    const first = await box.seal('{"d":"private"}', 'kid-1');
    const second = await box.seal('{"d":"private"}', 'kid-1');
    expect(first).toMatch(/^v1\.[\w-]{16}\.[\w-]+$/);
    expect(first).not.toBe(second);
    expect(first).not.toContain('private');
    expect(await box.open(first, 'kid-1')).toBe('{"d":"private"}');
  });

  it.each([
    ['another key', async (sealed: string) => createSecretBox(new Uint8Array(32).fill(2)).open(sealed, 'kid-1')],
    ['another context (moved to another row)', async (sealed: string) => createSecretBox(KEY).open(sealed, 'kid-2')],
    ['an altered ciphertext', async (sealed: string) => createSecretBox(KEY).open(`${sealed.slice(0, -2)}${sealed.endsWith('A') ? 'B' : 'A'}A`, 'kid-1')],
    ['no sealed value at all', async () => createSecretBox(KEY).open('{"kty":"RSA"}', 'kid-1')],
  ])('refuses to open with %s', async (_label, open) => {
    const sealed = await createSecretBox(KEY).seal('secret', 'kid-1');
    await expect(open(sealed)).rejects.toBeInstanceOf(SecretBoxError);
  });
});

describe('parseSecretKey', () => {
  it.each([
    ['base64 with padding', Buffer.alloc(32, 3).toString('base64'), true],
    ['base64url without padding', Buffer.alloc(32, 250).toString('base64url'), true],
    ['with a trailing newline (a file)', `${Buffer.alloc(32, 3).toString('base64')}\n`, true],
    ['a fresh key', newSecretKey(), true],
    ['31 bytes', Buffer.alloc(31, 3).toString('base64'), false],
    ['64 bytes', Buffer.alloc(64, 3).toString('base64'), false],
    ['a passphrase', 'correct horse battery staple', false],
  ])('%s: %s', (_label, text, valid) => {
    expect(parseSecretKey(text) !== undefined).toBe(valid);
  });
});
