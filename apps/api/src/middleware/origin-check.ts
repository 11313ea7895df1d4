import type { MiddlewareHandler } from 'hono';
import { ApiError } from '../errors.ts';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Refuses state-changing requests whose `Origin` is missing or foreign: the CSRF defence that
 * SameSite=Lax alone does not give (Lucia's guidance). Browsers always send Origin on such requests.
 * `crossOriginPaths` are posted by other sites by design and authenticate otherwise (LTI launches).
 */
export function originCheck(publicOrigin: string | undefined, crossOriginPaths: readonly string[] = []): MiddlewareHandler {
  return async (c, next) => {
    if (SAFE_METHODS.has(c.req.method) || crossOriginPaths.includes(c.req.path)) return next();
    const origin = c.req.header('origin');
    if (!origin) throw new ApiError(403, 'origin_mismatch', 'a state-changing request needs an `Origin` header');
    if (origin !== new URL(c.req.url).origin && origin !== publicOrigin) {
      throw new ApiError(403, 'origin_mismatch', `requests from \`${origin}\` are not accepted`);
    }
    return next();
  };
}
