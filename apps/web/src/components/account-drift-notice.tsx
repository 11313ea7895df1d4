import { useState } from 'preact/hooks';
import { api, isApiError } from '../api/client.ts';
import type { Attempt, AccountDrift } from '../api/types.ts';
import { ErrorMessage } from './error-message.tsx';
import { InlineMarkdown } from './markdown-view.tsx';

interface AccountDriftNoticeProps {
  attempt: Attempt;
  drift: AccountDrift;
  onAttemptChange: (attempt: Attempt) => void;
}

/** What the learner changed in the attempt's AWS account (it never counts for the grade), and the way back. */
export function AccountDriftNotice({ attempt, drift, onAttemptChange }: AccountDriftNoticeProps) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);

  const reset = async () => {
    if (!window.confirm('Reset this attempt’s AWS account? Everything you changed through the AWS API is undone; your last submitted answers are put back.')) return;
    setBusy(true);
    setError(null);
    try {
      onAttemptChange(await api.resetAccount(attempt.id, attempt.version));
    } catch (failed) {
      // Someone (another tab, an AWS call) changed the attempt since it was loaded: show it as it is now.
      if (isApiError(failed, 'version_conflict')) onAttemptChange(await api.attempt(attempt.id));
      setError(failed);
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="notice notice-warning stack-tight" aria-labelledby="account-drift-heading" data-testid="account-drift">
      <h2 id="account-drift-heading" class="notice-title">Your AWS account differs from the lab’s</h2>
      <ul>
        {drift.changes.map((change) => (
          <li key={change.path.join('/') + change.message}>
            <InlineMarkdown text={change.message} />
          </li>
        ))}
      </ul>
      <p>This does not affect your grade: every submission is graded on a fresh copy of the lab’s account with your answers.</p>
      <p>
        <button type="button" class="button button-small" onClick={reset} disabled={busy}>
          {busy ? 'Resetting…' : 'Reset the account'}
        </button>
      </p>
      {error === null ? null : <ErrorMessage error={error} title="The account was not reset" />}
    </section>
  );
}
