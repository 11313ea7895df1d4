import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../app-env.ts';
import { TOKEN_PREFIX, validateApiToken } from '../api-tokens.ts';
import type { AppDeps } from '../deps.ts';
import { ApiError } from '../errors.ts';

// Only `Bearer skylab_…` is ours: any other `Authorization` header (a proxy's Basic auth, another
// service's bearer token) is left alone, so a deployment behind such a proxy keeps its cookie sessions.
const OURS = new RegExp(`^Bearer\\s+(${TOKEN_PREFIX}\\S*)$`, 'i');

/** The request's Skylab bearer token, if it carries one: such a request is authenticated by it alone, never by a cookie. */
export function bearerToken(header: string | undefined): string | undefined {
  return header === undefined ? undefined : OURS.exec(header.trim())?.[1];
}

/**
 * Resolves `Authorization: Bearer skylab_…` once per request. A bad token is a 401 at once (RFC 6750
 * `invalid_token`) rather than an anonymous request, so a system learns its token stopped working.
 */
export function bearerAuth(deps: AppDeps): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    const bearer = bearerToken(c.req.header('authorization'));
    if (bearer === undefined) return next();
    // Tokens are for systems calling the API, never a way to open, use or end a browser session.
    if (c.req.path.startsWith('/api/auth/')) throw new ApiError(401, 'invalid_token', 'a bearer token cannot sign in, sign up or sign out');
    const valid = bearer.length > 200 ? undefined : await validateApiToken(deps, bearer);
    if (!valid) {
      throw new ApiError(401, 'invalid_token', 'the bearer token is malformed, unknown, revoked or expired', undefined, { 'WWW-Authenticate': 'Bearer error="invalid_token"' });
    }
    c.set('bearer', valid);
    return next();
  };
}
