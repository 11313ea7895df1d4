import { describe, expect, it } from 'vitest';
import { deleteCourse, findCourseLab, insertCourse, insertUser, listCourseLabs, publishCourseLab } from '../src/index.ts';
import { openDb } from './open-db.ts';

describe('course labs', () => {
  it('stores a published lab, replaces its text for the same course only, and goes with its course', async () => {
    const db = await openDb('memory');
    await insertUser(db, { id: 'teacher', email: 't@example.com', passwordHash: 'h', role: 'instructor', createdAt: 0 });
    for (const id of ['c1', 'c2']) await insertCourse(db, { id, title: id, createdBy: 'teacher', createdAt: 1, updatedAt: 1 }, 'teacher');
    const row = { labId: 'my-lab', courseId: 'c1', yaml: 'id: my-lab', contentHash: 'h1', authorId: 'teacher', publishedAt: 10 };
    expect(await publishCourseLab(db, row)).toEqual(row);
    expect(await publishCourseLab(db, { ...row, yaml: 'id: my-lab # v2', contentHash: 'h2', publishedAt: 20 })).toMatchObject({ contentHash: 'h2', publishedAt: 20 });
    expect(await publishCourseLab(db, { ...row, courseId: 'c2', contentHash: 'h3' })).toBeUndefined();
    expect(await findCourseLab(db, 'my-lab')).toMatchObject({ courseId: 'c1', contentHash: 'h2' });
    expect(await listCourseLabs(db, 'c2')).toEqual([]);
    await deleteCourse(db, 'c1');
    expect(await findCourseLab(db, 'my-lab')).toBeUndefined();
  });
});
