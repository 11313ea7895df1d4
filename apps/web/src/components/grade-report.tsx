import type { CheckResult, Grade } from '../api/types.ts';
import { formatPercent, formatPoints } from '../lib/format.ts';
import { InlineMarkdown, MarkdownView } from './markdown-view.tsx';

const STATUS: Record<CheckResult['status'], { icon: string; label: string }> = {
  pass: { icon: '✓', label: 'Passed' },
  fail: { icon: '✗', label: 'Failed' },
  error: { icon: '!', label: 'Could not run' },
};

function CheckItem({ check }: { check: CheckResult }) {
  const status = STATUS[check.status];
  return (
    <li class={`check check-${check.status}`} data-check-id={check.id}>
      <span class="check-icon" aria-hidden="true">{status.icon}</span>
      <div class="check-body">
        <p class="check-heading">
          <span class="check-title"><InlineMarkdown text={check.title} /></span>
          <span class="check-status">{status.label}</span>
          <span class="check-points">{formatPoints(check.points, check.maxPoints)}</span>
        </p>
        {check.message === '' ? null : <p class="check-message"><InlineMarkdown text={check.message} /></p>}
        {check.explanation === '' ? null : (
          // The simulator's reasoning matters most when a check fails; on a pass it is there on request.
          <details class="check-explanation" open={check.status !== 'pass'}>
            <summary>How the simulator decided</summary>
            <MarkdownView source={check.explanation} headingOffset={3} />
          </details>
        )}
        {check.misconceptions.length === 0 ? null : (
          <ul class="misconceptions" aria-label="Possible misconceptions">
            {check.misconceptions.map((tag) => (
              <li key={tag} class="tag tag-misconception">{tag}</li>
            ))}
          </ul>
        )}
      </div>
    </li>
  );
}

export function GradeReport({ grade }: { grade: Grade }) {
  const percent = formatPercent(grade.score);
  const passed = grade.checks.filter((check) => check.status === 'pass').length;
  const complete = grade.score >= 1;
  return (
    <div class="grade stack" data-testid="grade">
      <div class={complete ? 'grade-summary grade-summary-complete' : 'grade-summary'}>
        <p class="grade-score" data-testid="grade-score">{percent}</p>
        <div class="grade-summary-text">
          <p class="grade-verdict">{complete ? 'All checks passed — lab complete' : 'Not there yet'}</p>
          <p class="muted">
            {formatPoints(grade.points, grade.maxPoints)} · {passed} of {grade.checks.length} checks passed
          </p>
          <div class="meter" role="meter" aria-label="Score" aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.floor(grade.score * 100 + 1e-9)} aria-valuetext={percent}>
            <div class="meter-fill" style={{ width: percent }} />
          </div>
        </div>
      </div>
      <ul class="checks" aria-label="Checks">
        {grade.checks.map((check) => (
          <CheckItem key={check.id} check={check} />
        ))}
      </ul>
      {grade.unsupported.length === 0 ? null : (
        <div class="notice notice-warning">
          <p class="notice-title">Not evaluated</p>
          <p>The emulator does not model these parts of your answer, so they did not count either way:</p>
          <ul>
            {grade.unsupported.map((item) => (
              <li key={item}><InlineMarkdown text={item} /></li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
