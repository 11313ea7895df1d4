import { promoteUser, TOKEN_SCOPES, type TokenScope } from '@skylab/db';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createAgent, type Agent } from './scenarios/client.ts';
import { FIXTURE_EXAMS } from './fixtures/exams.ts';
import { RIGHT_POLICY } from './scenarios/labs.ts';
import { PASSWORD } from './scenarios/scenario.ts';
import { testApp } from './support/test-app.ts';
import { REPO_ROOT } from './support/test-deps.ts';

/**
 * Who may call what: every route of the app, called as each kind of caller, with the status it must answer.
 * Routes come from the app itself (`app.routes`), so a new route without a row fails this test: add a row
 * keyed `METHOD path` exactly as the failure names it. `owner` is the learner whose attempt `:id` names.
 */
const CALLERS = ['anonymous', 'owner', 'otherLearner', 'instructor', 'admin'] as const;
type Caller = (typeof CALLERS)[number];

interface Fixture {
  attemptId: string;
  ownerEmail: string;
  /** The owner's active session of the fixture exam `EXAM`. */
  examSessionId: string;
  /** A course the instructor teaches and the owner learns in, with one assignment of the lab. */
  courseId: string;
  assignmentId: string;
  ownerId: string;
  /** One of the instructor's API tokens. */
  tokenId: string;
}

/** Bearer callers: a token of the course's instructor carrying the row's scope, and one carrying only another scope. */
const BEARERS = ['bearerScoped', 'bearerOtherScope'] as const;

interface Row {
  /** The statuses for anonymous, owner, other learner, instructor, admin. */
  expect: [number, number, number, number, number];
  /** The concrete path; by default the route's own with `:id`/`:attemptId` as the owner's attempt. */
  path?: (f: Fixture) => string;
  body?: (f: Fixture) => unknown;
  /** For `ALL` routes: the method to call them with. */
  method?: string;
  /** The answer is not JSON (the AWS endpoint speaks XML): only its status is read. */
  raw?: boolean;
  headers?: Record<string, string>;
  /** The scope a bearer token needs here; without one the route takes no token. */
  scope?: TokenScope;
  /** The statuses for the two bearer callers; by default 401 (no session) or, on public routes, what anyone gets. */
  bearer?: [number, number];
}

const LAB = 'iam-s3-read-only';
/** The repository lab under another id, as an instructor publishes it to a course. */
const COURSE_LAB = readFileSync(join(REPO_ROOT, 'labs', LAB, 'lab.yaml'), 'utf8').replace(`id: ${LAB}`, 'id: matrix-course-lab');
const SIGNED_IN = (status: number): Row['expect'] => [401, status, status, status, status];
const OWNER_ONLY = (status: number): Row['expect'] => [401, status, 404, 404, 404];
const EVERYONE = (status: number): Row['expect'] => [status, status, status, status, status];
/** Course routes: the course's instructor and admins; its learner is refused, anyone else does not see it. */
const TEACHERS = (status: number): Row['expect'] => [401, 403, 404, status, status];
const SCOPED = (status: number): Row['bearer'] => [status, 403];
const course = (rest = '') => (f: Fixture) => `/api/courses/${f.courseId}${rest}`;
/** Exam staff routes: instructors and admins by role, learners refused. */
const EXAM_STAFF = (status: number): Row['expect'] => [401, 403, 403, status, status];
const EXAM = FIXTURE_EXAMS.afterSubmit;
const examSession = (rest = '') => (f: Fixture) => `/api/exam-sessions/${f.examSessionId}${rest}`;
const LMS_ADMIN_ONLY = (status: number): Row['expect'] => [401, 403, 403, 403, status];
const PLATFORM = { issuer: 'https://lms.example', clientId: 'c1', authLoginUrl: 'https://lms.example/auth', accessTokenUrl: 'https://lms.example/token', jwksUrl: 'https://lms.example/jwks', deploymentIds: ['1'] };

const MATRIX: Record<string, Row> = {
  'POST /api/auth/sign-up': { expect: EVERYONE(409), body: (f) => ({ email: f.ownerEmail, password: PASSWORD }) },
  'POST /api/auth/sign-in': { expect: EVERYONE(401), body: (f) => ({ email: f.ownerEmail, password: 'not the password' }) },
  'POST /api/auth/sign-out': { expect: EVERYONE(204) },
  'GET /api/me': { expect: SIGNED_IN(200) },
  'POST /api/me/password': { expect: SIGNED_IN(200), body: () => ({ currentPassword: PASSWORD, newPassword: 'another long passphrase' }) },
  'GET /api/me/progress': { expect: SIGNED_IN(200) },
  'GET /api/labs': { expect: EVERYONE(200) },
  'GET /api/labs/:id': { expect: EVERYONE(200), path: () => `/api/labs/${LAB}` },
  'GET /api/misconceptions': { expect: EVERYONE(200) },
  'GET /api/labs/:id/attempts': { expect: SIGNED_IN(200), path: () => `/api/labs/${LAB}/attempts` },
  'POST /api/labs/:id/attempts': { expect: SIGNED_IN(201), path: () => `/api/labs/${LAB}/attempts` },
  'GET /api/attempts/:id': { expect: OWNER_ONLY(200) },
  'POST /api/attempts/:id/hints/:index': { expect: OWNER_ONLY(200), path: (f) => `/api/attempts/${f.attemptId}/hints/1` },
  'POST /api/attempts/:id/submissions': { expect: OWNER_ONLY(201), body: () => ({ version: 1, answers: { 'reader-policy': RIGHT_POLICY } }) },
  'GET /api/attempts/:id/aws-credentials': { expect: OWNER_ONLY(200) },
  'GET /api/attempts/:id/account': { expect: OWNER_ONLY(200) },
  'POST /api/attempts/:id/account/reset': { expect: OWNER_ONLY(200), body: () => ({ version: 1 }) },
  'POST /api/attempts/:id/close': { expect: OWNER_ONLY(200) },
  'GET /api/exams': { expect: SIGNED_IN(200) },
  // the owner has an exam in progress already: one at a time
  'POST /api/exams/:id/sessions': { expect: [401, 409, 201, 201, 201], path: () => `/api/exams/${FIXTURE_EXAMS.never}/sessions` },
  'GET /api/exams/:id/sessions': { expect: EXAM_STAFF(200), path: () => `/api/exams/${EXAM}/sessions` },
  'POST /api/exams/:id/void-items': { expect: EXAM_STAFF(200), path: () => `/api/exams/${EXAM}/void-items`, body: () => ({ itemId: 'q-single', reason: 'ambiguous' }) },
  'POST /api/exams/:id/regrade': { expect: EXAM_STAFF(200), path: () => `/api/exams/${EXAM}/regrade`, body: () => ({ reason: 'a check was fixed' }) },
  'GET /api/exam-sessions/:id': { expect: OWNER_ONLY(200), path: examSession() },
  'PUT /api/exam-sessions/:id/answers/:itemId': { expect: OWNER_ONLY(200), path: examSession('/answers/q-single'), body: () => ({ picks: ['scp'] }), headers: { 'if-match': '"0"' } },
  'POST /api/exam-sessions/:id/submit': { expect: OWNER_ONLY(200), path: examSession('/submit') },
  // before release even the owner is refused
  'GET /api/exam-sessions/:id/result': { expect: OWNER_ONLY(403), path: examSession('/result') },
  'POST /api/exam-sessions/:id/extensions': { expect: EXAM_STAFF(200), path: examSession('/extensions'), body: () => ({ minutes: 5 }) },
  'GET /api/me/assignments': { expect: SIGNED_IN(200) },
  'GET /api/courses': { expect: SIGNED_IN(200), scope: 'courses:read', bearer: SCOPED(200) },
  'POST /api/courses': { expect: [401, 403, 403, 201, 201], scope: 'courses:write', bearer: SCOPED(201), body: () => ({ title: 'another course' }) },
  'GET /api/courses/:courseId': { expect: [401, 200, 404, 200, 200], scope: 'courses:read', bearer: SCOPED(200), path: course() },
  'PATCH /api/courses/:courseId': { expect: TEACHERS(200), scope: 'courses:write', bearer: SCOPED(200), path: course(), body: () => ({ title: 'renamed' }) },
  'DELETE /api/courses/:courseId': { expect: TEACHERS(204), scope: 'courses:write', bearer: SCOPED(204), path: course() },
  'GET /api/courses/:courseId/members': { expect: TEACHERS(200), scope: 'courses:read', bearer: SCOPED(200), path: course('/members') },
  'POST /api/courses/:courseId/members': {
    expect: TEACHERS(201), scope: 'enrollments:write', bearer: SCOPED(201), path: course('/members'), body: () => ({ email: 'other@example.com' }),
  },
  'DELETE /api/courses/:courseId/members/:email': {
    expect: TEACHERS(204), scope: 'enrollments:write', bearer: SCOPED(204), path: (f) => `/api/courses/${f.courseId}/members/${encodeURIComponent(f.ownerEmail)}`,
  },
  'POST /api/courses/:courseId/assignments': {
    expect: TEACHERS(201), scope: 'courses:write', bearer: SCOPED(201), path: course('/assignments'), body: () => ({ kind: 'lab', refId: LAB }),
  },
  'PATCH /api/courses/:courseId/assignments/:assignmentId': {
    expect: TEACHERS(200), scope: 'courses:write', bearer: SCOPED(200), path: (f) => `/api/courses/${f.courseId}/assignments/${f.assignmentId}`, body: () => ({ title: 'renamed' }),
  },
  'DELETE /api/courses/:courseId/assignments/:assignmentId': {
    expect: TEACHERS(204), scope: 'courses:write', bearer: SCOPED(204), path: (f) => `/api/courses/${f.courseId}/assignments/${f.assignmentId}`,
  },
  'GET /api/courses/:courseId/labs': { expect: [401, 200, 404, 200, 200], scope: 'courses:read', bearer: SCOPED(200), path: course('/labs') },
  // publishing the same lab again in the same course replaces it, so every caller allowed gets 201
  'POST /api/courses/:courseId/labs': { expect: TEACHERS(201), scope: 'courses:write', bearer: SCOPED(201), path: course('/labs'), body: () => ({ text: COURSE_LAB }) },
  'GET /api/courses/:courseId/gradebook': { expect: TEACHERS(200), scope: 'grades:read', bearer: SCOPED(200), path: course('/gradebook') },
  'GET /api/courses/:courseId/gradebook.csv': { expect: TEACHERS(200), scope: 'grades:read', bearer: SCOPED(200), path: course('/gradebook.csv') },
  'GET /api/courses/:courseId/learners/:userId/attempts': {
    expect: TEACHERS(200), scope: 'grades:read', bearer: SCOPED(200), path: (f) => `/api/courses/${f.courseId}/learners/${f.ownerId}/attempts`,
  },
  'GET /api/courses/:courseId/analytics/:labId': { expect: TEACHERS(200), scope: 'grades:read', bearer: SCOPED(200), path: course(`/analytics/${LAB}`) },
  'GET /api/tokens': { expect: [401, 403, 403, 200, 200] },
  'POST /api/tokens': { expect: [401, 403, 403, 201, 201], body: () => ({ name: 'ci', scopes: ['grades:read'], expiresInDays: 7 }) },
  // someone else's token is not found, admins included: a token is revoked by its owner
  'DELETE /api/tokens/:tokenId': { expect: [401, 403, 403, 204, 404], path: (f) => `/api/tokens/${f.tokenId}` },
  'POST /api/lab-preview': { expect: [401, 403, 403, 200, 200], body: () => ({ text: 'id: x\n' }) },
  'GET /api/openapi.json': { expect: EVERYONE(200) },
  'POST /api/validate': { expect: SIGNED_IN(200), body: () => ({ kind: 'iam-identity-policy', text: '{}' }) },
  'GET /api/schemas/:kind': { expect: EVERYONE(200), path: () => '/api/schemas/iam-identity-policy' },
  'GET /api/lti/platforms': { expect: LMS_ADMIN_ONLY(200) },
  'POST /api/lti/platforms': { expect: LMS_ADMIN_ONLY(201), body: () => PLATFORM },
  'DELETE /api/lti/platforms/:id': { expect: LMS_ADMIN_ONLY(404) },
  // the LMS's part of LTI: no session, a signed token and a one-time state instead (test/lti.test.ts)
  'GET /api/lti/login': { expect: EVERYONE(400) },
  'POST /api/lti/login': { expect: EVERYONE(400) },
  'POST /api/lti/launch': { expect: EVERYONE(400) },
  'POST /api/lti/deep-linking': { expect: EVERYONE(400) },
  'GET /api/lti/jwks': { expect: EVERYONE(200) },
  // an instructor of the course or an admin; a course without an LMS roster is not found either way
  'POST /api/lti/roster-syncs': { expect: SIGNED_IN(404), body: () => ({ courseId: 'no-such-course' }) },
  'GET /api/lti/auto-post.js': { expect: EVERYONE(200), raw: true },
  'GET /api/webhooks': { expect: LMS_ADMIN_ONLY(200) },
  'POST /api/webhooks': { expect: LMS_ADMIN_ONLY(201), body: () => ({ url: 'https://hooks.example/skylab', events: ['grade.changed'] }) },
  'DELETE /api/webhooks/:id': { expect: LMS_ADMIN_ONLY(404) },
  'GET /api/webhooks/:id/deliveries': { expect: LMS_ADMIN_ONLY(404) },
  // the AWS endpoint takes no session: without a SigV4 signature everyone is refused alike
  'ALL /aws/:attemptId/': { expect: EVERYONE(403), method: 'POST', raw: true },
  'ALL /aws/:attemptId': { expect: EVERYONE(403), method: 'POST', raw: true },
  'ALL /aws/:attemptId/*': { expect: EVERYONE(403), method: 'POST', raw: true, path: (f) => `/aws/${f.attemptId}/service/GraniteServiceVersion20100801/operation/DescribeAlarms` },
  'ALL /api/*': { expect: EVERYONE(404), method: 'GET', path: () => '/api/no-such-route' },
};

async function setup() {
  const { app, fetch, deps } = await testApp({ config: { adminEmails: ['admin@example.com'] } });
  const signUp = async (email: string) => {
    const agent = createAgent(fetch, 'http://localhost');
    expect((await agent.post('/api/auth/sign-up', { email, password: PASSWORD })).status).toBe(201);
    return agent;
  };
  const owner = await signUp('owner@example.com');
  const attempt = await owner.post(`/api/labs/${LAB}/attempts`);
  const examSession = await owner.post(`/api/exams/${EXAM}/sessions`);
  const instructor = await signUp('instructor@example.com');
  await promoteUser(deps.db, 'instructor@example.com', 'instructor');
  const callers: Record<Caller, Agent> = {
    anonymous: createAgent(fetch, 'http://localhost'),
    owner,
    otherLearner: await signUp('other@example.com'),
    instructor,
    admin: await signUp('admin@example.com'),
  };
  const courseId: string = (await instructor.post('/api/courses', { title: 'matrix' })).body.course.id;
  await instructor.post(`/api/courses/${courseId}/members`, { email: 'owner@example.com' });
  const assignmentId: string = (await instructor.post(`/api/courses/${courseId}/assignments`, { kind: 'lab', refId: LAB })).body.assignment.id;
  const tokens = Object.fromEntries(
    await Promise.all(TOKEN_SCOPES.map(async (scope) => [scope, (await instructor.post('/api/tokens', { name: scope, scopes: [scope], expiresInDays: 1 })).body] as const)),
  ) as Record<TokenScope, { plaintext: string; token: { id: string } }>;
  const fixture: Fixture = {
    attemptId: attempt.body.attempt.id as string,
    ownerEmail: 'owner@example.com',
    courseId,
    assignmentId,
    ownerId: (await owner.get('/api/me')).body.user.id,
    tokenId: tokens['courses:read'].token.id,
    examSessionId: examSession.body.session.id as string,
  };
  return { app, fetch, callers, tokens, fixture };
}

/** What a bearer token gets on a route that takes none: what an anonymous caller gets, but never a way into auth routes. */
function bearerDefault(route: string, row: Row): [number, number] {
  const status = route.includes(' /api/auth/') ? 401 : row.expect[0];
  return [status, status];
}

/** The app's endpoints as `METHOD path`; middleware (handlers taking `next`) are not endpoints. */
function endpoints(app: Awaited<ReturnType<typeof setup>>['app']): string[] {
  return [...new Set(app.routes.filter((route) => route.handler.length < 2).map((route) => `${route.method} ${route.path}`))];
}

describe('authorization matrix', () => {
  it('has a row for every route of the app, and none for a route that is gone', async () => {
    const routes = endpoints((await setup()).app);
    expect(routes.filter((route) => !(route in MATRIX)), 'routes without a row in MATRIX').toEqual([]);
    expect(Object.keys(MATRIX).filter((route) => !routes.includes(route)), 'rows for routes the app does not have').toEqual([]);
  });

  it.each(Object.entries(MATRIX))('%s', async (route, row) => {
    const [routeMethod, routePath] = route.split(' ') as [string, string];
    for (const [i, caller] of CALLERS.entries()) {
      // a fresh app per caller: sign-out and a password change must not decide the next caller's answer
      const { fetch, callers, fixture } = await setup();
      const method = row.method ?? routeMethod;
      const path = row.path?.(fixture) ?? routePath.replace(/:(id|attemptId)\b/g, fixture.attemptId);
      const body = row.body?.(fixture);
      const agent = callers[caller];
      const cookie: Record<string, string> = agent.sessionCookie ? { cookie: `__Host-skylab_session=${agent.sessionCookie}` } : {};
      const status = row.raw
        ? (await fetch(`http://localhost${path}`, { method, headers: { origin: 'http://localhost', 'cf-connecting-ip': agent.ip, ...cookie } })).status
        : (await agent.request(method, path, { ...(body === undefined ? {} : { body }), ...(row.headers ? { headers: row.headers } : {}) })).status;
      expect(status, `${route} as ${caller}`).toBe(row.expect[i]);
    }
    // the AWS endpoint reads no bearer token: SigV4 is its only authentication (rows above)
    if (routePath.startsWith('/aws/')) return;
    const expected = row.bearer ?? bearerDefault(route, row);
    for (const [i, caller] of BEARERS.entries()) {
      const { fetch, tokens, fixture } = await setup();
      const scope = row.scope ?? 'courses:read';
      const token = tokens[caller === 'bearerScoped' ? scope : (TOKEN_SCOPES.find((other) => other !== scope) ?? scope)].plaintext;
      const path = row.path?.(fixture) ?? routePath.replace(/:(id|attemptId)\b/g, fixture.attemptId);
      const body = row.body?.(fixture);
      const res = await fetch(`http://localhost${path}`, {
        method: row.method ?? routeMethod,
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'cf-connecting-ip': '2001:db8:ffff::1' },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      expect(res.status, `${route} as ${caller}`).toBe(expected[i]);
    }
  });
});
