import type { CheckResult, Grade, WithheldCheck } from '../api/types.ts';
import { explanationMarkdown } from '../lib/explanation-text.ts';
import { formatDeduction, formatPercent, formatPoints } from '../lib/format.ts';
import { CheckVisualView } from './check-visual.tsx';
import { InlineMarkdown, MarkdownView } from './markdown-view.tsx';
import { MisconceptionList } from './misconception-list.tsx';

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
            {check.visual === undefined ? null : <CheckVisualView visual={check.visual} />}
            <MarkdownView source={explanationMarkdown(check.explanation)} headingOffset={3} />
          </details>
        )}
        {check.misconceptions.length === 0 ? null : <MisconceptionList tags={check.misconceptions} />}
      </div>
    </li>
  );
}

/** A check whose feedback is not released yet: its title and weight only, no status either way. */
function WithheldItem({ check }: { check: WithheldCheck }) {
  return (
    <li class="check check-withheld" data-check-id={check.id}>
      <span class="check-icon" aria-hidden="true">?</span>
      <div class="check-body">
        <p class="check-heading">
          <span class="check-title"><InlineMarkdown text={check.title} /></span>
          <span class="check-points">{check.maxPoints} {check.maxPoints === 1 ? 'point' : 'points'}</span>
        </p>
        <p class="check-notice muted">{check.notice}</p>
      </div>
    </li>
  );
}

const isWithheld = (check: CheckResult | WithheldCheck): check is WithheldCheck => 'withheld' in check;

function verdict(grade: Grade, released: CheckResult[], withheld: number): string {
  if (grade.score >= 1) return 'All checks passed — lab complete';
  const allPassed = withheld === 0 && released.every((check) => check.status === 'pass');
  return allPassed && grade.hintPenalty > 0 ? 'All checks passed, less the hints you revealed' : 'Not there yet';
}

export function GradeReport({ grade }: { grade: Grade }) {
  const percent = formatPercent(grade.score);
  const released = grade.checks.filter((check): check is CheckResult => !isWithheld(check));
  const withheld = grade.checks.length - released.length;
  const passed = released.filter((check) => check.status === 'pass').length;
  const complete = grade.score >= 1;
  const hintNumbers = grade.revealedHints.map((hint) => hint.index + 1).join(', ');
  return (
    <div class="grade stack" data-testid="grade">
      <div class={complete ? 'grade-summary grade-summary-complete' : 'grade-summary'}>
        <p class="grade-score" data-testid="grade-score">{percent}</p>
        <div class="grade-summary-text">
          <p class="grade-verdict">{verdict(grade, released, withheld)}</p>
          <p class="muted">
            {formatPoints(grade.points, grade.maxPoints)} · {passed} of {grade.checks.length} checks passed
            {withheld === 0 ? null : ` · ${withheld} awaiting release`}
          </p>
          {grade.revealedHints.length === 0 ? null : (
            <p class="grade-penalty" data-testid="hint-penalty">
              {formatDeduction(grade.hintPenalty)} for {grade.revealedHints.length === 1 ? 'hint' : 'hints'} {hintNumbers}
              {grade.hintPenalty < grade.revealedHints.reduce((sum, hint) => sum + hint.cost, 0) ? ' (never below 0 points)' : ''}
            </p>
          )}
          <div class="meter" role="meter" aria-label="Score" aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.floor(grade.score * 100 + 1e-9)} aria-valuetext={percent}>
            <div class="meter-fill" style={{ width: percent }} />
          </div>
        </div>
      </div>
      <ul class="checks" aria-label="Checks">
        {grade.checks.map((check) => (isWithheld(check) ? <WithheldItem key={check.id} check={check} /> : <CheckItem key={check.id} check={check} />))}
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
