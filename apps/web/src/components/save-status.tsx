import type { SaveState } from '../use-exam-autosave.ts';

/** "saved / saving / failed — retry" for the current item, announced politely as it changes. */
export function SaveStatus({ save, answered, onRetry }: { save: SaveState | undefined; answered: boolean; onRetry: () => void }) {
  const text = save === undefined ? (answered ? 'Saved' : 'Not answered yet') : save.state === 'saving' ? 'Saving…' : save.state === 'saved' ? 'Saved' : `Not saved: ${save.message}`;
  return (
    <p class={`exam-save small${save?.state === 'failed' ? ' exam-save-failed' : ''}`}>
      <span role="status" data-testid="save-status">
        {text}
      </span>
      {save?.state === 'failed' ? (
        <button type="button" class="link-button small" onClick={onRetry}>
          Retry
        </button>
      ) : null}
    </p>
  );
}
