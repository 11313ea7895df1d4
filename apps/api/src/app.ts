import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import { z } from 'zod';
import type { AppEnv } from './app-env.ts';
import type { AppDeps } from './deps.ts';
import { ApiError, notFound, type ErrorBody } from './errors.ts';
import { issueFindings } from './json-body.ts';
import { bearerAuth } from './middleware/bearer-auth.ts';
import { originCheck } from './middleware/origin-check.ts';
import { securityHeaders } from './middleware/security-headers.ts';
import { sessionAuth } from './middleware/session-auth.ts';
import { accountConsoleRoutes } from './routes/account-console.ts';
import { attemptRoutes } from './routes/attempts.ts';
import { authRoutes } from './routes/auth.ts';
import { examRoutes } from './routes/exams.ts';
import { awsRoutes } from './routes/aws.ts';
import { courseLabRoutes } from './routes/course-labs.ts';
import { courseReportRoutes } from './routes/course-reports.ts';
import { courseRoutes } from './routes/courses.ts';
import { labPreviewRoutes } from './routes/lab-preview.ts';
import { labRoutes } from './routes/labs.ts';
import { ltiPlatformRoutes } from './routes/lti-platforms.ts';
import { ltiRoutes } from './routes/lti.ts';
import { misconceptionRoutes } from './routes/misconceptions.ts';
import { meRoutes } from './routes/me.ts';
import { openApiRoutes } from './routes/openapi.ts';
import { tokenRoutes } from './routes/tokens.ts';
import { schemaRoutes, validateRoutes } from './routes/validate.ts';
import { webhookRoutes } from './routes/webhooks.ts';
import { sessionCookiePolicy } from './session-cookie.ts';

export const MAX_BODY_BYTES = 256 * 1024;

/**
 * The whole HTTP API, independent of the runtime: Node and the Worker build `deps` their own way.
 * Routes outside `/api` and `/aws` are left to the caller (the Node entry serves the web UI there).
 */
export function createApp(deps: AppDeps) {
  const app = new Hono<AppEnv>();

  // First, so it also covers the answers of the routes the caller adds after (the Node web UI).
  app.use('*', securityHeaders());
  app.use(
    '/api/*',
    bodyLimit({
      maxSize: MAX_BODY_BYTES,
      onError: () => {
        throw new ApiError(413, 'payload_too_large', `the request body is over ${MAX_BODY_BYTES / 1024} KB`);
      },
    }),
  );
  // Before the Origin check: a request with a valid bearer token is exempt from it (it carries no cookie).
  app.use('/api/*', bearerAuth(deps));
  // The LMS posts logins and launches from its own origin; their signature and one-time state authenticate them.
  app.use('/api/*', originCheck(deps.config.publicOrigin, ['/api/lti/login', '/api/lti/launch']));
  app.use('/api/*', sessionCookiePolicy(deps.config.insecureHttp));
  app.use('/api/*', sessionAuth(deps));

  app.route('/api/auth', authRoutes(deps));
  app.route('/api/me', meRoutes(deps));
  app.route('/api/labs', labRoutes(deps));
  app.route('/api/misconceptions', misconceptionRoutes(deps));
  app.route('/api/attempts', attemptRoutes(deps));
  app.route('/api/attempts', accountConsoleRoutes(deps));
  app.route('/api', examRoutes(deps));
  app.route('/api/validate', validateRoutes());
  app.route('/api/schemas', schemaRoutes());
  app.route('/api/courses/:courseId/labs', courseLabRoutes(deps));
  app.route('/api/courses', courseRoutes(deps));
  app.route('/api/courses', courseReportRoutes(deps));
  app.route('/api/tokens', tokenRoutes(deps));
  app.route('/api/lab-preview', labPreviewRoutes(deps));
  app.route('/api/openapi.json', openApiRoutes());
  app.route('/api/lti/platforms', ltiPlatformRoutes(deps));
  app.route('/api/lti', ltiRoutes(deps));
  app.route('/api/webhooks', webhookRoutes(deps));
  // /aws/* is outside the /api middleware on purpose: SDKs send no Origin and no cookie (they are not
  // browsers), a SigV4 signature authenticates them; it has its own 256 KB limit and AWS-shaped errors.
  app.route('/', awsRoutes(deps));
  app.all('/api/*', (c) => {
    throw notFound(`there is no route \`${c.req.method} ${c.req.path}\``);
  });

  app.notFound((c) => c.json<ErrorBody>({ error: { code: 'not_found', message: `there is no route \`${c.req.method} ${c.req.path}\`` } }, 404));

  app.onError((error, c) => {
    if (error instanceof ApiError) {
      for (const [name, value] of Object.entries(error.headers ?? {})) c.header(name, value);
      return c.json(error.body(), error.status);
    }
    if (error instanceof z.ZodError) {
      return c.json<ErrorBody>({ error: { code: 'invalid_request', message: 'the request does not match the expected shape', findings: issueFindings(error.issues) } }, 400);
    }
    if (error instanceof HTTPException && error.status < 500) {
      return c.json<ErrorBody>({ error: { code: 'bad_request', message: error.message || 'the request was refused' } }, error.status);
    }
    const requestId = deps.ids.next();
    deps.log.error('unhandled error', { requestId, method: c.req.method, path: c.req.path, error: describe(error) });
    return c.json<ErrorBody>({ error: { code: 'internal', message: 'something went wrong on our side', requestId } }, 500);
  });

  return app;
}

/** The error and its causes: drivers wrap the database's own message (the part worth reading) in `cause`. */
function describe(error: unknown, depth = 0): Record<string, unknown> {
  if (!(error instanceof Error)) return { value: String(error) };
  const described: Record<string, unknown> = { name: error.name, message: error.message, stack: error.stack };
  if (error.cause !== undefined && depth < 3) described.cause = describe(error.cause, depth + 1);
  return described;
}
