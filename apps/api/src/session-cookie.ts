import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import type { AppEnv } from './app-env.ts';
import type { AppDeps } from './deps.ts';
import { invalidateSession, issueSession } from './sessions.ts';

/** `__Host-` binds the cookie to this exact origin: Secure, Path=/ and no Domain, enforced by browsers. */
export const SESSION_COOKIE = '__Host-skylab_session';

export function readSessionToken(c: Context): string | undefined {
  return getCookie(c, SESSION_COOKIE);
}

export function writeSessionCookie(c: Context, token: string, expiresAt: number, now: number): void {
  setCookie(c, SESSION_COOKIE, token, {
    httpOnly: true,
    secure: true,
    sameSite: 'Lax',
    path: '/',
    // Max-Age rather than Expires: it does not depend on the browser's clock agreeing with ours.
    maxAge: Math.max(0, Math.round((expiresAt - now) / 1000)),
  });
}

export function clearSessionCookie(c: Context): void {
  deleteCookie(c, SESSION_COOKIE, { httpOnly: true, secure: true, sameSite: 'Lax', path: '/' });
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
