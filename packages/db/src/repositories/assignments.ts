import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { assignments, courseMembers, courses, type AssignmentRow } from '../schema.ts';

export type NewAssignment = typeof assignments.$inferInsert;
export type AssignmentPatch = Partial<
  Pick<AssignmentRow, 'title' | 'refId' | 'kind' | 'opensAt' | 'dueAt' | 'latePolicy' | 'latePenaltyPercentPerDay'>
> & { updatedAt: number };

export async function insertAssignment(db: Db, assignment: NewAssignment): Promise<AssignmentRow> {
  const [row] = await db.insert(assignments).values(assignment).returning();
  if (!row) throw new Error(`inserting assignment \`${assignment.id}\` returned no row`);
  return row;
}

export async function findAssignment(db: Db, id: string): Promise<AssignmentRow | undefined> {
  return db.query.assignments.findFirst({ where: eq(assignments.id, id) });
}

export async function updateAssignment(db: Db, id: string, patch: AssignmentPatch): Promise<AssignmentRow | undefined> {
  const [row] = await db.update(assignments).set(patch).where(eq(assignments.id, id)).returning();
  return row;
}

export async function deleteAssignment(db: Db, id: string): Promise<boolean> {
  const deleted = await db.delete(assignments).where(eq(assignments.id, id)).returning({ id: assignments.id });
  return deleted.length === 1;
}

/** A course's assignments by due date (none last), then creation. */
export async function listCourseAssignments(db: Db, courseId: string): Promise<AssignmentRow[]> {
  return db
    .select()
    .from(assignments)
    .where(eq(assignments.courseId, courseId))
    .orderBy(sql`${assignments.dueAt} is null`, asc(assignments.dueAt), asc(assignments.id));
}

export interface LearnerAssignment {
  assignment: AssignmentRow;
  courseTitle: string;
}

/** The assignments of every course the user is enrolled in as a learner, by due date (none last). */
export async function listLearnerAssignments(db: Db, userId: string): Promise<LearnerAssignment[]> {
  return db
    .select({ assignment: assignments, courseTitle: courses.title })
    .from(courseMembers)
    .innerJoin(courses, eq(courses.id, courseMembers.courseId))
    .innerJoin(assignments, eq(assignments.courseId, courseMembers.courseId))
    .where(and(eq(courseMembers.userId, userId), eq(courseMembers.role, 'learner')))
    .orderBy(sql`${assignments.dueAt} is null`, asc(assignments.dueAt), asc(assignments.id));
}
