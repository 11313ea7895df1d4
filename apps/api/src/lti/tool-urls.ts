import type { Context } from 'hono';
import type { AppDeps } from '../deps.ts';

/** The origin platforms and browsers reach Skylab at: `PUBLIC_ORIGIN` behind a proxy, else the request's own. */
export function publicOrigin(c: Context, deps: Pick<AppDeps, 'config'>): string {
  return deps.config.publicOrigin ?? new URL(c.req.url).origin;
}

/** What an LMS admin enters when registering Skylab as a tool (docs/api.md, "LMS integration"). */
export function toolUrls(origin: string) {
  return {
    loginUrl: `${origin}/api/lti/login`,
    launchUrl: `${origin}/api/lti/launch`,
    redirectUris: [`${origin}/api/lti/launch`],
    jwksUrl: `${origin}/api/lti/jwks`,
    deepLinkingUrl: `${origin}/api/lti/launch`,
  };
}
