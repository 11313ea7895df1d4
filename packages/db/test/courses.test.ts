import { describe, expect, it } from 'vitest';
import {
  deleteCourse,
  findApiTokenWithUser,
  findMembership,
  insertApiToken,
  insertAssignment,
  insertCourse,
  insertUser,
  listCourseAssignments,
  listLearnerAssignments,
  listMembers,
  listUserApiTokens,
  listUserCourses,
  removeMember,
  revokeApiToken,
  updateAssignment,
  updateCourse,
  upsertMember,
  type Db,
} from '../src/index.ts';
import { openDb } from './open-db.ts';

async function seed(db: Db) {
  await insertUser(db, { id: 'teacher', email: 't@example.com', passwordHash: 'h', role: 'instructor', createdAt: 0 });
  await insertUser(db, { id: 'learner', email: 'l@example.com', passwordHash: 'h', createdAt: 0 });
  const course = await insertCourse(db, { id: 'c1', title: 'AWS 101', createdBy: 'teacher', createdAt: 10, updatedAt: 10 }, 'teacher');
  await upsertMember(db, { courseId: 'c1', userId: 'learner', role: 'learner', createdAt: 20 });
  const base = { courseId: 'c1', kind: 'lab' as const, createdAt: 30, updatedAt: 30 };
  await insertAssignment(db, { ...base, id: 'a-none', refId: 'lab-x', title: 'no due date' });
  await insertAssignment(db, { ...base, id: 'a-late', refId: 'lab-y', title: 'later', dueAt: 2000 });
  await insertAssignment(db, { ...base, id: 'a-soon', refId: 'lab-z', title: 'sooner', dueAt: 1000, latePolicy: 'penalty', latePenaltyPercentPerDay: 10 });
  return course;
}

describe.each(['memory', 'file'] as const)('courses, members and assignments (%s)', (kind) => {
  it('creates a course with its instructor and lists members, instructors first', async () => {
    const db = await openDb(kind);
    await seed(db);
    expect(await listMembers(db, 'c1')).toEqual([
      { userId: 'teacher', email: 't@example.com', name: '', role: 'instructor', enrolledAt: 10 },
      { userId: 'learner', email: 'l@example.com', name: '', role: 'learner', enrolledAt: 20 },
    ]);
    expect((await listUserCourses(db, 'learner')).map((c) => [c.course.id, c.role])).toEqual([['c1', 'learner']]);
  });

  it('changes a role on a second enrolment and removes members', async () => {
    const db = await openDb(kind);
    await seed(db);
    await upsertMember(db, { courseId: 'c1', userId: 'learner', role: 'instructor', createdAt: 99 });
    expect((await findMembership(db, 'c1', 'learner'))?.role).toBe('instructor');
    expect(await removeMember(db, 'c1', 'learner')).toBe(true);
    expect(await removeMember(db, 'c1', 'learner')).toBe(false);
    expect(await findMembership(db, 'c1', 'learner')).toBeUndefined();
  });

  it('orders assignments by due date with undated ones last, for the course and for its learners', async () => {
    const db = await openDb(kind);
    await seed(db);
    expect((await listCourseAssignments(db, 'c1')).map((a) => a.id)).toEqual(['a-soon', 'a-late', 'a-none']);
    const mine = await listLearnerAssignments(db, 'learner');
    expect(mine.map((a) => [a.assignment.id, a.courseTitle])).toEqual([
      ['a-soon', 'AWS 101'],
      ['a-late', 'AWS 101'],
      ['a-none', 'AWS 101'],
    ]);
    expect(await listLearnerAssignments(db, 'teacher')).toEqual([]);
  });

  it('updates and deletes, the course taking its members and assignments with it', async () => {
    const db = await openDb(kind);
    await seed(db);
    expect((await updateCourse(db, 'c1', { title: 'AWS 102', updatedAt: 50 }))?.title).toBe('AWS 102');
    expect((await updateAssignment(db, 'a-none', { dueAt: 500, updatedAt: 50 }))?.dueAt).toBe(500);
    expect(await deleteCourse(db, 'c1')).toBe(true);
    expect(await listCourseAssignments(db, 'c1')).toEqual([]);
    expect(await listUserCourses(db, 'learner')).toEqual([]);
    expect(await deleteCourse(db, 'c1')).toBe(false);
  });
});

describe('api tokens', () => {
  it('finds a token with its owner and revokes it once', async () => {
    const db = await openDb('memory');
    await seed(db);
    const token = { id: 't1', userId: 'teacher', name: 'lms', secretHash: 'x', scopes: ['grades:read' as const], createdAt: 1, expiresAt: 100 };
    await insertApiToken(db, token);
    const found = await findApiTokenWithUser(db, 't1');
    expect(found?.user.id).toBe('teacher');
    expect(found?.token.scopes).toEqual(['grades:read']);
    expect(await revokeApiToken(db, 't1', 'learner', 5)).toBe(false);
    expect(await revokeApiToken(db, 't1', 'teacher', 5)).toBe(true);
    expect(await revokeApiToken(db, 't1', 'teacher', 6)).toBe(false);
    expect((await listUserApiTokens(db, 'teacher'))[0]?.revokedAt).toBe(5);
  });
});
