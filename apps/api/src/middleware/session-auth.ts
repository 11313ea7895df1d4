import type { Role } from '@skylab/db';
import type { Context, MiddlewareHandler } from 'hono';
import type { AppEnv } from '../app-env.ts';
import type { AppDeps } from '../deps.ts';
import { ApiError, unauthenticated } from '../errors.ts';
import { clearSessionCookie, readSessionToken, writeSessionCookie } from '../session-cookie.ts';
import { validateSession, type ValidSession } from '../sessions.ts';

/**
 * Resolves the session cookie once per request; a stale cookie is cleared so the browser stops sending it.
 * A request with a bearer token is that token's alone: its cookie is not read.
 */
export function sessionAuth(deps: AppDeps): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (c.get('bearer')) return next();
    const token = readSessionToken(c);
    if (token) {
      const auth = await validateSession(deps, token);
      if (!auth) clearSessionCookie(c);
      else {
        c.set('auth', auth);
        if (auth.extended) writeSessionCookie(c, token, auth.session.expiresAt, deps.clock.now());
      }
    }
    return next();
  };
}

/** The signed-in user's session, or 401. */
export function requireAuth(c: Context<AppEnv>): ValidSession {
  const auth = c.get('auth');
  if (!auth) throw unauthenticated();
  return auth;
}

/** The signed-in user's session if their role is one of `roles`: 401 when signed out, 403 otherwise. */
export function requireRole(c: Context<AppEnv>, roles: readonly Role[]): ValidSession {
  const auth = requireAuth(c);
  if (!roles.includes(auth.user.role)) throw new ApiError(403, 'forbidden', `this needs the ${roles.join(' or ')} role`);
  return auth;
}
