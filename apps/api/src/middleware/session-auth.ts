import type { Context, MiddlewareHandler } from 'hono';
import type { AppEnv } from '../app-env.ts';
import type { AppDeps } from '../deps.ts';
import { unauthenticated } from '../errors.ts';
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
