import type { SaveState } from '../use-exam-autosave.ts';

export interface NavigatorEntry {
  id: string;
  number: number;
  answered: boolean;
  flagged: boolean;
  save: SaveState | undefined;
}

function entryLabel(entry: NavigatorEntry): string {
  const parts = [`Item ${entry.number}`, entry.answered ? 'answered' : 'not answered'];
  if (entry.flagged) parts.push('flagged for review');
  if (entry.save?.state === 'failed') parts.push('not saved');
  return parts.join(', ');
}

/** Every item of the paper as a button: answered, flagged, not saved; the current one is marked for assistive tech. */
export function ExamNavigator({ entries, current, onSelect }: { entries: NavigatorEntry[]; current: string; onSelect: (id: string) => void }) {
  const answered = entries.filter((entry) => entry.answered).length;
  const flagged = entries.filter((entry) => entry.flagged).length;
  return (
    <nav aria-label="Exam items" class="exam-navigator">
      <p class="small muted" data-testid="exam-progress">
        {answered} of {entries.length} answered{flagged > 0 ? ` · ${flagged} flagged` : ''}
      </p>
      <ol class="exam-nav-list">
        {entries.map((entry) => (
          <li key={entry.id}>
            <button
              type="button"
              class={['exam-nav-item', entry.answered ? 'is-answered' : '', entry.flagged ? 'is-flagged' : '', entry.save?.state === 'failed' ? 'is-failed' : ''].join(' ')}
              aria-current={entry.id === current ? 'step' : undefined}
              aria-label={entryLabel(entry)}
              onClick={() => onSelect(entry.id)}
            >
              {entry.number}
              {entry.flagged ? <span aria-hidden="true">⚑</span> : null}
            </button>
          </li>
        ))}
      </ol>
    </nav>
  );
}
