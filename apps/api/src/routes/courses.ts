import {
  deleteAssignment,
  deleteCourse,
  findAssignment,
  findUserByEmail,
  insertAssignment,
  insertCourse,
  listCourseAssignments,
  listCourses,
  listMembers,
  listUserCourses,
  removeMember,
  updateAssignment,
  updateCourse,
  upsertMember,
  type AssignmentRow,
} from '@skylab/db';
import { Hono, type Context } from 'hono';
import type { z } from 'zod';
import type { AppEnv } from '../app-env.ts';
import { courseAccess } from '../course-access.ts';
import { findAnyLab } from '../course-labs.ts';
import {
  assignmentBody,
  assignmentPatchBody,
  courseBody,
  coursePatchBody,
  memberBody,
  type AssignmentResponse,
  type CourseDetailResponse,
  type CourseListResponse,
  type CourseResponse,
  type MemberListResponse,
  type MemberResponse,
} from '@skylab/validation';
import { assignmentView, courseView, latePolicyColumns, memberView } from '../course-views.ts';
import type { AppDeps } from '../deps.ts';
import { ApiError, notFound } from '../errors.ts';
import { readJson } from '../json-body.ts';
import { requireCaller, requireRole } from '../principal.ts';

const ms = (value: string | null | undefined) => (value === undefined ? undefined : value === null ? null : Date.parse(value));

function invalid(path: string, message: string) {
  return new ApiError(400, 'invalid_request', 'the request body does not match the expected shape', [
    { ruleId: 'invalid-assignment', severity: 'error', path: [path], message },
  ]);
}

/** Courses, their members and assignments: instructors (and admins) manage, learners read theirs. */
export function courseRoutes(deps: AppDeps) {
  /**
   * A lab must be one the server offers to everyone or one published to this very course; an exam id is only
   * checked for its shape.
   */
  async function assignmentTitle(courseId: string, kind: AssignmentRow['kind'], refId: string, given: string | undefined): Promise<string> {
    if (kind === 'lab') {
      const found = await findAnyLab(deps, refId);
      if (!found || (found.courseId !== undefined && found.courseId !== courseId)) throw invalid('refId', `there is no lab \`${refId}\``);
      return given ?? found.registered.summary.title;
    }
    return given ?? `exam ${refId}`;
  }

  function checkDates(opensAt: number | null, dueAt: number | null) {
    if (opensAt !== null && dueAt !== null && dueAt <= opensAt) throw invalid('dueAt', '`dueAt` must be after `opensAt`');
  }

  /** Removing or demoting the course's only instructor would leave it to admins alone. */
  async function assertKeepsAnInstructor(courseId: string, userId: string) {
    const instructors = (await listMembers(deps.db, courseId)).filter((m) => m.role === 'instructor');
    if (instructors.length === 1 && instructors[0]?.userId === userId) {
      throw new ApiError(409, 'last_instructor', 'a course keeps at least one instructor: add another one first');
    }
  }

  async function courseAssignment(c: Context<AppEnv>, courseId: string): Promise<AssignmentRow> {
    const id = c.req.param('assignmentId') ?? '';
    const assignment = await findAssignment(deps.db, id);
    if (assignment?.courseId !== courseId) throw notFound(`there is no assignment \`${id}\` in this course`);
    return assignment;
  }

  return new Hono<AppEnv>()
    .get('/', async (c) => {
      const user = requireCaller(c, 'courses:read');
      const rows = user.role === 'admin' ? (await listCourses(deps.db)).map((course) => ({ course, role: 'instructor' as const })) : await listUserCourses(deps.db, user.id);
      return c.json({ courses: rows.map(({ course, role }) => ({ ...courseView(course), role })) } satisfies CourseListResponse);
    })
    .post('/', async (c) => {
      const user = requireRole(requireCaller(c, 'courses:write'), 'instructor');
      const body = await readJson(c, courseBody);
      const now = deps.clock.now();
      const course = await insertCourse(deps.db, { id: deps.ids.next(), title: body.title, description: body.description ?? '', createdBy: user.id, createdAt: now, updatedAt: now }, user.id);
      return c.json({ course: { ...courseView(course), role: 'instructor' } } satisfies CourseResponse, 201);
    })
    .get('/:courseId', async (c) => {
      const { course, role } = await courseAccess(c, deps, 'courses:read', 'learner');
      const assignments = await listCourseAssignments(deps.db, course.id);
      return c.json({ course: { ...courseView(course), role }, assignments: assignments.map(assignmentView) } satisfies CourseDetailResponse);
    })
    .patch('/:courseId', async (c) => {
      const { course } = await courseAccess(c, deps, 'courses:write', 'instructor');
      const body = await readJson(c, coursePatchBody);
      const updated = await updateCourse(deps.db, course.id, { ...body, updatedAt: deps.clock.now() });
      if (!updated) throw notFound(`there is no course \`${course.id}\``);
      return c.json({ course: { ...courseView(updated), role: 'instructor' } } satisfies CourseResponse);
    })
    .delete('/:courseId', async (c) => {
      const { course } = await courseAccess(c, deps, 'courses:write', 'instructor');
      await deleteCourse(deps.db, course.id);
      return c.body(null, 204);
    })
    .get('/:courseId/members', async (c) => {
      const { course } = await courseAccess(c, deps, 'courses:read', 'instructor');
      return c.json({ members: (await listMembers(deps.db, course.id)).map(memberView) } satisfies MemberListResponse);
    })
    .post('/:courseId/members', async (c) => {
      const { course } = await courseAccess(c, deps, 'enrollments:write', 'instructor');
      const body = await readJson(c, memberBody);
      const user = await findUserByEmail(deps.db, body.email);
      if (!user) throw notFound(`there is no account with the email \`${body.email}\`: they sign up first`);
      if (body.role === 'learner') await assertKeepsAnInstructor(course.id, user.id);
      await upsertMember(deps.db, { courseId: course.id, userId: user.id, role: body.role, createdAt: deps.clock.now() });
      const member = (await listMembers(deps.db, course.id)).find((m) => m.userId === user.id);
      if (!member) throw notFound(`\`${body.email}\` is not in the course`);
      return c.json({ member: memberView(member) } satisfies MemberResponse, 201);
    })
    .delete('/:courseId/members/:email', async (c) => {
      const { course } = await courseAccess(c, deps, 'enrollments:write', 'instructor');
      const email = c.req.param('email');
      const user = await findUserByEmail(deps.db, email);
      if (user) await assertKeepsAnInstructor(course.id, user.id);
      if (!user || !(await removeMember(deps.db, course.id, user.id))) throw notFound(`\`${email}\` is not in the course`);
      return c.body(null, 204);
    })
    .post('/:courseId/assignments', async (c) => {
      const { course } = await courseAccess(c, deps, 'courses:write', 'instructor');
      const body: z.output<typeof assignmentBody> = await readJson(c, assignmentBody);
      const title = await assignmentTitle(course.id, body.kind, body.refId, body.title);
      const opensAt = ms(body.opensAt) ?? null;
      const dueAt = ms(body.dueAt) ?? null;
      checkDates(opensAt, dueAt);
      const now = deps.clock.now();
      const assignment = await insertAssignment(deps.db, {
        id: deps.ids.next(),
        courseId: course.id,
        kind: body.kind,
        refId: body.refId,
        title,
        opensAt,
        dueAt,
        ...latePolicyColumns(body.latePolicy),
        createdAt: now,
        updatedAt: now,
      });
      return c.json({ assignment: assignmentView(assignment) } satisfies AssignmentResponse, 201);
    })
    .patch('/:courseId/assignments/:assignmentId', async (c) => {
      const { course } = await courseAccess(c, deps, 'courses:write', 'instructor');
      const assignment = await courseAssignment(c, course.id);
      const body = await readJson(c, assignmentPatchBody);
      const opensAt = ms(body.opensAt);
      const dueAt = ms(body.dueAt);
      checkDates(opensAt === undefined ? assignment.opensAt : opensAt, dueAt === undefined ? assignment.dueAt : dueAt);
      const updated = await updateAssignment(deps.db, assignment.id, {
        ...(body.title === undefined ? {} : { title: body.title }),
        ...(opensAt === undefined ? {} : { opensAt }),
        ...(dueAt === undefined ? {} : { dueAt }),
        ...(body.latePolicy === undefined ? {} : latePolicyColumns(body.latePolicy)),
        updatedAt: deps.clock.now(),
      });
      if (!updated) throw notFound(`there is no assignment \`${assignment.id}\` in this course`);
      return c.json({ assignment: assignmentView(updated) } satisfies AssignmentResponse);
    })
    .delete('/:courseId/assignments/:assignmentId', async (c) => {
      const { course } = await courseAccess(c, deps, 'courses:write', 'instructor');
      const assignment = await courseAssignment(c, course.id);
      await deleteAssignment(deps.db, assignment.id);
      return c.body(null, 204);
    });
}
