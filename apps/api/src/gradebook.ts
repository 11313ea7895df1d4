import type { AssignmentRow, AttemptRecord, SubmissionScore } from '@skylab/db';
import type { GradebookCell } from '@skylab/validation';

const DAY_MS = 24 * 60 * 60 * 1000;

/** A submission's score under the assignment's late policy: `null` when the policy refuses it. */
export function scoreUnderPolicy(assignment: Pick<AssignmentRow, 'dueAt' | 'latePolicy' | 'latePenaltyPercentPerDay'>, submission: SubmissionScore): number | null {
  const { dueAt } = assignment;
  if (dueAt === null || submission.createdAt <= dueAt || assignment.latePolicy === 'accept') return submission.score;
  if (assignment.latePolicy === 'refuse') return null;
  // Each started day late takes the percentage off the score, down to 0.
  const days = Math.ceil((submission.createdAt - dueAt) / DAY_MS);
  return Math.max(0, submission.score * (1 - ((assignment.latePenaltyPercentPerDay ?? 0) / 100) * days));
}

/** The cell of each assignment for one learner, from that learner's attempts and their submissions. */
export function gradebookCells(assignments: readonly AssignmentRow[], attempts: readonly AttemptRecord[], scores: readonly SubmissionScore[]): GradebookCell[] {
  const byAttempt = new Map<string, SubmissionScore[]>();
  for (const score of scores) {
    const list = byAttempt.get(score.attemptId);
    if (list) list.push(score);
    else byAttempt.set(score.attemptId, [score]);
  }
  return assignments.map((assignment) => {
    const mine = attempts.filter((a) => a.assignmentId === assignment.id);
    let best: { score: number; late: boolean } | null = null;
    for (const submission of mine.flatMap((a) => byAttempt.get(a.id) ?? [])) {
      const score = scoreUnderPolicy(assignment, submission);
      if (score !== null && (best === null || score > best.score)) best = { score, late: assignment.dueAt !== null && submission.createdAt > assignment.dueAt };
    }
    return {
      assignmentId: assignment.id,
      attempts: mine.length,
      bestScore: best?.score ?? null,
      completed: mine.some((a) => a.status === 'completed'),
      late: best?.late ?? false,
      timeSpentMs: mine.reduce((sum, a) => sum + (a.updatedAt - a.createdAt), 0),
    };
  });
}
