import {
  deleteCourse,
  findAssignment,
  findLtiContext,
  findLtiResourceLink,
  insertAssignment,
  insertCourse,
  insertLtiContext,
  insertLtiResourceLink,
  updateLtiContextMemberships,
  upsertMember,
  type AssignmentRow,
  type UserRow,
} from '@skylab/db';
import type { AppDeps } from '../deps.ts';
import { CLAIM, mapRoles } from './claims.ts';
import type { LaunchedResource } from './launch-user.ts';
import type { VerifiedLaunch } from './verify-launch.ts';

/**
 * The Skylab course of the launch's LMS context, with the launching user enrolled in the role the launch
 * gives them. The first instructor launch from a context (deep linking, usually) makes the course; a
 * learner launching from a context no instructor has opened gets no course, as no course may exist
 * without an instructor.
 */
export async function launchCourse(deps: AppDeps, launch: VerifiedLaunch, user: UserRow): Promise<string | undefined> {
  const context = launch.claims[CLAIM.context];
  if (!context) return undefined;
  const role = mapRoles(launch.claims[CLAIM.roles]);
  const membershipsUrl = launch.claims[CLAIM.nrps]?.context_memberships_url ?? null;
  const now = deps.clock.now();
  const existing = await findLtiContext(deps.db, launch.platform.id, context.id);
  if (existing) {
    await upsertMember(deps.db, { courseId: existing.courseId, userId: user.id, role, createdAt: now });
    if (membershipsUrl) await updateLtiContextMemberships(deps.db, existing, membershipsUrl);
    return existing.courseId;
  }
  if (role !== 'instructor') return undefined;
  const title = context.title ?? context.label ?? context.id;
  const course = await insertCourse(deps.db, { id: deps.ids.next(), title, description: `linked to ${launch.platform.issuer}`, createdBy: user.id, createdAt: now, updatedAt: now }, user.id);
  const mapped = await insertLtiContext(deps.db, { platformId: launch.platform.id, contextId: context.id, courseId: course.id, membershipsUrl, createdAt: now });
  // a concurrent first launch mapped the context to its own course: keep that one, enrol there
  if (mapped.courseId !== course.id) {
    await deleteCourse(deps.db, course.id);
    await upsertMember(deps.db, { courseId: mapped.courseId, userId: user.id, role, createdAt: now });
  }
  return mapped.courseId;
}

/** The assignment an LMS resource link launches, if it was mapped before. */
export async function linkedAssignment(deps: AppDeps, launch: VerifiedLaunch): Promise<AssignmentRow | undefined> {
  const resourceLink = launch.claims[CLAIM.resourceLink];
  if (!resourceLink) return undefined;
  const link = await findLtiResourceLink(deps.db, launch.platform.id, resourceLink.id);
  return link ? findAssignment(deps.db, link.assignmentId) : undefined;
}

/** Maps a first-launched resource link of a course to a new lab or exam assignment of that course. */
export async function linkAssignment(deps: AppDeps, launch: VerifiedLaunch, courseId: string, launched: LaunchedResource): Promise<AssignmentRow | undefined> {
  const resourceLink = launch.claims[CLAIM.resourceLink];
  if (!resourceLink) return undefined;
  const now = deps.clock.now();
  const { id, title } = launched.kind === 'lab' ? launched.registered.lab : launched.registered.exam;
  const assignment = await insertAssignment(deps.db, { id: deps.ids.next(), courseId, kind: launched.kind, refId: id, title, createdAt: now, updatedAt: now });
  const link = await insertLtiResourceLink(deps.db, { platformId: launch.platform.id, resourceLinkId: resourceLink.id, assignmentId: assignment.id, createdAt: now });
  return link.assignmentId === assignment.id ? assignment : findAssignment(deps.db, link.assignmentId);
}
