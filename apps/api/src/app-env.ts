import type { ValidSession } from './sessions.ts';

/** What middleware hands to route handlers through the Hono context. */
export interface AppEnv {
  Variables: {
    /** Present when the request carried a valid session cookie. */
    auth?: ValidSession;
    /** `AppConfig.insecureHttp`, for the session cookie helpers, which see only the context. */
    insecureHttp: boolean;
  };
}
