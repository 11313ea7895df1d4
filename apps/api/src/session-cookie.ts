import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';

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
