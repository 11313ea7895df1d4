import { findCourse, findMembership, type CourseRole, type CourseRow, type TokenScope, type UserRow } from '@skylab/db';
import type { Context } from 'hono';
import type { AppEnv } from './app-env.ts';
import type { AppDeps } from './deps.ts';
import { notFound } from './errors.ts';
import { forbidden, requireCaller } from './principal.ts';

export interface CourseAccess {
  course: CourseRow;
  user: UserRow;
  /** The caller's role in the course; admins who are not members act as instructors. */
  role: CourseRole;
}

/**
 * The course `:courseId` names, if the caller may see it as `need` says. Someone outside the course gets
 * 404 (the answer does not confirm it exists); a learner of the course asking for an instructor's view, 403.
 */
export async function courseAccess(c: Context<AppEnv>, deps: AppDeps, scope: TokenScope, need: CourseRole): Promise<CourseAccess> {
  const user = requireCaller(c, scope);
  const id = c.req.param('courseId') ?? '';
  const [course, membership] = await Promise.all([findCourse(deps.db, id), findMembership(deps.db, id, user.id)]);
  const role: CourseRole | undefined = user.role === 'admin' ? 'instructor' : membership?.role;
  if (!course || !role) throw notFound(`there is no course \`${id}\``);
  if (need === 'instructor' && role !== 'instructor') throw forbidden('only the course\'s instructors may do this');
  return { course, user, role };
}
