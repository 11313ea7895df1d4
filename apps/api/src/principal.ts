import type { Role, TokenScope, UserRow } from '@skylab/db';
import type { Context } from 'hono';
import type { AppEnv } from './app-env.ts';
import { ApiError } from './errors.ts';
import { requireAuth } from './middleware/session-auth.ts';

export const forbidden = (message: string) => new ApiError(403, 'forbidden', message);

/**
 * The caller of a route systems may call too: the session's user, or the owner of a bearer token that
 * carries `scope` (403 `insufficient_scope` when it does not). What the user may do then is decided by
 * the user's own role and memberships, so a token never reaches further than its owner.
 */
export function requireCaller(c: Context<AppEnv>, scope: TokenScope): UserRow {
  const bearer = c.get('bearer');
  if (!bearer) return requireAuth(c).user;
  if (!bearer.token.scopes.includes(scope)) throw new ApiError(403, 'insufficient_scope', `this token does not carry the \`${scope}\` scope`);
  return bearer.user;
}

const RANK: Record<Role, number> = { learner: 0, instructor: 1, admin: 2 };

/** 403 unless the user's role is at least `role`. */
export function requireRole(user: UserRow, role: Role): UserRow {
  if (RANK[user.role] < RANK[role]) throw forbidden(`this needs the \`${role}\` role`);
  return user;
}
