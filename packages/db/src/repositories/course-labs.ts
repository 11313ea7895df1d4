import { asc, eq, sql } from 'drizzle-orm';
import type { Db } from '../client.ts';
import { courseLabs, type CourseLabRow } from '../schema.ts';

/**
 * Stores a published lab, or its new text when the course published it before; `undefined` when another
 * course holds the id (the conflict's update only applies within the same course).
 */
export async function publishCourseLab(db: Db, row: CourseLabRow): Promise<CourseLabRow | undefined> {
  const [stored] = await db
    .insert(courseLabs)
    .values(row)
    .onConflictDoUpdate({
      target: courseLabs.labId,
      set: { yaml: row.yaml, contentHash: row.contentHash, authorId: row.authorId, publishedAt: row.publishedAt },
      setWhere: sql`${courseLabs.courseId} = ${row.courseId}`,
    })
    .returning();
  return stored;
}

export async function findCourseLab(db: Db, labId: string): Promise<CourseLabRow | undefined> {
  return db.query.courseLabs.findFirst({ where: eq(courseLabs.labId, labId) });
}

export async function listCourseLabs(db: Db, courseId: string): Promise<CourseLabRow[]> {
  return db.select().from(courseLabs).where(eq(courseLabs.courseId, courseId)).orderBy(asc(courseLabs.labId));
}
