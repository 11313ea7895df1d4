import type { ValidApiToken } from './api-tokens.ts';
import type { ValidSession } from './sessions.ts';

/** What middleware hands to route handlers through the Hono context. */
export interface AppEnv {
  Variables: {
    /** Present when the request carried a valid session cookie (and no bearer token). */
    auth?: ValidSession;
    /** Present when the request carried a valid `Authorization: Bearer skylab_…` token. */
    bearer?: ValidApiToken;
    /** `AppConfig.insecureHttp`, for the session cookie helpers, which see only the context. */
    insecureHttp: boolean;
  };
}
