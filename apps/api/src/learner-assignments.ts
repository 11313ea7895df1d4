import { listAssignmentAttempts, listAssignmentSubmissionScores, listLearnerAssignments } from '@skylab/db';
import type { LearnerAssignmentView } from '@skylab/validation';
import { assignmentView } from './course-views.ts';
import type { AppDeps } from './deps.ts';
import { gradebookCells } from './gradebook.ts';

/** What is due for a learner: every assignment of the courses they learn in, soonest due first, with how they stand. */
export async function learnerAssignments(deps: AppDeps, userId: string): Promise<LearnerAssignmentView[]> {
  const [rows, attempts, scores] = await Promise.all([
    listLearnerAssignments(deps.db, userId),
    listAssignmentAttempts(deps.db, { userId }),
    listAssignmentSubmissionScores(deps.db, { userId }),
  ]);
  const now = deps.clock.now();
  const cells = gradebookCells(
    rows.map((row) => row.assignment),
    attempts,
    scores,
  );
  return rows.map(({ assignment, courseTitle }, i) => {
    const cell = cells[i];
    const pastDue = assignment.dueAt !== null && now > assignment.dueAt;
    const state = assignment.opensAt !== null && now < assignment.opensAt ? 'upcoming' : !pastDue ? 'open' : assignment.latePolicy === 'refuse' ? 'closed' : 'overdue';
    const latest = attempts.filter((a) => a.assignmentId === assignment.id).at(-1);
    return {
      ...assignmentView(assignment),
      courseTitle,
      state,
      attempts: cell?.attempts ?? 0,
      bestScore: cell?.bestScore ?? null,
      completed: cell?.completed ?? false,
      late: cell?.late ?? false,
      latestAttemptId: latest?.id ?? null,
    };
  });
}
