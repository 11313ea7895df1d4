import type { ExamSettings } from '@skylab/validation';

/**
 * Whether a learner may see their result, the key and the rationale. `submitted` is true once the attempt is
 * over (submitted or timed out); `now` is the server's clock in milliseconds. `after-close` waits for the
 * availability window to close (the schema requires `closes` for it), so no learner sees the key while others
 * can still start.
 */
export function feedbackReleased(settings: ExamSettings, state: { submitted: boolean; now: number }): boolean {
  if (settings.feedbackRelease === 'never') return false;
  if (settings.feedbackRelease === 'after-submit') return state.submitted;
  const closes = settings.availability.closes;
  return closes !== undefined && state.now >= Date.parse(closes);
}
