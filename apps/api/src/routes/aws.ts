import { ensureAttemptAccessKey, findAttemptById, findUserAttempt, writeAttemptState, type AttemptRow } from '@skylab/db';
import {
  AccessDenied,
  AwsError,
  ConcurrentModification,
  handleAwsRequest,
  InternalFailure,
  MAX_WIRE_BODY_BYTES,
  restoreAccountState,
  rootCaller,
  wireFailure,
  type Ctx,
  type WireRequest,
  type WireResponse,
} from '@skylab/emulator';
import { attemptCtx } from '@skylab/lab-engine';
import type { AwsCredentialsResponse } from '@skylab/validation';
import { endpointClosedByExam, presentedAccessKeyId } from '../exam-endpoint-lock.ts';
import { Hono, type Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { AppEnv } from '../app-env.ts';
import type { AppDeps } from '../deps.ts';
import { newRootAccessKey, sameAccessKeyId, withRandomSecrets } from '../aws-secrets.ts';
import { findAnyLab } from '../course-labs.ts';
import { engineCtx } from '../engine-ctx.ts';
import { notFound } from '../errors.ts';
import { requireAuth } from '../middleware/session-auth.ts';

/**
 * The emulator context of an attempt at its current version, with the account id its lab gives it; the
 * secrets its calls issue (access keys, session credentials) come from the CSPRNG.
 */
async function attemptEngineCtx(deps: AppDeps, attempt: AttemptRow): Promise<Ctx> {
  const ctx = withRandomSecrets(engineCtx(deps, attempt.seed, attempt.version));
  const registered = (await findAnyLab(deps, attempt.labId))?.registered;
  return registered ? attemptCtx(registered.lab, attempt.params, ctx) : ctx;
}

/** The root caller for a presented key: only the attempt's own stored key, compared in constant time. */
function rootFor(attempt: AttemptRow | undefined, ctx: Ctx) {
  return (accessKeyId: string) => {
    const stored = attempt?.awsAccessKeyId;
    const secret = attempt?.awsSecretAccessKey;
    if (!stored || !secret || !sameAccessKeyId(accessKeyId, stored)) return undefined;
    return rootCaller(ctx.accountId, secret);
  };
}

/**
 * The AWS API of each attempt's emulated account, for the real AWS SDKs and CLI (`POST /aws/:attemptId/`),
 * and the credentials to use with it (`GET /api/attempts/:id/aws-credentials`). The wire endpoint takes
 * no cookie: a SigV4 signature made with the attempt's credentials is its authentication, and every
 * answer, errors included, is AWS-shaped XML.
 */
export function awsRoutes(deps: AppDeps) {
  // The SDKs correct their clock skew from `Date`; it must be the clock that checks signatures.
  function xmlResponse(response: WireResponse): Response {
    // A 204 (S3's deletes) may carry no body at all, not even an empty one.
    const body = response.status === 204 ? null : (response.body as BodyInit);
    return new Response(body, { status: response.status, headers: { ...response.headers, date: new Date(deps.clock.now()).toUTCString() } });
  }

  // Answered in the protocol of the service the request is signed for, as the handler's own errors are.
  function awsError(request: Pick<WireRequest, 'headers' | 'url' | 'method'>, error: AwsError, requestId: string): Response {
    return xmlResponse(wireFailure({ ...request, body: new Uint8Array() }, error, requestId));
  }

  // S3's virtual-hosted style names the bucket in the host: `<bucket>.<host of the endpoint>`, the host being
  // PUBLIC_ORIGIN's, or `localhost` when none is set (browsers and curl resolve `*.localhost` to loopback).
  const endpointHost = deps.config.publicOrigin ? new URL(deps.config.publicOrigin).hostname : 'localhost';

  function headersOf(c: Context<AppEnv>): Pick<WireRequest, 'headers' | 'url' | 'method' | 'basePath' | 'endpointHost'> {
    return { method: c.req.method, url: c.req.url, headers: Object.fromEntries(c.req.raw.headers), basePath: `/aws/${c.req.param('attemptId') ?? ''}`, endpointHost };
  }

  // An unsigned GET or HEAD on a bucket or object path is S3's anonymous caller (a public bucket read with
  // curl); the endpoint's own path and every other request stay signed-only (the Query, JSON and CBOR
  // services, whose RPC v2 CBOR paths also sit under the endpoint, answer MissingAuthenticationToken).
  function anonymousS3(request: WireRequest): { anonymousService?: string } {
    const path = new URL(request.url).pathname;
    const read = request.method === 'GET' || request.method === 'HEAD';
    return read && request.basePath !== undefined && path.length > request.basePath.length + 1 ? { anonymousService: 's3' } : {};
  }

  async function serve(c: Context<AppEnv>): Promise<Response> {
    const requestId = deps.ids.next();
    try {
      const request: WireRequest = { ...headersOf(c), body: new Uint8Array(await c.req.arrayBuffer()) };
      const attemptId = c.req.param('attemptId') ?? '';
      // A second try after a concurrent write recomputes the call on the newer account; a third conflict
      // is reported, never dropped.
      for (let tries = 0; tries < 2; tries++) {
        const attempt = await findAttemptById(deps.db, attemptId);
        if (attempt && (await endpointClosedByExam(deps, attempt, presentedAccessKeyId(request.headers.authorization, request.url)))) {
          return awsError(request, new AccessDenied("this attempt's AWS endpoint is closed while your exam runs: it opens again when the exam ends"), requestId);
        }
        // An unknown attempt answers exactly as an unknown key would, so ids cannot be probed.
        const state = restoreAccountState(attempt?.state);
        const ctx = attempt ? await attemptEngineCtx(deps, attempt) : engineCtx(deps, attemptId, 0);
        const result = handleAwsRequest(state, request, { ctx, requestId, resolveCredentials: rootFor(attempt, ctx), ...anonymousS3(request) });
        if (result.internalError !== undefined) {
          deps.log.error('aws wire request failed', { requestId, attemptId, action: result.action, error: String(result.internalError) });
        }
        if (!attempt || !result.changed) return xmlResponse(result.response);
        const written = await writeAttemptState(deps.db, { id: attempt.id, expectedVersion: attempt.version, state: result.state, updatedAt: deps.clock.now() });
        if (written) return xmlResponse(result.response);
      }
      return awsError(headersOf(c), new ConcurrentModification(), requestId);
    } catch (error) {
      deps.log.error('aws wire request failed', { requestId, path: c.req.path, error: error instanceof Error ? { message: error.message, stack: error.stack } : String(error) });
      return awsError(headersOf(c), new InternalFailure(), requestId);
    }
  }

  return (
    new Hono<AppEnv>()
      // The rest of the API's 256 KB limit, answered the AWS way.
      .use(
        '/aws/*',
        bodyLimit({ maxSize: MAX_WIRE_BODY_BYTES, onError: (c) => awsError(headersOf(c), new AwsError('RequestEntityTooLarge', `the request body is over ${MAX_WIRE_BODY_BYTES / 1024} KB`, 413), deps.ids.next()) }),
      )
      // The SDKs add a slash to the endpoint path; the CLI and hand-made requests may not. S3 names its
      // buckets and objects in the path after it (`/aws/ID/bucket/key`).
      .all('/aws/:attemptId/', serve)
      .all('/aws/:attemptId', serve)
      // Protocols that name the operation in the path after it (Smithy RPC v2 CBOR: `…/service/S/operation/O`).
      .all('/aws/:attemptId/*', serve)
      .get('/api/attempts/:id/aws-credentials', async (c) => {
        const { user } = requireAuth(c);
        const id = c.req.param('id');
        const attempt = await findUserAttempt(deps.db, id, user.id);
        if (!attempt) throw notFound(`there is no attempt \`${id}\``);
        // Attempts from before keys were stored get theirs here, when the learner first asks.
        const { accessKeyId, secretAccessKey } = await ensureAttemptAccessKey(deps.db, attempt, newRootAccessKey());
        const origin = deps.config.publicOrigin ?? new URL(c.req.url).origin;
        c.header('cache-control', 'no-store');
        return c.json({
          credentials: { accessKeyId, secretAccessKey, region: deps.config.region, endpoint: `${origin}/aws/${attempt.id}`, accountId: (await attemptEngineCtx(deps, attempt)).accountId },
        } satisfies AwsCredentialsResponse);
      })
  );
}
