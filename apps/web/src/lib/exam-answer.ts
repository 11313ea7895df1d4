import type { ExamItem, ExamItemAnswer } from '../api/exam-types.ts';

/** Whether an answer says anything: an empty pick list, order or text counts as unanswered. */
export function isAnswered(answer: ExamItemAnswer | undefined): boolean {
  if (answer === undefined) return false;
  if ('picks' in answer) return answer.picks.length > 0;
  if ('order' in answer) return answer.order.length > 0;
  if ('pairs' in answer) return Object.keys(answer.pairs).length > 0;
  return answer.text.trim() !== '';
}

/** A single-choice pick replaces the last; a multiple-choice pick toggles. */
export function togglePick(picks: readonly string[], optionId: string, multiple: boolean): string[] {
  if (!multiple) return [optionId];
  return picks.includes(optionId) ? picks.filter((id) => id !== optionId) : [...picks, optionId];
}

/** The order with the step at `index` moved by `delta` places (kept inside the list). */
export function moveStep(order: readonly string[], index: number, delta: -1 | 1): string[] {
  const target = index + delta;
  if (index < 0 || index >= order.length || target < 0 || target >= order.length) return [...order];
  const next = [...order];
  [next[index], next[target]] = [next[target]!, next[index]!];
  return next;
}

/** The order an ordering item starts from: the saved one, else the steps as the paper shows them. */
export function currentOrder(item: Extract<ExamItem, { kind: 'ordering' }>, answer: ExamItemAnswer | undefined): string[] {
  return answer !== undefined && 'order' in answer && answer.order.length === item.steps.length ? answer.order : item.steps.map((step) => step.id);
}

/** `1:05:09`, `4:07` or `0:00`: what is left, never negative. */
export function formatRemaining(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = String(total % 60).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${seconds}` : `${minutes}:${seconds}`;
}
