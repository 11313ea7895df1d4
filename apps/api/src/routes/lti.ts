import { encodeBase32LowerCaseNoPadding } from '@oslojs/encoding';
import { deleteExpiredLtiLoginStates, findLtiPlatformsByIssuer, findMembership, insertLtiLoginState, takeRateLimit } from '@skylab/db';
import type { JwksResponse, RosterSyncResponse } from '@skylab/validation';
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../app-env.ts';
import type { AppDeps } from '../deps.ts';
import { ApiError, notFound } from '../errors.ts';
import { issueFindings, readJson } from '../json-body.ts';
import { requireAuth } from '../middleware/session-auth.ts';
import { deepLinkingResponse, examContentItem, labContentItem, openPickerToken, pickerToken } from '../lti/deep-linking.ts';
import { CLAIM, mapRoles } from '../lti/claims.ts';
import { launchCourse, linkAssignment, linkedAssignment } from '../lti/course-mapping.ts';
import { launchExam } from '../lti/exam-launch.ts';
import { launchAttempt, launchedResource, launchUser } from '../lti/launch-user.ts';
import { syncCourseRoster } from '../lti/roster.ts';
import { AUTO_POST_SCRIPT, escapeHtml, hiddenField, ltiPage } from '../lti/pages.ts';
import { toolKey } from '../lti/tool-key.ts';
import { publicOrigin, toolUrls } from '../lti/tool-urls.ts';
import { verifyLaunch, type VerifiedLaunch } from '../lti/verify-launch.ts';
import { requestAddress } from '../request-address.ts';
import { startSession } from '../session-cookie.ts';

const STATE_TTL_MS = 10 * 60_000;
/**
 * Each login stores a state, unauthenticated: per client address at most 300 a minute (a school of
 * hundreds behind one NAT opening an assignment at the bell), so nobody fills the table.
 */
const LOGIN_RATE = { limit: 300, windowMs: 60_000 };
const url = z.url({ protocol: /^https?$/ }).max(2048);
const text = (max: number) => z.string().min(1).max(max);

/** OIDC third-party initiated login (LTI Security Framework §5.1.1.1), by GET query or form POST. */
const loginParams = z.object({
  iss: url,
  login_hint: text(2048),
  target_link_uri: url,
  lti_message_hint: text(4096).optional(),
  client_id: text(255).optional(),
  lti_deployment_id: text(255).optional(),
});
const launchForm = z.object({ id_token: text(64 * 1024), state: text(128) });
export const rosterSyncBody = z.object({ courseId: text(64) });
const picked = z.union([text(200), z.array(text(200)).max(50)]).optional();
const pickerForm = z.object({ token: text(8192), lab: picked, exam: picked });

function parsed<T extends z.ZodType>(schema: T, value: unknown): z.output<T> {
  const result = schema.safeParse(value);
  if (!result.success) throw new ApiError(400, 'invalid_request', 'the LTI request is missing a parameter or has a malformed one', issueFindings(result.error.issues));
  return result.data;
}

async function formOrQuery(c: Context): Promise<Record<string, unknown>> {
  return c.req.method === 'GET' ? c.req.query() : c.req.parseBody({ all: true });
}

/** 128 bits from the CSPRNG: a state or nonce nobody can guess. */
const randomToken = () => encodeBase32LowerCaseNoPadding(crypto.getRandomValues(new Uint8Array(16)));

/**
 * Skylab as an LTI 1.3 tool: login initiation, launches (resource links and deep linking), the tool's
 * public keys, and the deep linking picker's answer. `/login` and `/launch` are posted by the platform
 * from another origin, so the origin check lets them through (app.ts); a one-time state and nonce and the
 * platform's signature authenticate them instead.
 */
export function ltiRoutes(deps: AppDeps) {
  async function login(c: Context<AppEnv>) {
    const params = parsed(loginParams, await formOrQuery(c));
    const platforms = await findLtiPlatformsByIssuer(deps.db, params.iss);
    const platform = params.client_id === undefined ? (platforms.length === 1 ? platforms[0] : undefined) : platforms.find((p) => p.clientId === params.client_id);
    if (!platform) {
      throw new ApiError(400, 'lti_unknown_issuer', `no platform with issuer \`${params.iss}\`${params.client_id === undefined ? '' : ` and client id \`${params.client_id}\``} is registered`);
    }
    const origin = publicOrigin(c, deps);
    if (new URL(params.target_link_uri).origin !== origin) throw new ApiError(400, 'lti_foreign_target', `the target \`${params.target_link_uri}\` is not on ${origin}`);
    const now = deps.clock.now();
    const taken = await takeRateLimit(deps.db, `lti-login:${requestAddress(c, deps)}`, now, LOGIN_RATE);
    if (!taken.allowed) {
      const seconds = String(Math.max(1, Math.ceil(taken.retryAfterMs / 1000)));
      throw new ApiError(429, 'too_many_logins', `too many LTI logins from this address: try again in ${seconds} seconds`, undefined, { 'Retry-After': seconds });
    }
    await deleteExpiredLtiLoginStates(deps.db, now);
    const state = randomToken();
    const nonce = randomToken();
    await insertLtiLoginState(deps.db, { state, nonce, platformId: platform.id, createdAt: now, expiresAt: now + STATE_TTL_MS });
    const auth = new URL(platform.authLoginUrl);
    const query = {
      scope: 'openid',
      response_type: 'id_token',
      response_mode: 'form_post',
      prompt: 'none',
      client_id: platform.clientId,
      redirect_uri: toolUrls(origin).launchUrl,
      login_hint: params.login_hint,
      state,
      nonce,
      ...(params.lti_message_hint === undefined ? {} : { lti_message_hint: params.lti_message_hint }),
    };
    for (const [name, value] of Object.entries(query)) auth.searchParams.set(name, value);
    return c.redirect(auth.toString(), 302);
  }

  // An instructor's launch refreshes the roster; an LMS that does not answer must not keep them out.
  async function syncRosterQuietly(courseId: string) {
    await syncCourseRoster(deps, courseId).catch((error: unknown) => deps.log.warn('lti roster sync failed', { courseId, error: String(error) }));
  }

  async function deepLinkingPicker(c: Context<AppEnv>, launch: VerifiedLaunch, userId: string, instructor: boolean) {
    if (!instructor) throw new ApiError(403, 'lti_not_instructor', 'only an instructor of the course may pick Skylab labs and exams');
    const { token, context } = await pickerToken(deps, launch, userId);
    const input = context.multiple ? 'checkbox' : 'radio';
    const choice = (name: 'lab' | 'exam', id: string, title: string, summary: string) =>
      `<li><label><input type="${input}" name="${name}" value="${escapeHtml(id)}"> ${escapeHtml(title)}</label> <small>${escapeHtml(summary)}</small></li>`;
    const labs = deps.labs.list().map((lab) => choice('lab', lab.id, lab.title, lab.summary));
    const exams = deps.exams.list().map(({ exam }) => choice('exam', exam.id, exam.title, `exam · ${exam.settings.timeLimitMinutes} minutes`));
    const examList = exams.length === 0 ? '' : `<h2>Exams</h2><ul>${exams.join('')}</ul>`;
    const body = `<main><h1>Add Skylab labs and exams</h1><form method="post" action="/api/lti/deep-linking">${hiddenField('token', token)}<h2>Labs</h2><ul>${labs.join('')}</ul>${examList}<button type="submit">Add to the course</button></form></main>`;
    return ltiPage(c, { title: 'Add Skylab labs and exams', body, platformOrigin: new URL(context.returnUrl).origin });
  }

  /** The picked labs and exams as content items, labs first, each as picked. */
  function pickedItems(origin: string, form: z.output<typeof pickerForm>) {
    const labs = [form.lab ?? []].flat().map((id) => {
      const registered = deps.labs.get(id);
      if (!registered) throw new ApiError(400, 'lti_unknown_resource', `there is no lab \`${id}\``);
      return labContentItem(origin, registered);
    });
    const exams = [form.exam ?? []].flat().map((id) => {
      const registered = deps.exams.get(id);
      if (!registered) throw new ApiError(400, 'lti_unknown_resource', `there is no exam \`${id}\``);
      return examContentItem(origin, registered);
    });
    return [...labs, ...exams];
  }

  return new Hono<AppEnv>()
    .get('/login', login)
    .post('/login', login)
    .post('/launch', async (c) => {
      const form = parsed(launchForm, await c.req.parseBody());
      const launch = await verifyLaunch(deps, { idToken: form.id_token, state: form.state });
      const user = await launchUser(deps, launch);
      const courseId = await launchCourse(deps, launch, user);
      const instructor = mapRoles(launch.claims[CLAIM.roles]) === 'instructor';
      if (courseId && instructor && launch.claims[CLAIM.nrps]) await syncRosterQuietly(courseId);
      if (launch.messageType === 'LtiDeepLinkingRequest') return deepLinkingPicker(c, launch, user.id, instructor);
      const linked = await linkedAssignment(deps, launch);
      const launched = launchedResource(deps, launch, linked);
      const assignment = linked ?? (courseId ? await linkAssignment(deps, launch, courseId, launched) : undefined);
      if (launched.kind === 'exam') {
        // the exam page, where the learner starts (or resumes) a session when ready: the clock starts there, not at the launch
        await launchExam(deps, launch, user, launched.registered);
        await startSession(c, deps, user.id);
        return c.redirect(`/exams/${encodeURIComponent(launched.registered.exam.id)}`, 303);
      }
      const attempt = await launchAttempt(deps, launch, user, launched.registered, assignment);
      await startSession(c, deps, user.id);
      return c.redirect(`/attempts/${encodeURIComponent(attempt.id)}`, 303);
    })
    .post('/deep-linking', async (c) => {
      const form = parsed(pickerForm, await c.req.parseBody({ all: true }));
      const { context, platform } = await openPickerToken(deps, form.token);
      const items = pickedItems(publicOrigin(c, deps), form);
      if (!context.multiple && items.length > 1) throw new ApiError(400, 'lti_single_item', 'the platform takes one item here: pick one lab or exam');
      const jwt = await deepLinkingResponse(deps, platform, context, items);
      const body = `<form method="post" action="${escapeHtml(context.returnUrl)}" data-auto-post>${hiddenField('JWT', jwt)}<noscript><button type="submit">Return to the LMS</button></noscript></form>`;
      return ltiPage(c, { title: 'Returning to the LMS', body, platformOrigin: new URL(context.returnUrl).origin });
    })
    .post('/roster-syncs', async (c) => {
      const { user } = requireAuth(c);
      const { courseId } = await readJson(c, rosterSyncBody);
      const membership = await findMembership(deps.db, courseId, user.id);
      if (user.role !== 'admin' && membership?.role !== 'instructor') throw notFound(`there is no course \`${courseId}\` you teach`);
      return c.json({ sync: await syncCourseRoster(deps, courseId) } satisfies RosterSyncResponse);
    })
    .get('/jwks', async (c) => {
      const key = await toolKey(deps);
      c.header('Cache-Control', 'public, max-age=3600');
      return c.json({ keys: [key.publicJwk] } satisfies JwksResponse);
    })
    .get('/auto-post.js', (c) => {
      c.header('Content-Type', 'text/javascript; charset=utf-8');
      c.header('Cache-Control', 'public, max-age=86400');
      return c.body(AUTO_POST_SCRIPT);
    });
}
