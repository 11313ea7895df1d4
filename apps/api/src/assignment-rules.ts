import { findAssignment, findMembership, type AssignmentRow, type AttemptRow, type UserRow } from '@skylab/db';
import type { AppDeps } from './deps.ts';
import { ApiError, notFound } from './errors.ts';
import { iso } from './views.ts';

/**
 * The assignment an attempt at `labId` is started for: one of a course the user learns in, for this very
 * lab, open, and not past a `refuse` due date. Anything else about it is a 404, so ids cannot be probed.
 */
export async function assignmentToStart(deps: AppDeps, user: UserRow, labId: string, assignmentId: string): Promise<AssignmentRow> {
  const assignment = await findAssignment(deps.db, assignmentId);
  const membership = assignment && (await findMembership(deps.db, assignment.courseId, user.id));
  if (!assignment || membership?.role !== 'learner' || assignment.kind !== 'lab' || assignment.refId !== labId) {
    throw notFound(`there is no assignment \`${assignmentId}\` of the lab \`${labId}\` for you`);
  }
  const now = deps.clock.now();
  if (assignment.opensAt !== null && now < assignment.opensAt) throw new ApiError(409, 'assignment_not_open', `the assignment opens at ${iso(assignment.opensAt)}`);
  assertNotRefusedLate(assignment, now);
  return assignment;
}

function assertNotRefusedLate(assignment: AssignmentRow, now: number) {
  if (assignment.latePolicy === 'refuse' && assignment.dueAt !== null && now > assignment.dueAt) {
    throw new ApiError(409, 'assignment_closed', `the assignment was due at ${iso(assignment.dueAt)} and takes no late work`);
  }
}

/** The assignment an attempt was started for, if it still exists. */
export async function attemptAssignment(deps: AppDeps, attempt: Pick<AttemptRow, 'assignmentId'>): Promise<AssignmentRow | undefined> {
  return attempt.assignmentId === null ? undefined : findAssignment(deps.db, attempt.assignmentId);
}

/** Submissions to an attempt for a `refuse` assignment stop at its due date. */
export async function assertAssignmentTakesSubmissions(deps: AppDeps, attempt: Pick<AttemptRow, 'assignmentId'>): Promise<void> {
  const assignment = await attemptAssignment(deps, attempt);
  if (assignment) assertNotRefusedLate(assignment, deps.clock.now());
}

/**
 * Whether the due date of the attempt's assignment has passed, which releases `after-due-date` feedback.
 * An attempt made outside an assignment (or whose assignment has no due date, or was deleted) has none.
 */
export async function pastDueDate(deps: AppDeps, attempt: Pick<AttemptRow, 'assignmentId'>): Promise<boolean> {
  const assignment = await attemptAssignment(deps, attempt);
  return assignment?.dueAt !== null && assignment?.dueAt !== undefined && assignment.dueAt <= deps.clock.now();
}
