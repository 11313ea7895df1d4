import type { Finding } from '../api/types.ts';
import { liveFindingsSummary } from '../lib/live-lint.ts';
import { FindingsList } from './findings-list.tsx';

interface LiveFindingsProps {
  id: string;
  /** `null` while the validation code loads. */
  findings: Finding[] | null;
  onReveal: (line: number) => void;
}

/**
 * The editor's findings as the learner types. The region is polite, but only the summary speaks: it
 * changes when the set of findings does, while the list below it (whose positions move with every line
 * typed above a finding) is kept silent.
 */
export function LiveFindings({ id, findings, onReveal }: LiveFindingsProps) {
  // Identical text leaves the DOM untouched, so re-renders while typing announce nothing.
  const summary = findings === null ? '' : liveFindingsSummary(findings);
  return (
    <section class="live-findings stack-tight" aria-labelledby={`${id}-title`} data-testid="live-findings">
      <h3 id={`${id}-title`} class="live-findings-title">As you type</h3>
      <div aria-live="polite">
        <p class="visually-hidden">{summary}</p>
        <div aria-live="off">
          {findings === null ? (
            <p class="muted small">Checking your answer…</p>
          ) : findings.length === 0 ? (
            <p class="muted small">No problems found so far. Grading still runs every check when you submit.</p>
          ) : (
            <FindingsList findings={findings} onReveal={onReveal} />
          )}
        </div>
      </div>
    </section>
  );
}
