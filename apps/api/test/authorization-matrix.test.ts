import { promoteUser } from '@skylab/db';
import { describe, expect, it } from 'vitest';
import { createAgent, type Agent } from './scenarios/client.ts';
import { RIGHT_POLICY } from './scenarios/labs.ts';
import { PASSWORD } from './scenarios/scenario.ts';
import { testApp } from './support/test-app.ts';

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
}

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
}

const LAB = 'iam-s3-read-only';
const SIGNED_IN = (status: number): Row['expect'] => [401, status, status, status, status];
const OWNER_ONLY = (status: number): Row['expect'] => [401, status, 404, 404, 404];
const EVERYONE = (status: number): Row['expect'] => [status, status, status, status, status];
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
  'GET /api/labs/:id/attempts': { expect: SIGNED_IN(200), path: () => `/api/labs/${LAB}/attempts` },
  'POST /api/labs/:id/attempts': { expect: SIGNED_IN(201), path: () => `/api/labs/${LAB}/attempts` },
  'GET /api/attempts/:id': { expect: OWNER_ONLY(200) },
  'POST /api/attempts/:id/hints/:index': { expect: OWNER_ONLY(200), path: (f) => `/api/attempts/${f.attemptId}/hints/1` },
  'POST /api/attempts/:id/submissions': { expect: OWNER_ONLY(201), body: () => ({ version: 1, answers: { 'reader-policy': RIGHT_POLICY } }) },
  'GET /api/attempts/:id/aws-credentials': { expect: OWNER_ONLY(200) },
  'POST /api/attempts/:id/account/reset': { expect: OWNER_ONLY(200), body: () => ({ version: 1 }) },
  'POST /api/attempts/:id/close': { expect: OWNER_ONLY(200) },
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
  const instructor = await signUp('instructor@example.com');
  await promoteUser(deps.db, 'instructor@example.com', 'instructor');
  const callers: Record<Caller, Agent> = {
    anonymous: createAgent(fetch, 'http://localhost'),
    owner,
    otherLearner: await signUp('other@example.com'),
    instructor,
    admin: await signUp('admin@example.com'),
  };
  return { app, fetch, callers, fixture: { attemptId: attempt.body.attempt.id as string, ownerEmail: 'owner@example.com' } };
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
        : (await agent.request(method, path, body === undefined ? {} : { body })).status;
      expect(status, `${route} as ${caller}`).toBe(row.expect[i]);
    }
  });
});
