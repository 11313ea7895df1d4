import { constantTimeEqual } from '@oslojs/crypto/subtle';
import type { AccessKeyPair } from '@skylab/db';
import type { Ctx } from '@skylab/emulator';
import { cryptoRandomBytes, type RandomBytes } from './ids.ts';

// Every secret of an attempt's AWS account comes from the CSPRNG, never from its id, seed or the clock: the
// seed only makes the lab's variant, and anyone who learned it (or how ids are derived) must not be able
// to sign as the learner.

const ACCESS_KEY_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const SECRET_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const SESSION_TOKEN_CHARS = 172;

/** `length` characters of `alphabet` (32 or 64 long, so a masked byte picks each one with equal chance). */
function randomText(alphabet: string, length: number, randomBytes: RandomBytes): string {
  return Array.from(randomBytes(length), (byte) => alphabet[byte & (alphabet.length - 1)]).join('');
}

/** A root access key in AWS's shapes: `AKIA` + 16 characters of A–Z and 2–7, and a 40-character secret. */
export function newRootAccessKey(randomBytes: RandomBytes = cryptoRandomBytes): AccessKeyPair {
  return { accessKeyId: `AKIA${randomText(ACCESS_KEY_ALPHABET, 16, randomBytes)}`, secretAccessKey: randomText(SECRET_ALPHABET, 40, randomBytes) };
}

/**
 * The emulator context with its secrets from the CSPRNG: the emulator asks its id source for a `secret`
 * (an IAM user's or an STS session's secret access key) and a `token` (a session token), and the seeded
 * ids an attempt's context has would make them guessable. Every other id stays seeded.
 */
export function withRandomSecrets(ctx: Ctx, randomBytes: RandomBytes = cryptoRandomBytes): Ctx {
  const next = (prefix: string) => {
    if (prefix === 'secret') return randomText(SECRET_ALPHABET, 40, randomBytes);
    if (prefix === 'token') return randomText(SECRET_ALPHABET, SESSION_TOKEN_CHARS, randomBytes);
    return ctx.ids.next(prefix);
  };
  return { ...ctx, ids: { next } };
}

/** Whether a presented access key id is the stored one, in time that does not depend on where they differ. */
export function sameAccessKeyId(presented: string, stored: string): boolean {
  const encode = (text: string) => new TextEncoder().encode(text);
  return presented.length === stored.length && constantTimeEqual(encode(presented), encode(stored));
}
