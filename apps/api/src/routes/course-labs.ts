import { listCourseLabs } from '@skylab/db';
import { courseLabBody } from '@skylab/validation';
import { Hono } from 'hono';
import type { AppEnv } from '../app-env.ts';
import { courseAccess } from '../course-access.ts';
import { courseLabView, publishLab } from '../course-labs.ts';
import type { AppDeps } from '../deps.ts';
import { readJson } from '../json-body.ts';
import { labFromSource } from '../lab-source-cache.ts';

/** Labs published to a course from lab preview (mounted at `/api/courses/:courseId/labs`): its members list them, its instructors publish. */
export function courseLabRoutes(deps: AppDeps) {
  return new Hono<AppEnv>()
    .get('/', async (c) => {
      const { course } = await courseAccess(c, deps, 'courses:read', 'learner');
      const rows = await listCourseLabs(deps.db, course.id);
      return c.json({ labs: rows.map((row) => courseLabView(row, labFromSource(row.yaml, deps.labs.misconceptions()).registered)) });
    })
    .post('/', async (c) => {
      const { course, user } = await courseAccess(c, deps, 'courses:write', 'instructor');
      const { text } = await readJson(c, courseLabBody);
      const { row, registered } = await publishLab(deps, course.id, user, text);
      return c.json({ lab: courseLabView(row, registered) }, 201);
    });
}
