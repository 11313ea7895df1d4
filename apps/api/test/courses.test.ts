import { promoteUser } from '@skylab/db';
import type { Visibility } from '@skylab/lab-engine';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createAgent, type Agent } from './scenarios/client.ts';
import { RIGHT_POLICY, S3_STAR_POLICY } from './scenarios/labs.ts';
import { PASSWORD } from './scenarios/scenario.ts';
import { FIXED_NOW } from './support/deterministic.ts';
import { repoLabsWith, testApp } from './support/test-app.ts';
import { REPO_ROOT } from './support/test-deps.ts';

const LAB = 'iam-s3-read-only';
const TASK = 'reader-policy';
const DAY = 24 * 60 * 60 * 1000;
const at = (ms: number) => new Date(ms).toISOString();

async function course(options: { visibility?: Record<string, Visibility> } = {}) {
  const labs = options.visibility
    ? repoLabsWith(LAB, (lab) => ({ ...lab, checks: lab.checks.map((check) => ({ ...check, visibility: options.visibility?.[check.id] ?? check.visibility })) }))
    : undefined;
  const app = await testApp(labs ? { labs } : {});
  const signUp = async (email: string): Promise<Agent> => {
    const agent = createAgent(app.fetch, 'http://localhost');
    expect((await agent.post('/api/auth/sign-up', { email, password: PASSWORD, name: email.split('@')[0] })).status).toBe(201);
    return agent;
  };
  const teacher = await signUp('teacher@example.com');
  await promoteUser(app.deps.db, 'teacher@example.com', 'instructor');
  const learner = await signUp('learner@example.com');
  const created = await teacher.post('/api/courses', { title: 'AWS security 101' });
  expect(created.status).toBe(201);
  const courseId: string = created.body.course.id;
  expect((await teacher.post(`/api/courses/${courseId}/members`, { email: 'LEARNER@example.com' })).status).toBe(201);
  const assign = async (body: Record<string, unknown>) => {
    const res = await teacher.post(`/api/courses/${courseId}/assignments`, { kind: 'lab', refId: LAB, ...body });
    expect(res.status, JSON.stringify(res.body)).toBe(201);
    return res.body.assignment as { id: string };
  };
  const startFor = async (assignmentId: string) => learner.post(`/api/labs/${LAB}/attempts`, { assignmentId });
  const submit = (attemptId: string, version: number, policy: string) => learner.post(`/api/attempts/${attemptId}/submissions`, { version, answers: { [TASK]: policy } });
  return { ...app, teacher, learner, courseId, assign, startFor, submit, signUp };
}

describe('courses and assignments', () => {
  it('shows a learner what is due, ties the attempt to the assignment and fills the gradebook', async () => {
    const { teacher, learner, courseId, assign, startFor, submit } = await course();
    const assignment = await assign({ dueAt: at(FIXED_NOW + 7 * DAY) });
    const due = await learner.get('/api/me/assignments');
    expect(due.body.assignments).toMatchObject([{ id: assignment.id, courseTitle: 'AWS security 101', state: 'open', attempts: 0, bestScore: null, latestAttemptId: null }]);
    const started = await startFor(assignment.id);
    expect(started.status).toBe(201);
    expect(started.body.attempt.assignmentId).toBe(assignment.id);
    expect((await submit(started.body.attempt.id, 1, RIGHT_POLICY)).status).toBe(201);
    expect((await learner.get('/api/me/assignments')).body.assignments[0]).toMatchObject({ attempts: 1, bestScore: 1, completed: true, late: false, latestAttemptId: started.body.attempt.id });
    const book = await teacher.get(`/api/courses/${courseId}/gradebook`);
    expect(book.body.rows).toEqual([
      { learner: { userId: expect.any(String), email: 'learner@example.com', name: 'learner' }, cells: [{ assignmentId: assignment.id, attempts: 1, bestScore: 1, completed: true, late: false, timeSpentMs: 0 }] },
    ]);
    const history = await teacher.get(`/api/courses/${courseId}/learners/${book.body.rows[0].learner.userId}/attempts`);
    expect(history.body.attempts).toMatchObject([{ id: started.body.attempt.id, labTitle: expect.any(String), submissions: [{ grade: { score: 1 } }] }]);
  });

  it('refuses an attempt for an assignment of someone else\'s course, of another lab, or not open yet', async () => {
    const { learner, assign, startFor, signUp } = await course();
    const later = await assign({ opensAt: at(FIXED_NOW + DAY) });
    expect((await startFor(later.id)).body.error.code).toBe('assignment_not_open');
    const stranger = await signUp('stranger@example.com');
    expect((await stranger.post(`/api/labs/${LAB}/attempts`, { assignmentId: later.id })).status).toBe(404);
    expect((await learner.post('/api/labs/vpc-three-tier-security-groups/attempts', { assignmentId: later.id })).status).toBe(404);
  });

  it('takes a late penalty per started day and refuses late work when told to', async () => {
    const { deps, teacher, courseId, assign, startFor, submit } = await course();
    const penalty = await assign({ dueAt: at(FIXED_NOW + DAY), latePolicy: { penaltyPercentPerDay: 10 } });
    const refuse = await assign({ dueAt: at(FIXED_NOW + DAY), latePolicy: 'refuse' });
    const penalised = (await startFor(penalty.id)).body.attempt;
    const refused = (await startFor(refuse.id)).body.attempt;
    deps.clock.advance(DAY + 1.5 * DAY); // 1.5 days late: two started days
    expect((await submit(penalised.id, 1, RIGHT_POLICY)).status).toBe(201);
    const late = await submit(refused.id, 1, RIGHT_POLICY);
    expect([late.status, late.body.error.code]).toEqual([409, 'assignment_closed']);
    expect((await startFor(refuse.id)).body.error.code).toBe('assignment_closed');
    const { body } = await teacher.get(`/api/courses/${courseId}/gradebook`);
    const cells = Object.fromEntries(body.rows[0].cells.map((cell: { assignmentId: string }) => [cell.assignmentId, cell]));
    expect(cells[penalty.id]).toMatchObject({ bestScore: 0.8, late: true, completed: true });
    expect(cells[refuse.id]).toMatchObject({ bestScore: null, late: false, completed: false });
  });

  it('releases after-due-date checks at the due date of the attempt\'s assignment, and never for practice', async () => {
    const { deps, learner, assign, startFor, submit } = await course({ visibility: { 'no-delete-object': 'after-due-date' } });
    const assignment = await assign({ dueAt: at(FIXED_NOW + DAY) });
    const attempt = (await startFor(assignment.id)).body.attempt;
    const practice = (await learner.post(`/api/labs/${LAB}/attempts`)).body.attempt;
    const check = (res: { body: { submission: { grade: { checks: { id: string }[] } } } }) => res.body.submission.grade.checks.find((c) => c.id === 'no-delete-object');
    expect(check(await submit(attempt.id, 1, S3_STAR_POLICY))).toMatchObject({ withheld: true, notice: 'feedback released after the due date' });
    deps.clock.advance(DAY);
    const afterDue = (await learner.get(`/api/attempts/${attempt.id}`)).body.attempt.submissions[0].grade.checks.find((c: { id: string }) => c.id === 'no-delete-object');
    expect(afterDue).toMatchObject({ status: 'fail', message: expect.any(String) });
    expect(check(await submit(practice.id, 1, S3_STAR_POLICY))).toMatchObject({ withheld: true });
  });

  it('exports the gradebook as RFC 4180 CSV with formula-looking cells defused', async () => {
    const { teacher, courseId, assign, signUp } = await course();
    await assign({ title: '=HYPERLINK("x"), "quoted"' });
    await signUp('-2+3@example.com');
    expect((await teacher.post(`/api/courses/${courseId}/members`, { email: '-2+3@example.com' })).status).toBe(201);
    const res = await teacher.request('GET', `/api/courses/${courseId}/gradebook.csv`);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    const csv: string = res.body;
    expect(csv.split('\r\n')[0]).toBe(`email,name,"'=HYPERLINK(""x""), ""quoted"" score %","'=HYPERLINK(""x""), ""quoted"" completed","'=HYPERLINK(""x""), ""quoted"" late","'=HYPERLINK(""x""), ""quoted"" minutes"`);
    expect(csv).toContain(`'-2+3@example.com,'-2+3,,false,false,0\r\n`);
  });

  it('ranks failing checks and clusters wrong answers by the checks they fail', async () => {
    const { teacher, courseId, assign, startFor, submit } = await course();
    const assignment = await assign({});
    const attempt = (await startFor(assignment.id)).body.attempt;
    await submit(attempt.id, 1, S3_STAR_POLICY);
    await submit(attempt.id, 2, S3_STAR_POLICY);
    await submit(attempt.id, 3, RIGHT_POLICY);
    const { body } = await teacher.get(`/api/courses/${courseId}/analytics/${LAB}`);
    expect(body.submissions).toBe(3);
    expect(body.checks[0]).toMatchObject({ failed: 2, submissions: 3 });
    expect(body.wrongAnswers).toHaveLength(1);
    expect(body.wrongAnswers[0]).toMatchObject({ submissions: 2, attempts: 1, example: { answers: { [TASK]: S3_STAR_POLICY } } });
    expect(body.misconceptions.length).toBeGreaterThan(0);
  });

  it('validates assignments: a lab the server offers, an exam id of the right shape, due after it opens', async () => {
    const { teacher, courseId } = await course();
    const post = (body: unknown) => teacher.post(`/api/courses/${courseId}/assignments`, body);
    expect((await post({ kind: 'lab', refId: 'no-such-lab' })).body.error.findings[0]).toMatchObject({ path: ['refId'], message: 'there is no lab `no-such-lab`' });
    expect((await post({ kind: 'exam', refId: 'midterm-1' })).body.assignment).toMatchObject({ title: 'exam midterm-1', latePolicy: 'accept' });
    expect((await post({ kind: 'exam', refId: 'Bad Id' })).status).toBe(400);
    expect((await post({ kind: 'lab', refId: LAB, opensAt: at(FIXED_NOW + DAY), dueAt: at(FIXED_NOW) })).body.error.findings[0].path).toEqual(['dueAt']);
  });

  it('keeps at least one instructor in a course', async () => {
    const { teacher, courseId } = await course();
    const remove = await teacher.request('DELETE', `/api/courses/${courseId}/members/teacher%40example.com`);
    expect([remove.status, remove.body.error.code]).toEqual([409, 'last_instructor']);
    expect((await teacher.post(`/api/courses/${courseId}/members`, { email: 'teacher@example.com', role: 'learner' })).status).toBe(409);
    expect((await teacher.post(`/api/courses/${courseId}/members`, { email: 'learner@example.com', role: 'instructor' })).status).toBe(201);
    expect((await teacher.request('DELETE', `/api/courses/${courseId}/members/teacher%40example.com`)).status).toBe(204);
  });
});

describe('API tokens', () => {
  it('are shown once, work only for their scopes and never for sessions, and stop when revoked', async () => {
    const { teacher, courseId, fetch } = await course();
    const created = await teacher.post('/api/tokens', { name: 'lms', scopes: ['grades:read'], expiresInDays: 30 });
    expect(created.status).toBe(201);
    expect(created.body.plaintext).toMatch(/^skylab_[0-9a-z]+_[a-z2-7]+$/);
    expect(JSON.stringify((await teacher.get('/api/tokens')).body)).not.toContain(created.body.plaintext.split('_')[2]);
    const bearer = (method: string, path: string, body?: unknown) =>
      fetch(`http://localhost${path}`, { method, headers: { authorization: `Bearer ${created.body.plaintext}`, 'content-type': 'application/json' }, ...(body ? { body: JSON.stringify(body) } : {}) });
    expect((await bearer('GET', `/api/courses/${courseId}/gradebook`)).status).toBe(200);
    const noScope = await bearer('POST', `/api/courses/${courseId}/members`, { email: 'learner@example.com' });
    expect([noScope.status, ((await noScope.json()) as { error: { code: string } }).error.code]).toEqual([403, 'insufficient_scope']);
    expect((await bearer('GET', '/api/me')).status).toBe(401);
    expect((await bearer('POST', '/api/auth/sign-out')).status).toBe(401);
    expect((await teacher.request('DELETE', `/api/tokens/${created.body.token.id}`)).status).toBe(204);
    expect((await bearer('GET', `/api/courses/${courseId}/gradebook`)).status).toBe(401);
  });

  it('expire', async () => {
    const { teacher, courseId, fetch, deps } = await course();
    const { plaintext } = (await teacher.post('/api/tokens', { name: 'ci', scopes: ['courses:read'], expiresInDays: 1 })).body;
    deps.clock.advance(DAY);
    expect((await fetch(`http://localhost/api/courses/${courseId}`, { headers: { authorization: `Bearer ${plaintext}` } })).status).toBe(401);
  });
});

describe('lab preview', () => {
  it('gives findings at line and column for a broken text and the rendering and self-test of a good one', async () => {
    const { teacher, deps } = await course();
    const broken = await teacher.post('/api/lab-preview', { text: 'id: x\ntitle: [unclosed\n' });
    expect(broken.body.preview).toMatchObject({ ok: false, lab: null, selfTest: null });
    expect(broken.body.preview.findings[0].range.start.line).toBeGreaterThan(0);
    const text = readFileSync(join(REPO_ROOT, deps.labs.get(LAB)!.path), 'utf8');
    const good = await teacher.post('/api/lab-preview', { text, seed: 'seed-1' });
    expect(good.body.preview).toMatchObject({ ok: true, lab: { id: LAB }, selfTest: { ok: true } });
  });
});
