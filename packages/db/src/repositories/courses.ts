import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { courseMembers, courses, users, type CourseMemberRow, type CourseRole, type CourseRow } from '../schema.ts';

export type NewCourse = typeof courses.$inferInsert;
export type CoursePatch = Partial<Pick<CourseRow, 'title' | 'description'>> & { updatedAt: number };

/** A course and its first instructor in one atomic batch, so no course is ever left without one. */
export async function insertCourse(db: Db, course: NewCourse, instructorId: string): Promise<CourseRow> {
  const [inserted] = await db.batch([
    db.insert(courses).values(course).returning(),
    db.insert(courseMembers).values({ courseId: course.id, userId: instructorId, role: 'instructor', createdAt: course.createdAt }),
  ]);
  const row = inserted[0];
  if (!row) throw new Error(`inserting course \`${course.id}\` returned no row`);
  return row;
}

export async function findCourse(db: Db, id: string): Promise<CourseRow | undefined> {
  return db.query.courses.findFirst({ where: eq(courses.id, id) });
}

export async function updateCourse(db: Db, id: string, patch: CoursePatch): Promise<CourseRow | undefined> {
  const [row] = await db.update(courses).set(patch).where(eq(courses.id, id)).returning();
  return row;
}

/** Deletes the course with its members and assignments (cascade); attempts keep their ids as a record. */
export async function deleteCourse(db: Db, id: string): Promise<boolean> {
  const deleted = await db.delete(courses).where(eq(courses.id, id)).returning({ id: courses.id });
  return deleted.length === 1;
}

/** Every course, oldest first (for admins). */
export async function listCourses(db: Db): Promise<CourseRow[]> {
  return db.select().from(courses).orderBy(asc(courses.createdAt), asc(courses.id));
}

export interface UserCourse {
  course: CourseRow;
  role: CourseRole;
}

/** The courses a user is a member of, with their role in each, oldest first. */
export async function listUserCourses(db: Db, userId: string): Promise<UserCourse[]> {
  return db
    .select({ course: courses, role: courseMembers.role })
    .from(courseMembers)
    .innerJoin(courses, eq(courses.id, courseMembers.courseId))
    .where(eq(courseMembers.userId, userId))
    .orderBy(asc(courses.createdAt), asc(courses.id));
}

export async function findMembership(db: Db, courseId: string, userId: string): Promise<CourseMemberRow | undefined> {
  return db.query.courseMembers.findFirst({ where: and(eq(courseMembers.courseId, courseId), eq(courseMembers.userId, userId)) });
}

/** Adds a member or changes the role of one already there. */
export async function upsertMember(db: Db, member: CourseMemberRow): Promise<CourseMemberRow> {
  const [row] = await db
    .insert(courseMembers)
    .values(member)
    .onConflictDoUpdate({ target: [courseMembers.courseId, courseMembers.userId], set: { role: member.role } })
    .returning();
  if (!row) throw new Error(`enrolling \`${member.userId}\` in \`${member.courseId}\` returned no row`);
  return row;
}

export async function removeMember(db: Db, courseId: string, userId: string): Promise<boolean> {
  const deleted = await db
    .delete(courseMembers)
    .where(and(eq(courseMembers.courseId, courseId), eq(courseMembers.userId, userId)))
    .returning({ userId: courseMembers.userId });
  return deleted.length === 1;
}

export interface CourseMember {
  userId: string;
  email: string;
  name: string;
  role: CourseRole;
  enrolledAt: number;
}

/** A course's members, instructors first, then by email. */
export async function listMembers(db: Db, courseId: string): Promise<CourseMember[]> {
  return db
    .select({ userId: users.id, email: users.email, name: users.name, role: courseMembers.role, enrolledAt: courseMembers.createdAt })
    .from(courseMembers)
    .innerJoin(users, eq(users.id, courseMembers.userId))
    .where(eq(courseMembers.courseId, courseId))
    .orderBy(asc(courseMembers.role), asc(users.email));
}
