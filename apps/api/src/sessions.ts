import { constantTimeEqual } from '@oslojs/crypto/subtle';
import { sha256 } from '@oslojs/crypto/sha2';
import { decodeHex, encodeBase32LowerCaseNoPadding, encodeHexLowerCase } from '@oslojs/encoding';
import { deleteSession, extendSession, findSessionWithUser, insertSession, type SessionRow, type UserRow } from '@skylab/db';
import type { AppDeps } from './deps.ts';

/** 120 bits each for the id and the secret, as in Lucia's sessions guide. */
const RANDOM_BYTES = 15;

export interface IssuedSession {
  /** `id.secret`: what the cookie carries; never stored. */
  token: string;
  expiresAt: number;
}

export interface ValidSession {
  session: SessionRow;
  user: UserRow;
  /** Set when this request pushed the inactivity expiry forward, so the cookie must be re-sent. */
  extended: boolean;
}

function randomPart(): string {
  return encodeBase32LowerCaseNoPadding(crypto.getRandomValues(new Uint8Array(RANDOM_BYTES)));
}

function hashSecret(secret: string): Uint8Array {
  return sha256(new TextEncoder().encode(secret));
}

export async function issueSession(deps: Pick<AppDeps, 'db' | 'clock' | 'config'>, userId: string): Promise<IssuedSession> {
  const now = deps.clock.now();
  const id = randomPart();
  const secret = randomPart();
  const { idleMs, absoluteMs } = deps.config.session;
  const absoluteExpiresAt = now + absoluteMs;
  const expiresAt = Math.min(now + idleMs, absoluteExpiresAt);
  await insertSession(deps.db, { id, secretHash: encodeHexLowerCase(hashSecret(secret)), userId, createdAt: now, expiresAt, absoluteExpiresAt });
  return { token: `${id}.${secret}`, expiresAt };
}

/**
 * The session a token names, if its secret matches and it has not expired. An expired session is
 * deleted; one used after half its inactivity window is pushed forward, so active users stay signed in
 * with one write per half-window rather than one per request.
 */
export async function validateSession(deps: Pick<AppDeps, 'db' | 'clock' | 'config'>, token: string): Promise<ValidSession | undefined> {
  const [id, secret, ...rest] = token.split('.');
  if (!id || !secret || rest.length > 0) return undefined;
  const found = await findSessionWithUser(deps.db, id);
  if (!found) return undefined;
  if (!constantTimeEqual(hashSecret(secret), decodeHex(found.session.secretHash))) return undefined;
  const now = deps.clock.now();
  const { session } = found;
  if (now >= session.expiresAt || now >= session.absoluteExpiresAt) {
    await deleteSession(deps.db, session.id);
    return undefined;
  }
  const { idleMs } = deps.config.session;
  if (session.expiresAt - now >= idleMs / 2 || session.expiresAt === session.absoluteExpiresAt) return { ...found, extended: false };
  const expiresAt = Math.min(now + idleMs, session.absoluteExpiresAt);
  await extendSession(deps.db, session.id, expiresAt);
  return { session: { ...session, expiresAt }, user: found.user, extended: true };
}

export async function invalidateSession(deps: Pick<AppDeps, 'db'>, sessionId: string): Promise<void> {
  await deleteSession(deps.db, sessionId);
}
