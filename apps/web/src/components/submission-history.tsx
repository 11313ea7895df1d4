import type { Submission } from '../api/types.ts';
import { formatDateTime, formatPercent } from '../lib/format.ts';

interface SubmissionHistoryProps {
  submissions: Submission[];
  selectedId: string | null;
  onSelect: (id: string) => void;
  onRestore: (submission: Submission) => void;
}

/** Every submission of the attempt, newest first; one is shown in detail, any can be copied back into the editor. */
export function SubmissionHistory({ submissions, selectedId, onSelect, onRestore }: SubmissionHistoryProps) {
  const newestFirst = submissions.map((submission, index) => ({ submission, number: index + 1 })).reverse();
  return (
    <ol class="history" reversed aria-label="Submissions, newest first">
      {newestFirst.map(({ submission, number }) => (
        <li key={submission.id} class={submission.id === selectedId ? 'history-item history-item-selected' : 'history-item'}>
          <button type="button" class="history-select" aria-pressed={submission.id === selectedId} onClick={() => onSelect(submission.id)}>
            <span class="history-number">#{number}</span>
            <span class="history-score">{formatPercent(submission.grade.score)}</span>
            <span class="history-time">{formatDateTime(submission.createdAt)}</span>
          </button>
          <button type="button" class="link-button small" onClick={() => onRestore(submission)}>
            Load into editor<span class="visually-hidden"> (submission {number})</span>
          </button>
        </li>
      ))}
    </ol>
  );
}
