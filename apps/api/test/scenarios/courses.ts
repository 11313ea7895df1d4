import { expect } from 'vitest';
import { RIGHT_POLICY } from './labs.ts';
import type { Scenario } from './scenario.ts';

const LAB = 'iam-s3-read-only';
const TASK = 'reader-policy';
const WEEK = 7 * 24 * 60 * 60 * 1000;

export const courseScenarios: Scenario[] = [
  {
    name: 'an instructor runs a course: a learner sees the lab due, completes it, and the gradebook shows the score',
    async run(ctx) {
      const admin = await ctx.admin();
      const teacher = await ctx.learner();
      const learner = await ctx.learner();
      const created = await admin.post('/api/courses', { title: 'Cloud security', description: 'week 1' });
      expect(created.status).toBe(201);
      const courseId: string = created.body.course.id;
      // a course instructor need not be an instructor everywhere: the course's own role decides
      expect((await admin.post(`/api/courses/${courseId}/members`, { email: teacher.email, role: 'instructor' })).status).toBe(201);
      expect((await teacher.post(`/api/courses/${courseId}/members`, { email: learner.email })).status).toBe(201);
      const dueAt = new Date(Date.now() + WEEK).toISOString();
      const assigned = await teacher.post(`/api/courses/${courseId}/assignments`, { kind: 'lab', refId: LAB, dueAt, latePolicy: { penaltyPercentPerDay: 10 } });
      expect(assigned.status).toBe(201);
      expect(assigned.body.assignment).toMatchObject({ kind: 'lab', refId: LAB, title: 'Read-only access to one S3 bucket', dueAt, latePolicy: { penaltyPercentPerDay: 10 } });

      const due = (await learner.get('/api/me/assignments')).body.assignments;
      expect(due).toMatchObject([{ id: assigned.body.assignment.id, courseTitle: 'Cloud security', state: 'open', completed: false }]);
      expect((await learner.get(`/api/courses/${courseId}`)).body).toMatchObject({ course: { role: 'learner' }, assignments: [{ id: assigned.body.assignment.id }] });
      expect((await learner.get(`/api/courses/${courseId}/gradebook`)).status).toBe(403);

      const attempt = await learner.post(`/api/labs/${LAB}/attempts`, { assignmentId: assigned.body.assignment.id });
      expect(attempt.status).toBe(201);
      expect((await learner.post(`/api/attempts/${attempt.body.attempt.id}/submissions`, { version: 1, answers: { [TASK]: RIGHT_POLICY } })).status).toBe(201);

      const book = await teacher.get(`/api/courses/${courseId}/gradebook`);
      expect(book.body.rows).toMatchObject([{ learner: { email: learner.email }, cells: [{ bestScore: 1, completed: true, late: false, attempts: 1 }] }]);
      const csv = await teacher.get(`/api/courses/${courseId}/gradebook.csv`);
      expect(csv.headers.get('content-type')).toMatch(/^text\/csv/);
      expect(csv.body).toContain(`${learner.email},Test Learner,100,true,false,`);
      expect((await teacher.request('DELETE', `/api/courses/${courseId}/members/${encodeURIComponent(learner.email)}`)).status).toBe(204);
      expect((await learner.get('/api/me/assignments')).body.assignments).toEqual([]);
    },
  },
  {
    name: 'a scoped API token reads the gradebook with no cookie or Origin, is refused beyond its scope and for sessions, and stops when revoked',
    async run(ctx) {
      const admin = await ctx.admin();
      const courseId: string = (await admin.post('/api/courses', { title: 'Tokens' })).body.course.id;
      const created = await admin.post('/api/tokens', { name: 'lms', scopes: ['grades:read', 'courses:read'], expiresInDays: 1 });
      expect(created.status).toBe(201);
      expect(created.headers.get('cache-control')).toBe('no-store');
      const token: string = created.body.plaintext;
      const bearer = (method: string, path: string, body?: unknown) =>
        ctx.fetch(path, { method, headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' }, ...(body === undefined ? {} : { body: JSON.stringify(body) }) });
      expect((await bearer('GET', `/api/courses/${courseId}/gradebook`)).status).toBe(200);
      expect((await bearer('POST', `/api/courses/${courseId}/members`, { email: 'x@example.com' })).status).toBe(403);
      expect((await bearer('GET', '/api/me')).status).toBe(401);
      expect((await bearer('POST', '/api/tokens', { name: 'more', scopes: ['grades:read'], expiresInDays: 1 })).status).toBe(401);
      const wrong = await ctx.fetch(`/api/courses/${courseId}`, { headers: { authorization: `Bearer ${token.slice(0, -2)}zz` } });
      expect([wrong.status, wrong.headers.get('www-authenticate')]).toEqual([401, 'Bearer error="invalid_token"']);
      expect((await admin.request('DELETE', `/api/tokens/${created.body.token.id}`)).status).toBe(204);
      expect((await bearer('GET', `/api/courses/${courseId}/gradebook`)).status).toBe(401);
    },
  },
  {
    name: 'lab preview finds problems at line and column and self-tests nothing it cannot load; learners may not use it',
    async run(ctx) {
      const admin = await ctx.admin();
      const res = await admin.post('/api/lab-preview', { text: 'id: preview\ntitle: [\n' });
      expect(res.status).toBe(200);
      expect(res.body.preview).toMatchObject({ ok: false, lab: null, selfTest: null, findings: [{ severity: 'error', range: { start: { line: expect.any(Number) } } }] });
      expect((await admin.post('/api/lab-preview', { text: 'x'.repeat(129 * 1024) })).status).toBe(400);
      expect((await (await ctx.learner()).post('/api/lab-preview', { text: 'id: x' })).status).toBe(403);
      const spec = await ctx.fetch('/api/openapi.json');
      expect(spec.status).toBe(200);
    },
  },
];
