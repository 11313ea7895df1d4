import { findAssignment, findCourse, findLtiContext, listLtiScores, listMembers } from '@skylab/db';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { deliverDue } from '../src/deliveries.ts';
import { FIXTURE_EXAMS } from './fixtures/exams.ts';
import { RIGHT_POLICY, S3_STAR_POLICY } from './scenarios/labs.ts';
import { ROLE, type LaunchOptions } from './support/lti-platform-core.ts';
import { formOf, startSimulatedPlatform, type SimulatedPlatform } from './support/lti-platform.ts';
import { startToolServer } from './support/tool-server.ts';

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the tests read whatever JSON came back, checked by expect
type JsonBody = Record<string, any>;

const LAB = 'iam-s3-read-only';
const CLIENT_ID = 'skylab-client-1';
const DEPLOYMENT = 'deployment-1';

let tool: Awaited<ReturnType<typeof startToolServer>>;
let platform: SimulatedPlatform;
let platformId: string;

beforeAll(async () => {
  tool = await startToolServer();
  platform = await startSimulatedPlatform({ clientId: CLIENT_ID, deploymentId: DEPLOYMENT, toolJwksUrl: () => `${tool.origin}/api/lti/jwks`, now: () => tool.deps.clock.now() });
  const registered = await tool.admin.post('/api/lti/platforms', {
    issuer: platform.url,
    clientId: CLIENT_ID,
    authLoginUrl: `${platform.url}/auth`,
    accessTokenUrl: `${platform.url}/token`,
    jwksUrl: `${platform.url}/jwks`,
    deploymentIds: [DEPLOYMENT],
  });
  expect(registered.status).toBe(201);
  platformId = registered.body.platform.id;
});
afterAll(async () => {
  await platform?.close();
  await tool?.close();
});
beforeEach(() => {
  platform.scores.length = 0;
  platform.down = false;
});

let subjects = 0;
function learnerLaunch(overrides: Partial<LaunchOptions> = {}): LaunchOptions {
  return {
    sub: `learner-${++subjects}`,
    name: 'Ada Learner',
    roles: [ROLE.learner],
    targetLinkUri: `${tool.origin}/labs/${LAB}`,
    resourceLinkId: 'link-1',
    custom: { skylab_lab: LAB },
    lineItemUrl: `${platform.url}/lineitems/7`,
    ...overrides,
  };
}

/** What a browser does: the platform opens the tool's login URL, follows the redirect to the platform, auto-posts the answer back. */
async function idTokenForm(launch: LaunchOptions): Promise<{ action: string; fields: URLSearchParams }> {
  platform.nextLaunch(launch);
  const login = await fetch(`${tool.origin}/api/lti/login?${new URLSearchParams({ iss: platform.url, login_hint: launch.sub, target_link_uri: launch.targetLinkUri, client_id: CLIENT_ID })}`, { redirect: 'manual' });
  expect(login.status).toBe(302);
  const auth = await fetch(login.headers.get('location')!);
  expect(auth.status).toBe(200);
  return formOf(await auth.text());
}

function post(action: string, fields: URLSearchParams, origin = platform.url) {
  return fetch(action, { method: 'POST', body: fields, redirect: 'manual', headers: { origin } });
}

async function launch(options: LaunchOptions) {
  const { action, fields } = await idTokenForm(options);
  return post(action, fields);
}

function sessionCookie(res: Response): string {
  const line = res.headers.getSetCookie().find((cookie) => cookie.startsWith('__Host-skylab_session='));
  return line!.split(';')[0]!;
}

async function api(path: string, cookie: string, body?: unknown) {
  const res = await fetch(`${tool.origin}${path}`, {
    method: body === undefined ? 'GET' : 'POST',
    headers: { cookie, origin: tool.origin, 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: res.status, body: (await res.json()) as JsonBody };
}

describe('LTI 1.3 launches against a simulated platform over HTTP', () => {
  it('serves the tool’s public key and never the private one', async () => {
    const jwks = (await (await fetch(`${tool.origin}/api/lti/jwks`)).json()) as { keys: Record<string, unknown>[] };
    expect(jwks.keys).toHaveLength(1);
    expect(jwks.keys[0]).toMatchObject({ kty: 'RSA', alg: 'RS256', use: 'sig' });
    expect(Object.keys(jwks.keys[0]!)).not.toContain('d');
  });

  it('signs a learner in and opens an attempt at the launched lab; the same launch again continues it', async () => {
    const options = learnerLaunch();
    const res = await launch(options);
    expect(res.status).toBe(303);
    const location = res.headers.get('location')!;
    expect(location).toMatch(/^\/attempts\/[0-9A-Z]{26}$/);
    const cookie = sessionCookie(res);
    const me = await api('/api/me', cookie);
    expect(me.body.user).toMatchObject({ name: 'Ada Learner', role: 'learner' });
    const attempt = await api(`/api/${location.slice(1)}`, cookie);
    expect(attempt.body.attempt.labId).toBe(LAB);
    const again = await launch(options);
    expect(again.headers.get('location')).toBe(location);
  });

  it('maps an Instructor launch to an instructor', async () => {
    const res = await launch(learnerLaunch({ roles: [ROLE.instructor] }));
    expect((await api('/api/me', sessionCookie(res))).body.user.role).toBe('instructor');
  });

  it.each([
    ['a wrong signature', { signWithRogueKey: true }, 401, 'lti_invalid_signature'],
    ['a wrong audience', { audience: 'someone-else' }, 401, 'lti_wrong_audience'],
    ['an expired token', { expiresIn: -600 }, 401, 'lti_token_expired'],
    ['an unknown deployment', { deploymentId: 'deployment-9' }, 403, 'lti_unknown_deployment'],
    ['an unknown issuer', { issuer: 'https://lms.unknown.example' }, 400, 'lti_unknown_issuer'],
  ])('refuses %s with a clear 4xx', async (_label, tamper, status, code) => {
    const res = await launch(learnerLaunch({ tamper }));
    expect(res.status).toBe(status);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe(code);
    expect(res.headers.getSetCookie()).toEqual([]);
  });

  it('refuses a replayed launch (its nonce was used)', async () => {
    const { action, fields } = await idTokenForm(learnerLaunch());
    expect((await post(action, fields)).status).toBe(303);
    const replay = await post(action, fields);
    expect(replay.status).toBe(401);
    expect(((await replay.json()) as { error: { code: string } }).error.code).toBe('lti_state_used');
  });

  it('refuses an id token posted with another login’s state (nonce mismatch)', async () => {
    const first = await idTokenForm(learnerLaunch());
    const second = await idTokenForm(learnerLaunch());
    first.fields.set('state', second.fields.get('state')!);
    const res = await post(first.action, first.fields);
    expect(res.status).toBe(401);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('lti_nonce_mismatch');
  });

  it('refuses an unsupported message type', async () => {
    const res = await launch(learnerLaunch({ messageType: 'LtiSubmissionReviewRequest' }));
    expect(res.status).toBe(400);
  });

  it('refuses a login for a target on another site', async () => {
    const res = await fetch(`${tool.origin}/api/lti/login?${new URLSearchParams({ iss: platform.url, login_hint: 'x', target_link_uri: 'https://evil.example/labs/x' })}`, { redirect: 'manual' });
    expect(res.status).toBe(400);
  });
});

describe('deep linking', () => {
  it('lets an instructor pick labs and posts a signed LtiDeepLinkingResponse back to the platform', async () => {
    const res = await launch(learnerLaunch({ roles: [ROLE.instructor], messageType: 'LtiDeepLinkingRequest', resourceLinkId: undefined, deepLinkReturnUrl: `${platform.url}/deep-link-return`, targetLinkUri: `${tool.origin}/api/lti/launch` }));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toContain(`frame-ancestors ${platform.url}`);
    expect(res.headers.get('referrer-policy')).toBe('same-origin');
    const picker = formOf(await res.text());
    expect(picker.action).toBe('/api/lti/deep-linking');
    picker.fields.append('lab', LAB);
    const chosen = await post(`${tool.origin}${picker.action}`, picker.fields, tool.origin);
    expect(chosen.status).toBe(200);
    const back = formOf(await chosen.text());
    expect(back.action).toBe(`${platform.url}/deep-link-return`);
    expect((await post(back.action, back.fields, tool.origin)).status).toBe(200);
    const response = platform.deepLinkResponses.at(-1)!;
    expect(response).toMatchObject({
      iss: CLIENT_ID,
      aud: platform.url,
      'https://purl.imsglobal.org/spec/lti/claim/message_type': 'LtiDeepLinkingResponse',
      'https://purl.imsglobal.org/spec/lti/claim/deployment_id': DEPLOYMENT,
      'https://purl.imsglobal.org/spec/lti-dl/claim/data': 'platform-opaque-data',
    });
    expect(response['https://purl.imsglobal.org/spec/lti-dl/claim/content_items']).toEqual([
      expect.objectContaining({ type: 'ltiResourceLink', custom: { skylab_lab: LAB }, lineItem: expect.objectContaining({ scoreMaximum: 100, resourceId: LAB }) }),
    ]);
  });

  it('refuses deep linking to a learner', async () => {
    const res = await launch(learnerLaunch({ messageType: 'LtiDeepLinkingRequest', deepLinkReturnUrl: `${platform.url}/deep-link-return` }));
    expect(res.status).toBe(403);
  });

  it('refuses an altered picker token', async () => {
    const res = await post(`${tool.origin}/api/lti/deep-linking`, new URLSearchParams({ token: 'a.b.c', lab: LAB }), tool.origin);
    expect(res.status).toBe(400);
  });
});

describe('Assignment and Grade Services', () => {
  async function launchedAttempt() {
    const options = learnerLaunch();
    const res = await launch(options);
    const cookie = sessionCookie(res);
    const attemptId = res.headers.get('location')!.split('/').pop()!;
    return { options, cookie, attemptId };
  }

  it('posts the score of every graded submission, and the changed score after a better one', async () => {
    const { options, cookie, attemptId } = await launchedAttempt();
    const first = await api(`/api/attempts/${attemptId}/submissions`, cookie, { version: 1, answers: { 'reader-policy': S3_STAR_POLICY } });
    expect(first.status).toBe(201);
    expect(await deliverDue(tool.deps)).toMatchObject({ scores: 1 });
    const second = await api(`/api/attempts/${attemptId}/submissions`, cookie, { version: 2, answers: { 'reader-policy': RIGHT_POLICY } });
    expect(second.status).toBe(201);
    await deliverDue(tool.deps);
    expect(platform.scores.map((s) => s.lineItem)).toEqual(['7', '7']);
    const [partial, full] = platform.scores.map((s) => s.body);
    expect(partial).toMatchObject({ userId: options.sub, scoreMaximum: 100, activityProgress: 'InProgress', gradingProgress: 'FullyGraded' });
    expect(partial!.scoreGiven).toBeLessThan(100);
    expect(full).toMatchObject({ userId: options.sub, scoreGiven: 100, scoreMaximum: 100, activityProgress: 'Completed', gradingProgress: 'FullyGraded' });
    expect(new Date(full!.timestamp as string).getTime()).toBe(tool.deps.clock.now());
    const token = platform.tokenRequests.at(-1)!;
    expect(token.scope).toBe('https://purl.imsglobal.org/spec/lti-ags/scope/score');
    expect(token.assertion).toMatchObject({ iss: CLIENT_ID, sub: CLIENT_ID, aud: `${platform.url}/token` });
  });

  it('keeps a score through a platform outage and sends it when the platform is back', async () => {
    const { cookie, attemptId } = await launchedAttempt();
    platform.down = true;
    await api(`/api/attempts/${attemptId}/submissions`, cookie, { version: 1, answers: { 'reader-policy': RIGHT_POLICY } });
    await deliverDue(tool.deps);
    expect(platform.scores).toEqual([]);
    const queued = (await listLtiScores(tool.deps.db)).at(-1)!;
    expect(queued).toMatchObject({ status: 'pending', tries: 1, lastError: 'the score endpoint answered 503' });
    platform.down = false;
    expect(await deliverDue(tool.deps)).toMatchObject({ scores: 0 });
    tool.deps.clock.advance(30_000);
    expect(await deliverDue(tool.deps)).toMatchObject({ scores: 1 });
    expect(platform.scores.map((s) => s.body.scoreGiven)).toEqual([100]);
    expect((await listLtiScores(tool.deps.db)).at(-1)).toMatchObject({ status: 'delivered', tries: 2 });
  });

  it('replaces a score still queued with the newer one, so a retry never overwrites a better grade', async () => {
    const { options, cookie, attemptId } = await launchedAttempt();
    platform.down = true;
    await api(`/api/attempts/${attemptId}/submissions`, cookie, { version: 1, answers: { 'reader-policy': S3_STAR_POLICY } });
    await deliverDue(tool.deps);
    await api(`/api/attempts/${attemptId}/submissions`, cookie, { version: 2, answers: { 'reader-policy': RIGHT_POLICY } });
    platform.down = false;
    await deliverDue(tool.deps);
    expect(platform.scores.map((s) => [s.body.userId, s.body.scoreGiven])).toEqual([[options.sub, 100]]);
    expect((await listLtiScores(tool.deps.db)).filter((row) => row.subject === options.sub).map((row) => row.status)).toEqual(['delivered']);
  });

  it('sends nothing for an attempt that was not launched from a platform', async () => {
    const learner = tool.browser();
    await learner.post('/api/auth/sign-up', { email: 'direct@example.com', password: 'correct horse battery' });
    const attempt = await learner.post(`/api/labs/${LAB}/attempts`);
    await learner.post(`/api/attempts/${attempt.body.attempt.id}/submissions`, { version: 1, answers: { 'reader-policy': RIGHT_POLICY } });
    expect(await deliverDue(tool.deps)).toMatchObject({ scores: 0 });
  });
});

describe('courses and Names and Roles', () => {
  const context = { id: 'course-ctx-1', title: 'AWS foundations' };
  const member = (user_id: string, role: string, status = 'Active') => ({ user_id, roles: [role], status, name: user_id });

  it('makes a course at the first instructor launch of a context, syncs its roster, and places learners’ attempts in it', async () => {
    platform.members.splice(0, platform.members.length, member('nrps-learner-1', ROLE.learner), member('nrps-ta-1', ROLE.instructor), member('nrps-gone-1', ROLE.learner, 'Deleted'));
    const instructor = await launch(
      learnerLaunch({ sub: 'teacher-1', roles: [ROLE.instructor], context, membershipsUrl: `${platform.url}/memberships`, messageType: 'LtiDeepLinkingRequest', deepLinkReturnUrl: `${platform.url}/deep-link-return` }),
    );
    expect(instructor.status).toBe(200);
    const mapping = await findLtiContext(tool.deps.db, platformId, context.id);
    expect(mapping).toBeDefined();
    const courseId = mapping!.courseId;
    expect((await findCourse(tool.deps.db, courseId))?.title).toBe('AWS foundations');
    const roster = async () => (await listMembers(tool.deps.db, courseId)).map((m) => [m.name, m.role]).sort();
    expect(await roster()).toEqual([
      ['Ada Learner', 'instructor'],
      ['nrps-learner-1', 'learner'],
      ['nrps-ta-1', 'instructor'],
    ]);
    expect(platform.tokenRequests.at(-1)?.scope).toBe('https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly');

    const learner = await launch(learnerLaunch({ sub: 'nrps-learner-1', context, resourceLinkId: 'ctx-link-1' }));
    const attemptId = learner.headers.get('location')!.split('/').pop()!;
    const attempt = await tool.deps.db.query.attempts.findFirst({ where: (t, { eq }) => eq(t.id, attemptId) });
    expect(attempt?.courseId).toBe(courseId);
    const assignment = await findAssignment(tool.deps.db, attempt!.assignmentId!);
    expect(assignment).toMatchObject({ courseId, kind: 'lab', refId: LAB });

    platform.members.splice(0, platform.members.length, member('nrps-learner-1', ROLE.learner, 'Inactive'));
    const teacher = await launch(learnerLaunch({ sub: 'teacher-1', roles: [ROLE.instructor], context }));
    const synced = await api('/api/lti/roster-syncs', sessionCookie(teacher), { courseId });
    expect(synced).toEqual({ status: 200, body: { sync: { enrolled: 0, removed: 1, skipped: 0 } } });
    expect(await roster()).toEqual([
      ['Ada Learner', 'instructor'],
      ['nrps-ta-1', 'instructor'],
    ]);
  });

  it('refuses a roster sync to a learner of the course', async () => {
    const res = await launch(learnerLaunch({ context: { id: 'course-ctx-2', title: 'x' } }));
    expect((await api('/api/lti/roster-syncs', sessionCookie(res), { courseId: 'anything' })).status).toBe(404);
  });
});

describe('platform registration', () => {
  it('refuses a second registration of the same issuer and client id, and removes one', async () => {
    const body = { issuer: 'https://lms.example', clientId: 'c', authLoginUrl: 'https://lms.example/auth', accessTokenUrl: 'https://lms.example/token', jwksUrl: 'https://lms.example/jwks', deploymentIds: ['1'] };
    const created = await tool.admin.post('/api/lti/platforms', body);
    expect(created.status).toBe(201);
    expect((await tool.admin.post('/api/lti/platforms', body)).status).toBe(409);
    const listed = await tool.admin.get('/api/lti/platforms');
    expect(listed.body.tool).toEqual(expect.objectContaining({ loginUrl: `${tool.origin}/api/lti/login`, jwksUrl: `${tool.origin}/api/lti/jwks` }));
    expect((await tool.admin.request('DELETE', `/api/lti/platforms/${created.body.platform.id}`)).status).toBe(204);
    expect((await tool.admin.request('DELETE', `/api/lti/platforms/${created.body.platform.id}`)).status).toBe(404);
  });
});

describe('exams launched from the LMS', () => {
  function examLaunch(examId: string, lineItem: string, overrides: Partial<LaunchOptions> = {}) {
    return learnerLaunch({ targetLinkUri: `${tool.origin}/exams/${examId}`, resourceLinkId: `exam-link-${examId}`, custom: { skylab_exam: examId }, lineItemUrl: `${platform.url}/lineitems/${lineItem}`, ...overrides });
  }

  /** Launches the exam, takes it with one right answer and submits it; the session's result as the API gives it. */
  async function takeLaunchedExam(examId: string, lineItem: string) {
    const options = examLaunch(examId, lineItem);
    const res = await launch(options);
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe(`/exams/${examId}`);
    const cookie = sessionCookie(res);
    const started = await api(`/api/exams/${examId}/sessions`, cookie, {});
    expect(started.status, JSON.stringify(started.body)).toBe(201);
    const sessionId: string = started.body.session.id;
    const saved = await fetch(`${tool.origin}/api/exam-sessions/${sessionId}/answers/q-single`, {
      method: 'PUT',
      headers: { cookie, origin: tool.origin, 'content-type': 'application/json', 'if-match': '"0"' },
      body: JSON.stringify({ picks: ['bucket-policy'] }),
    });
    expect(saved.status).toBe(200);
    expect((await api(`/api/exam-sessions/${sessionId}/submit`, cookie, {})).status).toBe(200);
    return { options, cookie, sessionId };
  }

  it('offers exams beside labs in deep linking, as links to the exam page with their own line item', async () => {
    const res = await launch(learnerLaunch({ roles: [ROLE.instructor], messageType: 'LtiDeepLinkingRequest', resourceLinkId: undefined, deepLinkReturnUrl: `${platform.url}/deep-link-return`, targetLinkUri: `${tool.origin}/api/lti/launch` }));
    const html = await res.text();
    expect(html).toContain(`name="exam" value="${FIXTURE_EXAMS.afterSubmit}"`);
    const picker = formOf(html);
    picker.fields.append('lab', LAB);
    picker.fields.append('exam', FIXTURE_EXAMS.afterSubmit);
    const back = formOf(await (await post(`${tool.origin}${picker.action}`, picker.fields, tool.origin)).text());
    await post(back.action, back.fields, tool.origin);
    expect(platform.deepLinkResponses.at(-1)!['https://purl.imsglobal.org/spec/lti-dl/claim/content_items']).toEqual([
      expect.objectContaining({ custom: { skylab_lab: LAB } }),
      expect.objectContaining({
        type: 'ltiResourceLink',
        url: `${tool.origin}/exams/${FIXTURE_EXAMS.afterSubmit}`,
        custom: { skylab_exam: FIXTURE_EXAMS.afterSubmit },
        lineItem: expect.objectContaining({ scoreMaximum: 100, resourceId: FIXTURE_EXAMS.afterSubmit, tag: 'skylab-exam' }),
      }),
    ]);
  });

  it('refuses a launch of an exam Skylab does not have', async () => {
    const res = await launch(examLaunch('no-such-exam', '20'));
    expect(res.status).toBe(404);
    expect(((await res.json()) as JsonBody).error).toMatchObject({ code: 'lti_unknown_resource', message: 'there is no exam `no-such-exam`' });
  });

  it('lands on the exam page and posts the submitted session’s score to the line item, released after submit', async () => {
    const { options, cookie, sessionId } = await takeLaunchedExam(FIXTURE_EXAMS.afterSubmit, '21');
    const { result } = (await api(`/api/exam-sessions/${sessionId}/result`, cookie)).body.result;
    expect(await deliverDue(tool.deps)).toMatchObject({ scores: 1 });
    expect(platform.scores).toEqual([
      {
        lineItem: '21',
        body: { userId: options.sub, scoreGiven: result.percent, scoreMaximum: 100, activityProgress: 'Completed', gradingProgress: 'FullyGraded', timestamp: new Date(tool.deps.clock.now()).toISOString() },
      },
    ]);
  });

  it('tells the LMS an exam whose results are never released was taken, without its grade', async () => {
    const { options } = await takeLaunchedExam(FIXTURE_EXAMS.never, '22');
    await deliverDue(tool.deps);
    expect(platform.scores.map((score) => score.body)).toEqual([{ userId: options.sub, activityProgress: 'Completed', gradingProgress: 'Pending', timestamp: expect.any(String) }]);
  });

  // last in the file: it moves the shared clock past the exam's close
  it('holds the score of an exam released at its close until the close', async () => {
    const { options } = await takeLaunchedExam(FIXTURE_EXAMS.afterClose, '23');
    expect(await deliverDue(tool.deps)).toMatchObject({ scores: 0 });
    tool.deps.clock.advance(2 * 3_600_000);
    expect(await deliverDue(tool.deps)).toMatchObject({ scores: 1 });
    expect(platform.scores).toEqual([{ lineItem: '23', body: expect.objectContaining({ userId: options.sub, gradingProgress: 'FullyGraded', activityProgress: 'Completed' }) }]);
  });
});
