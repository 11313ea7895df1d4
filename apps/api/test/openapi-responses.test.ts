import { promoteUser } from '@skylab/db';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { OPERATIONS } from '../src/openapi.ts';
import { FIXTURE_EXAMS } from './fixtures/exams.ts';
import { createAgent } from './scenarios/client.ts';
import { RIGHT_POLICY } from './scenarios/labs.ts';
import { PASSWORD } from './scenarios/scenario.ts';
import { answered, checkDocumented } from './support/documented-responses.ts';
import { testApp } from './support/test-app.ts';
import { REPO_ROOT } from './support/test-deps.ts';

const json = (status: number, body: unknown, contentType = 'application/json') => new Response(JSON.stringify(body), { status, headers: { 'content-type': contentType } });
const USER = { id: 'u1', email: 'a@example.com', name: '', role: 'learner' };

describe('the check of answers against the OpenAPI document', () => {
  it.each([
    ['the documented answer', 'GET', '/api/me', json(200, { user: USER }), undefined],
    ['the error body on a documented 4XX', 'GET', '/api/me', json(401, { error: { code: 'unauthenticated', message: 'sign in first' } }), undefined],
    ['an error body on a route no operation takes', 'PUT', '/api/me', json(404, { error: { code: 'not_found', message: 'x' } }), undefined],
    ['a field the schema does not name', 'GET', '/api/me', json(200, { user: { ...USER, passwordHash: 'x' } }), /Unrecognized key: "passwordHash"/],
    ['a field of the wrong type', 'GET', '/api/me', json(200, { user: { ...USER, role: 'root' } }), /refuses/],
    ['a missing field', 'GET', '/api/labs', json(200, { labs: [] }), /tracks/],
    ['a success status the operation does not give', 'GET', '/api/me', json(201, { user: USER }), /a status the OpenAPI document does not give it/],
    ['a redirect where none is documented', 'GET', '/api/me', new Response(null, { status: 302, headers: { location: '/' } }), /does not give it/],
    ['a body on a redirect', 'GET', '/api/lti/login', new Response('{}', { status: 302, headers: { location: '/' } }), /gives none/],
    ['a redirect where it is documented', 'GET', '/api/lti/login', new Response(null, { status: 302, headers: { location: 'https://lms.example/auth' } }), undefined],
    ['another media type', 'GET', '/api/me', json(200, { user: USER }, 'text/plain'), /as `text\/plain`/],
    ['an error that is not the error body', 'GET', '/api/me', json(403, { message: 'no' }), /refuses/],
    ['a success on a route no operation takes', 'PUT', '/api/me', json(200, {}), /does not give it/],
  ])('%s', async (_label, method, path, response, failure) => {
    const check = checkDocumented(method, `http://localhost${path}`, response);
    await (failure ? expect(check).rejects.toThrow(failure) : expect(check).resolves.toBeUndefined());
  });
});

/** Operations that only an LMS can call through to success: `test/lti.test.ts` runs them, through the same check. */
const LMS_ONLY = ['GET /api/lti/login', 'POST /api/lti/login', 'POST /api/lti/launch', 'POST /api/lti/deep-linking', 'POST /api/lti/roster-syncs'];

describe('every documented operation', () => {
  it('answers as documented on its success path', async () => {
    const { fetch, deps } = await testApp({ config: { adminEmails: ['admin@example.com'] } });
    const agent = () => createAgent(fetch, 'http://localhost');
    const learner = agent();
    const ok = async (response: Promise<{ status: number; body: unknown }>, status = 200) => {
      const answer = await response;
      expect(answer.status, JSON.stringify(answer.body)).toBe(status);
      // eslint-disable-next-line @typescript-eslint/no-explicit-any -- each step reads the ids it needs from the answer just checked
      return answer.body as any;
    };
    const lab = 'iam-s3-read-only';

    await ok(learner.post('/api/auth/sign-up', { email: 'learner@example.com', password: PASSWORD }), 201);
    await ok(learner.post('/api/auth/sign-out'), 204);
    await ok(learner.post('/api/auth/sign-in', { email: 'learner@example.com', password: PASSWORD }));
    await ok(learner.get('/api/me'));
    await ok(learner.post('/api/me/password', { currentPassword: PASSWORD, newPassword: `${PASSWORD} again` }));
    for (const path of ['/api/labs', `/api/labs/${lab}`, '/api/misconceptions', '/api/schemas/iam-identity-policy', '/api/openapi.json', '/api/lti/jwks', '/api/lti/auto-post.js']) await ok(learner.get(path));
    await ok(learner.post('/api/validate', { kind: 'iam-identity-policy', text: '{}' }));

    let attempt = (await ok(learner.post(`/api/labs/${lab}/attempts`), 201)).attempt;
    await ok(learner.get(`/api/labs/${lab}/attempts`));
    await ok(learner.get(`/api/attempts/${attempt.id}`));
    attempt = (await ok(learner.post(`/api/attempts/${attempt.id}/hints/1`))).attempt;
    attempt = (await ok(learner.post(`/api/attempts/${attempt.id}/submissions`, { version: attempt.version, answers: { 'reader-policy': RIGHT_POLICY } }), 201)).attempt;
    await ok(learner.get(`/api/attempts/${attempt.id}/aws-credentials`));
    await ok(learner.get(`/api/attempts/${attempt.id}/account`));
    attempt = (await ok(learner.post(`/api/attempts/${attempt.id}/account/reset`, { version: attempt.version }))).attempt;
    await ok(learner.post(`/api/attempts/${attempt.id}/close`));
    await ok(learner.get('/api/me/progress'));

    const instructor = agent();
    await ok(instructor.post('/api/auth/sign-up', { email: 'instructor@example.com', password: PASSWORD }), 201);
    await promoteUser(deps.db, 'instructor@example.com', 'instructor');
    const courseId = (await ok(instructor.post('/api/courses', { title: 'tour' }), 201)).course.id;
    const course = `/api/courses/${courseId}`;
    await ok(instructor.get('/api/courses'));
    await ok(instructor.get(course));
    await ok(instructor.request('PATCH', course, { body: { title: 'the tour' } }));
    await ok(instructor.post(`${course}/members`, { email: 'learner@example.com' }), 201);
    await ok(instructor.get(`${course}/members`));
    const assignmentId = (await ok(instructor.post(`${course}/assignments`, { kind: 'lab', refId: lab }), 201)).assignment.id;
    await ok(instructor.request('PATCH', `${course}/assignments/${assignmentId}`, { body: { title: 'first' } }));
    await ok(learner.get('/api/me/assignments'));
    const assigned = (await ok(learner.post(`/api/labs/${lab}/attempts`, { assignmentId }), 201)).attempt;
    await ok(learner.post(`/api/attempts/${assigned.id}/submissions`, { version: assigned.version, answers: { 'reader-policy': RIGHT_POLICY } }), 201);
    const learnerId = (await ok(learner.get('/api/me'))).user.id;
    for (const path of ['/gradebook', '/gradebook.csv', `/learners/${learnerId}/attempts`, `/analytics/${lab}`]) await ok(instructor.get(`${course}${path}`));
    const labText = readFileSync(join(REPO_ROOT, 'labs', lab, 'lab.yaml'), 'utf8').replace(`id: ${lab}`, 'id: tour-course-lab');
    await ok(instructor.post(`${course}/labs`, { text: labText }), 201);
    await ok(instructor.get(`${course}/labs`));
    await ok(instructor.request('DELETE', `${course}/assignments/${assignmentId}`), 204);
    await ok(instructor.request('DELETE', `${course}/members/${encodeURIComponent('learner@example.com')}`), 204);
    await ok(instructor.request('DELETE', course), 204);

    const tokenId = (await ok(instructor.post('/api/tokens', { name: 'ci', scopes: ['grades:read'], expiresInDays: 7 }), 201)).token.id;
    await ok(instructor.get('/api/tokens'));
    await ok(instructor.request('DELETE', `/api/tokens/${tokenId}`), 204);
    await ok(instructor.post('/api/lab-preview', { text: 'id: x\n' }));

    const exam = FIXTURE_EXAMS.afterSubmit;
    await ok(learner.get('/api/exams'));
    const sessionId = (await ok(learner.post(`/api/exams/${exam}/sessions`), 201)).session.id;
    await ok(learner.get(`/api/exam-sessions/${sessionId}`));
    await ok(learner.request('PUT', `/api/exam-sessions/${sessionId}/answers/q-single`, { body: { picks: ['scp'] }, headers: { 'if-match': '"0"' } }));
    await ok(learner.post(`/api/exam-sessions/${sessionId}/submit`));
    await ok(learner.get(`/api/exam-sessions/${sessionId}/result`));
    const other = (await ok(instructor.post(`/api/exams/${FIXTURE_EXAMS.never}/sessions`), 201)).session.id;
    await ok(instructor.post(`/api/exam-sessions/${other}/extensions`, { minutes: 5 }));
    await ok(instructor.get(`/api/exams/${exam}/sessions`));
    await ok(instructor.post(`/api/exams/${exam}/void-items`, { itemId: 'q-single', reason: 'ambiguous' }));
    await ok(instructor.post(`/api/exams/${exam}/regrade`, { reason: 'a check was fixed' }));

    const admin = agent();
    await ok(admin.post('/api/auth/sign-up', { email: 'admin@example.com', password: PASSWORD }), 201);
    const platform = { issuer: 'https://lms.example', clientId: 'c1', authLoginUrl: 'https://lms.example/auth', accessTokenUrl: 'https://lms.example/token', jwksUrl: 'https://lms.example/jwks', deploymentIds: ['1'] };
    const platformId = (await ok(admin.post('/api/lti/platforms', platform), 201)).platform.id;
    await ok(admin.get('/api/lti/platforms'));
    await ok(admin.request('DELETE', `/api/lti/platforms/${platformId}`), 204);
    const endpointId = (await ok(admin.post('/api/webhooks', { url: 'https://hooks.example/skylab', events: ['grade.changed'] }), 201)).endpoint.id;
    await ok(admin.get('/api/webhooks'));
    await ok(admin.get(`/api/webhooks/${endpointId}/deliveries`));
    await ok(admin.request('DELETE', `/api/webhooks/${endpointId}`), 204);

    const successes = Object.entries(OPERATIONS)
      .filter(([key]) => !LMS_ONLY.includes(key))
      .map(([key, op]) => `${key} ${op.status ?? 200}`);
    expect(successes.filter((success) => !answered.has(success)), 'operations the tour did not see answer their success').toEqual([]);
  }, 60_000);
});
