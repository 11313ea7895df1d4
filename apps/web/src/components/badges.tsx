import type { LabSummary } from '../api/types.ts';
import { formatMinutes, formatPercent } from '../lib/format.ts';

function DifficultyBadge({ difficulty }: { difficulty: LabSummary['difficulty'] }) {
  return (
    <span class={`badge badge-${difficulty}`}>
      <span class="visually-hidden">Difficulty: </span>
      {difficulty}
    </span>
  );
}

export function LabMeta({ lab }: { lab: LabSummary }) {
  return (
    <ul class="lab-meta" aria-label="About this lab">
      <li><DifficultyBadge difficulty={lab.difficulty} /></li>
      <li><span class="visually-hidden">Estimated time: </span>{formatMinutes(lab.estimatedMinutes)}</li>
      {lab.tags.map((tag) => (
        <li key={tag} class="tag">{tag}</li>
      ))}
    </ul>
  );
}

export function CompletedBadge() {
  return (
    <span class="badge badge-completed">
      <span aria-hidden="true">✓ </span>Completed
    </span>
  );
}

export function ScoreBadge({ score, label = 'Best score' }: { score: number | null; label?: string }) {
  return (
    <span class="score-badge">
      {label}: <strong>{score === null ? '—' : formatPercent(score)}</strong>
    </span>
  );
}
