import type { Context, MiddlewareHandler } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { CookieOptions } from 'hono/utils/cookie';
import type { AppEnv } from './app-env.ts';
import type { AppDeps } from './deps.ts';
import { invalidateSession, issueSession } from './sessions.ts';

/** `__Host-` binds the cookie to this exact origin: Secure, Path=/ and no Domain, enforced by browsers. */
export const SESSION_COOKIE = '__Host-skylab_session';
/** Over plain HTTP (`SKYLAB_INSECURE_HTTP`) browsers refuse `__Host-` and `Secure`, so the cookie goes without both. */
export const INSECURE_SESSION_COOKIE = 'skylab_session';

function cookie(c: Context<AppEnv>): { name: string; options: CookieOptions } {
  const secure = !c.get('insecureHttp');
  return { name: secure ? SESSION_COOKIE : INSECURE_SESSION_COOKIE, options: { httpOnly: true, secure, sameSite: 'Lax', path: '/' } };
}

export function readSessionToken(c: Context<AppEnv>): string | undefined {
  return getCookie(c, cookie(c).name);
}

export function writeSessionCookie(c: Context<AppEnv>, token: string, expiresAt: number, now: number): void {
  const { name, options } = cookie(c);
  // Max-Age rather than Expires: it does not depend on the browser's clock agreeing with ours.
  setCookie(c, name, token, { ...options, maxAge: Math.max(0, Math.round((expiresAt - now) / 1000)) });
}

export function clearSessionCookie(c: Context<AppEnv>): void {
  const { name, options } = cookie(c);
  deleteCookie(c, name, options);
}

/** Hands `AppConfig.insecureHttp` to the helpers above, which route handlers call with the context only. */
export function sessionCookiePolicy(insecureHttp: boolean): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    c.set('insecureHttp', insecureHttp);
    await next();
  };
}

/**
 * Signs the browser in with a fresh session and ends the one the request came with, if any: a session
 * planted in the browser before sign-in must not become the user's (OWASP Session Management Cheat Sheet,
 * "Renew the Session ID After Any Privilege Level Change"; session fixation).
 */
export async function startSession(c: Context<AppEnv>, deps: Pick<AppDeps, 'db' | 'clock' | 'config'>, userId: string): Promise<void> {
  const previous = c.get('auth');
  if (previous) await invalidateSession(deps, previous.session.id);
  const { token, expiresAt } = await issueSession(deps, userId);
  writeSessionCookie(c, token, expiresAt, deps.clock.now());
}
