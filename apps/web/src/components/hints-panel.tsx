import { useEffect, useRef, useState } from 'preact/hooks';
import { api } from '../api/client.ts';
import type { Attempt, HintView } from '../api/types.ts';
import { formatDeduction } from '../lib/format.ts';
import { ErrorMessage } from './error-message.tsx';
import { MarkdownView } from './markdown-view.tsx';

interface HintsPanelProps {
  attemptId: string;
  hints: HintView[];
  onAttemptChange: (attempt: Attempt) => void;
}

interface HintItemProps {
  hint: HintView;
  number: number;
  attemptId: string;
  onAttemptChange: (attempt: Attempt) => void;
}

function HintItem({ hint, number, attemptId, onAttemptChange }: HintItemProps) {
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [justRevealed, setJustRevealed] = useState(false);
  const textRef = useRef<HTMLDivElement>(null);
  const confirmRef = useRef<HTMLButtonElement>(null);
  const deduction = formatDeduction(hint.cost);
  const pointsLabel = `${hint.cost} ${hint.cost === 1 ? 'point' : 'points'}`;

  // The button the learner pressed is replaced by the confirm step, and that by the text: focus follows, never lost.
  useEffect(() => {
    if (confirming) confirmRef.current?.focus();
  }, [confirming]);
  useEffect(() => {
    if (justRevealed && hint.revealed) textRef.current?.focus();
  }, [justRevealed, hint.revealed]);

  const reveal = async () => {
    setBusy(true);
    setError(null);
    try {
      const result = await api.revealHint(attemptId, hint.index);
      onAttemptChange(result.attempt);
      setConfirming(false);
      setJustRevealed(true);
    } catch (failed) {
      setError(failed);
    } finally {
      setBusy(false);
    }
  };

  return (
    <li class="hint" data-hint-index={hint.index}>
      <p class="hint-label">
        Hint {number}
        {hint.cost === 0 ? null : <span class="muted small"> · {hint.revealed ? 'cost' : 'costs'} {pointsLabel}</span>}
      </p>
      {/* A live region that exists before the text arrives, so screen readers announce the revealed hint. */}
      <div class="hint-text" aria-live="polite" tabIndex={-1} ref={textRef}>
        {hint.text === undefined ? null : <MarkdownView source={hint.text} headingOffset={3} />}
      </div>
      {hint.revealed ? null : confirming ? (
        <div class="hint-confirm" role="group" aria-label={`Reveal hint ${number}?`}>
          <p>Revealing this hint takes {pointsLabel} off every grade of this attempt from now on.</p>
          <div class="hint-actions">
            <button type="button" class="button" ref={confirmRef} onClick={reveal} disabled={busy}>
              {busy ? 'Revealing…' : `Yes, reveal it (${deduction})`}
            </button>
            <button type="button" class="link-button" onClick={() => setConfirming(false)} disabled={busy}>Cancel</button>
          </div>
        </div>
      ) : (
        <button type="button" class="button button-small" onClick={() => setConfirming(true)}>
          Reveal hint ({deduction})
        </button>
      )}
      {error === null ? null : <ErrorMessage error={error} title="The hint was not revealed" />}
    </li>
  );
}

/** The lab's hints: free ones shown, paid ones revealed on request after a confirm step. */
export function HintsPanel({ attemptId, hints, onAttemptChange }: HintsPanelProps) {
  if (hints.length === 0) return null;
  return (
    <section class="hints stack" aria-labelledby="hints-heading">
      <h2 id="hints-heading">Hints</h2>
      <ol class="hint-list">
        {hints.map((hint, position) => (
          <HintItem key={hint.index} hint={hint} number={position + 1} attemptId={attemptId} onAttemptChange={onAttemptChange} />
        ))}
      </ol>
    </section>
  );
}
