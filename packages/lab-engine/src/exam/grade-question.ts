import type { ExamItemAnswer } from '@skylab/validation';
import type { ItemResult, PaperChoiceItem, PaperMatchingItem, PaperOrderingItem } from './types.ts';

type Question = PaperChoiceItem | PaperOrderingItem | PaperMatchingItem;

/** The points of a share of an item, rounded to 1/10000 so sums of shares never drift below the total by float error. */
export function share(points: number, fraction: number): number {
  return Math.round(points * Math.min(1, Math.max(0, fraction)) * 10000) / 10000;
}

/** The share of a choice item: all or nothing, or per option (right picks earn, wrong picks take off; never below 0). */
function choiceFraction(item: PaperChoiceItem, picks: ReadonlySet<string>): number {
  const key = new Set(item.key);
  const right = [...picks].filter((p) => key.has(p)).length;
  const wrong = picks.size - right;
  if (item.partialCredit === 'per-option') return (right - wrong) / key.size;
  return right === key.size && wrong === 0 ? 1 : 0;
}

function orderingFraction(item: PaperOrderingItem, order: readonly string[]): number {
  const placed = item.key.filter((id, i) => order[i] === id).length;
  if (item.partialCredit === 'per-position') return placed / item.key.length;
  return placed === item.key.length && order.length === item.key.length ? 1 : 0;
}

function matchingFraction(item: PaperMatchingItem, pairs: Readonly<Record<string, string>>): number {
  const prompts = Object.keys(item.key);
  const right = prompts.filter((p) => Object.hasOwn(pairs, p) && pairs[p] === item.key[p]).length;
  if (item.partialCredit === 'per-pair') return right / prompts.length;
  return right === prompts.length ? 1 : 0;
}

/** The share an answer earns, or `undefined` when it answers nothing (no pick, no step, no pair, or another item kind's shape). */
function fractionOf(item: Question, answer: ExamItemAnswer | undefined): number | undefined {
  if (answer === undefined) return undefined;
  if (item.kind === 'ordering') return 'order' in answer && answer.order.length > 0 ? orderingFraction(item, answer.order) : undefined;
  if (item.kind === 'matching') return 'pairs' in answer && Object.keys(answer.pairs).length > 0 ? matchingFraction(item, answer.pairs) : undefined;
  return 'picks' in answer && answer.picks.length > 0 ? choiceFraction(item, new Set(answer.picks)) : undefined;
}

/** Grades a scenario question by the partial-credit rule its paper item carries. */
export function gradeQuestion(item: Question, answer: ExamItemAnswer | undefined): ItemResult {
  const base = { id: item.id, kind: item.kind, domain: item.domain, maxPoints: item.points };
  const fraction = fractionOf(item, answer);
  if (fraction === undefined) return { ...base, points: 0, status: 'unanswered' };
  const points = share(item.points, fraction);
  return { ...base, points, status: points >= item.points ? 'correct' : points > 0 ? 'partial' : 'incorrect' };
}
