import type { LearnerAssignmentView } from '@skylab/validation';
import { useState } from 'preact/hooks';
import { api } from '../api/client.ts';
import { formatDateTime, formatPercent } from '../lib/format.ts';
import { paths } from '../lib/routes.ts';
import { Link, navigate } from '../router.tsx';
import { CompletedBadge } from './badges.tsx';
import { ErrorMessage } from './error-message.tsx';

const STATE_LABEL: Record<LearnerAssignmentView['state'], string> = { upcoming: 'Opens later', open: 'Open', overdue: 'Overdue', closed: 'Closed' };

function StartButton({ assignment }: { assignment: LearnerAssignmentView }) {
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  if (assignment.kind !== 'lab' || assignment.state === 'upcoming' || assignment.state === 'closed') return null;
  if (assignment.latestAttemptId !== null) {
    return (
      <Link href={paths.attempt(assignment.latestAttemptId)} class="button button-small">
        Continue<span class="visually-hidden"> {assignment.title}</span>
      </Link>
    );
  }
  const start = async () => {
    setBusy(true);
    try {
      const attempt = await api.startAssignment(assignment.refId, assignment.id);
      navigate(paths.attempt(attempt.id));
    } catch (caught) {
      setError(caught);
      setBusy(false);
    }
  };
  return (
    <>
      <button type="button" class="button button-small" onClick={start} disabled={busy}>
        Start<span class="visually-hidden"> {assignment.title}</span>
      </button>
      {error === null ? null : <ErrorMessage error={error} title="Could not start the assignment" />}
    </>
  );
}

/** What is due for the signed-in learner, soonest first, with a way to start or carry on. */
export function DueAssignments({ assignments }: { assignments: LearnerAssignmentView[] }) {
  if (assignments.length === 0) return <p class="muted">Nothing is assigned to you.</p>;
  return (
    <ul class="attempt-list" aria-label="Assignments">
      {assignments.map((assignment) => (
        <li key={assignment.id} class="attempt-row" data-assignment-id={assignment.id}>
          <div>
            <strong>{assignment.title}</strong> <span class="muted">· {assignment.courseTitle}</span>
            <div class="attempt-row-meta">
              <span class="tag">{STATE_LABEL[assignment.state]}</span>
              <span>{assignment.dueAt === null ? 'no due date' : `due ${formatDateTime(assignment.dueAt)}`}</span>
              {assignment.bestScore === null ? null : <span data-testid="assignment-score">best {formatPercent(assignment.bestScore)}</span>}
              {assignment.completed ? <CompletedBadge /> : null}
              {assignment.late ? <span class="tag">late</span> : null}
            </div>
          </div>
          <StartButton assignment={assignment} />
        </li>
      ))}
    </ul>
  );
}
