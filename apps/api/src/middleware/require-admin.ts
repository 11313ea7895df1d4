import type { Context } from 'hono';
import type { AppEnv } from '../app-env.ts';
import { ApiError } from '../errors.ts';
import type { ValidSession } from '../sessions.ts';
import { requireAuth } from './session-auth.ts';

/** The signed-in admin's session; 401 without a session, 403 for anyone else. */
export function requireAdmin(c: Context<AppEnv>): ValidSession {
  const auth = requireAuth(c);
  if (auth.user.role !== 'admin') throw new ApiError(403, 'forbidden', 'only an admin may do this');
  return auth;
}
