import { findCourseLab, promoteUser } from '@skylab/db';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createAgent, type Agent } from './scenarios/client.ts';
import { RIGHT_POLICY } from './scenarios/labs.ts';
import { PASSWORD } from './scenarios/scenario.ts';
import { testApp } from './support/test-app.ts';
import { REPO_ROOT } from './support/test-deps.ts';

const REPO_LAB = readFileSync(join(REPO_ROOT, 'labs/iam-s3-read-only/lab.yaml'), 'utf8');
/** The repository's lab under an id of its own, as an instructor would adapt it. */
const labText = (id: string) => REPO_LAB.replace(/^id: iam-s3-read-only$/m, `id: ${id}`);

async function classroom() {
  const app = await testApp();
  const signUp = async (email: string): Promise<Agent> => {
    const agent = createAgent(app.fetch, 'http://localhost');
    expect((await agent.post('/api/auth/sign-up', { email, password: PASSWORD })).status).toBe(201);
    return agent;
  };
  const teacher = await signUp('teacher@example.com');
  const otherTeacher = await signUp('other-teacher@example.com');
  await promoteUser(app.deps.db, 'teacher@example.com', 'instructor');
  await promoteUser(app.deps.db, 'other-teacher@example.com', 'instructor');
  const learner = await signUp('learner@example.com');
  const outsider = await signUp('outsider@example.com');
  const courseId: string = (await teacher.post('/api/courses', { title: 'Course A' })).body.course.id;
  const otherCourseId: string = (await otherTeacher.post('/api/courses', { title: 'Course B' })).body.course.id;
  expect((await teacher.post(`/api/courses/${courseId}/members`, { email: 'learner@example.com' })).status).toBe(201);
  const publish = (agent: Agent, course: string, text: string) => agent.post(`/api/courses/${course}/labs`, { text });
  return { app, teacher, otherTeacher, learner, outsider, courseId, otherCourseId, publish, anonymous: createAgent(app.fetch, 'http://localhost') };
}

describe('labs published to a course', () => {
  it('stores the text with its hash and author, and serves it to the course’s members only', async () => {
    const { app, teacher, learner, outsider, anonymous, courseId, publish } = await classroom();
    const published = await publish(teacher, courseId, labText('course-a-reader'));
    expect(published.status, JSON.stringify(published.body)).toBe(201);
    expect(published.body.lab).toMatchObject({ id: 'course-a-reader', title: 'Read-only access to one S3 bucket', courseId, version: expect.stringMatching(/^[0-9a-f]{64}$/) });
    const row = await findCourseLab(app.deps.db, 'course-a-reader');
    expect(row).toMatchObject({ courseId, yaml: labText('course-a-reader'), contentHash: published.body.lab.version, publishedAt: app.deps.clock.now() });

    expect((await learner.get(`/api/courses/${courseId}/labs`)).body.labs.map((lab: { id: string }) => lab.id)).toEqual(['course-a-reader']);
    expect((await learner.get('/api/labs/course-a-reader')).body.lab).toMatchObject({ id: 'course-a-reader' });
    for (const stranger of [outsider, anonymous]) {
      expect((await stranger.get('/api/labs/course-a-reader')).status).toBe(404);
      expect((await stranger.post('/api/labs/course-a-reader/attempts')).status).toBe(stranger === anonymous ? 401 : 404);
    }
    expect((await anonymous.get('/api/labs')).body.labs.map((lab: { id: string }) => lab.id)).not.toContain('course-a-reader');
  });

  it('is assigned like any lab, and a learner’s attempt at it is graded from the stored text', async () => {
    const { teacher, learner, courseId, publish } = await classroom();
    await publish(teacher, courseId, labText('course-a-reader'));
    const assigned = await teacher.post(`/api/courses/${courseId}/assignments`, { kind: 'lab', refId: 'course-a-reader' });
    expect(assigned.status).toBe(201);
    expect(assigned.body.assignment).toMatchObject({ refId: 'course-a-reader', title: 'Read-only access to one S3 bucket' });
    expect((await learner.get('/api/me/assignments')).body.assignments.map((a: { refId: string }) => a.refId)).toContain('course-a-reader');
    const attempt = await learner.post('/api/labs/course-a-reader/attempts', { assignmentId: assigned.body.assignment.id });
    expect(attempt.status).toBe(201);
    const submitted = await learner.post(`/api/attempts/${attempt.body.attempt.id}/submissions`, { version: 1, answers: { 'reader-policy': RIGHT_POLICY } });
    expect(submitted.status).toBe(201);
    expect(submitted.body.attempt).toMatchObject({ status: 'completed', bestScore: 1 });
    // reports name it by its title like any lab
    expect((await learner.get('/api/me/progress')).body.progress).toEqual([expect.objectContaining({ labId: 'course-a-reader', title: 'Read-only access to one S3 bucket', completed: true })]);
    expect((await teacher.get(`/api/courses/${courseId}/analytics/course-a-reader`)).body).toMatchObject({ title: 'Read-only access to one S3 bucket', submissions: 1 });
  });

  it('is never another course’s: its instructors cannot assign it, nor publish a lab with its id', async () => {
    const { teacher, otherTeacher, courseId, otherCourseId, publish } = await classroom();
    await publish(teacher, courseId, labText('course-a-reader'));
    const assigned = await otherTeacher.post(`/api/courses/${otherCourseId}/assignments`, { kind: 'lab', refId: 'course-a-reader' });
    expect(assigned.status).toBe(400);
    expect(assigned.body.error.findings).toEqual([expect.objectContaining({ path: ['refId'], message: 'there is no lab `course-a-reader`' })]);
    const taken = await publish(otherTeacher, otherCourseId, labText('course-a-reader'));
    expect([taken.status, taken.body.error.code]).toEqual([409, 'lab_id_taken']);
    expect((await publish(teacher, courseId, REPO_LAB)).body.error.message).toBe('a repository lab has the id `iam-s3-read-only`: give the lab another id');
  });

  it('replaces the text when the course publishes the same id again', async () => {
    const { app, teacher, courseId, publish } = await classroom();
    const first = await publish(teacher, courseId, labText('course-a-reader'));
    const again = await publish(teacher, courseId, labText('course-a-reader').replace('title: Read-only access to one S3 bucket', 'title: Reading one bucket'));
    expect(again.status).toBe(201);
    expect(again.body.lab.version).not.toBe(first.body.lab.version);
    expect((await findCourseLab(app.deps.db, 'course-a-reader'))?.contentHash).toBe(again.body.lab.version);
  });

  it.each([
    ['a text that does not load', 'id: [unclosed', 'invalid_lab', /^\w/],
    ['a lab whose solution fails its own checks', labText('course-a-broken').replace(/("Action": )"s3:GetObject"(,\s+"Resource": "arn:aws:s3:::my-app-bucket\/\*"\s+}\s+]\s+}\s+wrongAnswers)/, '$1"s3:*"$2'), 'lab_self_test_failed', /^`solution`/],
  ])('refuses %s with findings, storing nothing', async (_label, text, code, message) => {
    const { app, teacher, courseId, publish } = await classroom();
    const refused = await publish(teacher, courseId, text);
    expect([refused.status, refused.body.error.code]).toEqual([400, code]);
    expect(refused.body.error.findings.some((finding: { message: string }) => message.test(finding.message))).toBe(true);
    expect(await app.deps.db.$client.execute('select count(*) as n from course_labs')).toMatchObject({ rows: [{ n: 0 }] });
  });

  it('lets only the course’s instructors publish', async () => {
    const { learner, outsider, courseId, publish } = await classroom();
    expect((await publish(learner, courseId, labText('x-lab'))).status).toBe(403);
    expect((await publish(outsider, courseId, labText('x-lab'))).status).toBe(404);
  });
});
