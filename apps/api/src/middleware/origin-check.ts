import type { MiddlewareHandler } from 'hono';
import type { AppEnv } from '../app-env.ts';
import { ApiError } from '../errors.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Refuses state-changing requests whose `Origin` is missing or foreign: the CSRF defence that
 * SameSite=Lax alone does not give (Lucia's guidance). Browsers always send Origin on such requests.
 * A request authenticated by a bearer token is exempt: it reads no cookie, and a page on another site
 * cannot add an `Authorization` header to a request without a CORS preflight this API never grants.
 * `crossOriginPaths` are posted by other sites by design and authenticate otherwise (LTI launches).
 */
export function originCheck(publicOrigin: string | undefined, crossOriginPaths: readonly string[] = []): MiddlewareHandler<AppEnv> {
  return async (c, next) => {
    if (SAFE_METHODS.has(c.req.method) || c.get('bearer') || crossOriginPaths.includes(c.req.path)) return next();
    const origin = c.req.header('origin');
    if (!origin) throw new ApiError(403, 'origin_mismatch', 'a state-changing request needs an `Origin` header');
    if (origin !== new URL(c.req.url).origin && origin !== publicOrigin) {
      throw new ApiError(403, 'origin_mismatch', `requests from \`${origin}\` are not accepted`);
    }
    return next();
  };
}
