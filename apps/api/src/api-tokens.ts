import { constantTimeEqual } from '@oslojs/crypto/subtle';
import { sha256 } from '@oslojs/crypto/sha2';
import { decodeHex, encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from '@oslojs/encoding';
import { findApiTokenWithUser, insertApiToken, touchApiToken, type ApiTokenRow, type TokenScope, type UserRow } from '@skylab/db';
import type { AppDeps } from './deps.ts';

/** What marks a bearer token as ours (as `ghp_` does GitHub's), so secret scanners and logs can spot it. */
export const TOKEN_PREFIX = 'skylab_';

/** 160 bits of secret from the CSPRNG. */
const SECRET_BYTES = 20;

/** The token's last use is written at most this often, not on every request. */
const TOUCH_INTERVAL_MS = 60_000;

export interface ValidApiToken {
  token: ApiTokenRow;
  user: UserRow;
}

function hashSecret(secret: string): Uint8Array {
  return sha256(new TextEncoder().encode(secret));
}

export interface NewToken {
  userId: string;
  name: string;
  scopes: TokenScope[];
  expiresAt: number;
}

/** Stores a token (only the SHA-256 of its secret) and returns it with its one-time plaintext `skylab_<id>_<secret>`. */
export async function issueApiToken(deps: Pick<AppDeps, 'db' | 'clock' | 'ids'>, input: NewToken): Promise<{ row: ApiTokenRow; plaintext: string }> {
  const id = deps.ids.next().toLowerCase();
  const secret = encodeBase32LowerCaseNoPadding(crypto.getRandomValues(new Uint8Array(SECRET_BYTES)));
  const row = await insertApiToken(deps.db, { id, ...input, secretHash: encodeHexLowerCase(hashSecret(secret)), createdAt: deps.clock.now() });
  return { row, plaintext: `${TOKEN_PREFIX}${id}_${secret}` };
}

/** The token a bearer string names, if its secret matches, it is not revoked and has not expired. */
export async function validateApiToken(deps: Pick<AppDeps, 'db' | 'clock'>, bearer: string): Promise<ValidApiToken | undefined> {
  if (!bearer.startsWith(TOKEN_PREFIX)) return undefined;
  const [id, secret, ...rest] = bearer.slice(TOKEN_PREFIX.length).split('_');
  if (!id || !secret || rest.length > 0 || !/^[0-9a-z]{1,64}$/.test(id)) return undefined;
  const found = await findApiTokenWithUser(deps.db, id);
  if (!found || !constantTimeEqual(hashSecret(secret), decodeHex(found.token.secretHash))) return undefined;
  const now = deps.clock.now();
  if (found.token.revokedAt !== null || now >= found.token.expiresAt) return undefined;
  if (found.token.lastUsedAt === null || now - found.token.lastUsedAt >= TOUCH_INTERVAL_MS) await touchApiToken(deps.db, id, now);
  return found;
}
