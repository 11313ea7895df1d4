import type { ExamResult, RegradeDiff } from './types.ts';

function summary(result: ExamResult): RegradeDiff['before'] {
  return { points: result.points, maxPoints: result.maxPoints, percent: result.percent, passed: result.passed };
}

/**
 * What a regrade changed: every item whose points, maximum or status differ (voiding one is a change), and the
 * totals before and after. Items are matched by id, so the record reads the same whatever order they came in.
 */
export function regradeDiff(before: ExamResult, after: ExamResult): RegradeDiff {
  const old = new Map(before.items.map((item) => [item.id, item]));
  const changed = after.items.flatMap((item) => {
    const was = old.get(item.id);
    if (was !== undefined && was.points === item.points && was.maxPoints === item.maxPoints && was.status === item.status) return [];
    const then = was ?? { points: 0, maxPoints: 0, status: 'unanswered' as const };
    return [{ id: item.id, before: { points: then.points, maxPoints: then.maxPoints, status: then.status }, after: { points: item.points, maxPoints: item.maxPoints, status: item.status } }];
  });
  return { changed, before: summary(before), after: summary(after) };
}
