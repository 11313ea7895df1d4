import { describe, expect, it } from 'vitest';
import { gradeQuestion } from './grade-question.ts';
import type { ExamItemAnswer, PaperChoiceItem, PaperMatchingItem, PaperOrderingItem } from './types.ts';

const base = { section: 's', domain: 'd', stem: 'Q?', exhibits: [], learnMore: 'https://docs.aws.amazon.com/', rationale: {} };
const single: PaperChoiceItem = { ...base, id: 'single', kind: 'single-choice', points: 1, partialCredit: 'all-or-nothing', options: [{ id: 'a', text: 'A' }, { id: 'b', text: 'B' }], key: ['a'] };
const multiple = (partialCredit: PaperChoiceItem['partialCredit']): PaperChoiceItem => ({
  ...base, id: 'multiple', kind: 'multiple-choice', points: 3, partialCredit, options: ['a', 'b', 'c', 'd', 'e'].map((id) => ({ id, text: id })), key: ['a', 'b', 'c'],
});
const ordering = (partialCredit: PaperOrderingItem['partialCredit']): PaperOrderingItem => ({
  ...base, id: 'ordering', kind: 'ordering', points: 4, partialCredit, steps: ['d', 'c', 'b', 'a'].map((id) => ({ id, text: id })), key: ['a', 'b', 'c', 'd'],
});
const matching = (partialCredit: PaperMatchingItem['partialCredit']): PaperMatchingItem => ({
  ...base, id: 'matching', kind: 'matching', points: 2, partialCredit, prompts: [{ id: 'p', text: 'P' }, { id: 'q', text: 'Q' }], targets: [{ id: 'x', text: 'X' }, { id: 'y', text: 'Y' }], key: { p: 'x', q: 'y' },
});

type Case = [string, PaperChoiceItem | PaperOrderingItem | PaperMatchingItem, ExamItemAnswer | undefined, number, string];

describe('gradeQuestion', () => {
  it.each<Case>([
    ['single choice, the key', single, { picks: ['a'] }, 1, 'correct'],
    ['single choice, another option', single, { picks: ['b'] }, 0, 'incorrect'],
    ['single choice, both options', single, { picks: ['a', 'b'] }, 0, 'incorrect'],
    ['single choice, no answer', single, undefined, 0, 'unanswered'],
    ['single choice, nothing picked', single, { picks: [] }, 0, 'unanswered'],
    ['single choice, an ordering answer', single, { order: ['a'] }, 0, 'unanswered'],
    ['all or nothing, two of three', multiple('all-or-nothing'), { picks: ['a', 'b'] }, 0, 'incorrect'],
    ['all or nothing, the key in another order', multiple('all-or-nothing'), { picks: ['c', 'a', 'b'] }, 3, 'correct'],
    ['all or nothing, the key and one more', multiple('all-or-nothing'), { picks: ['a', 'b', 'c', 'd'] }, 0, 'incorrect'],
    ['per option, two of three', multiple('per-option'), { picks: ['a', 'b'] }, 2, 'partial'],
    ['per option, the key and one wrong', multiple('per-option'), { picks: ['a', 'b', 'c', 'd'] }, 2, 'partial'],
    ['per option, one right and one wrong', multiple('per-option'), { picks: ['a', 'e'] }, 0, 'incorrect'],
    ['per option, every option: never below 0', multiple('per-option'), { picks: ['a', 'd', 'e', 'b'] }, 0, 'incorrect'],
    ['per option, a pick twice counts once', multiple('per-option'), { picks: ['a', 'a'] }, 1, 'partial'],
    ['per option, one right', multiple('per-option'), { picks: ['c'] }, 1, 'partial'],
    ['ordering all or nothing, the key', ordering('all-or-nothing'), { order: ['a', 'b', 'c', 'd'] }, 4, 'correct'],
    ['ordering all or nothing, two swapped', ordering('all-or-nothing'), { order: ['b', 'a', 'c', 'd'] }, 0, 'incorrect'],
    ['per position, two swapped', ordering('per-position'), { order: ['b', 'a', 'c', 'd'] }, 2, 'partial'],
    ['per position, shifted by one: nothing in place', ordering('per-position'), { order: ['d', 'a', 'b', 'c'] }, 0, 'incorrect'],
    ['per position, the first two only', ordering('per-position'), { order: ['a', 'b'] }, 2, 'partial'],
    ['all or nothing, a key prefix', ordering('all-or-nothing'), { order: ['a', 'b', 'c'] }, 0, 'incorrect'],
    ['matching all or nothing, the key', matching('all-or-nothing'), { pairs: { p: 'x', q: 'y' } }, 2, 'correct'],
    ['matching all or nothing, one pair', matching('all-or-nothing'), { pairs: { p: 'x' } }, 0, 'incorrect'],
    ['per pair, one pair', matching('per-pair'), { pairs: { p: 'x', q: 'x' } }, 1, 'partial'],
    ['per pair, crossed', matching('per-pair'), { pairs: { p: 'y', q: 'x' } }, 0, 'incorrect'],
    ['per pair, no pairs', matching('per-pair'), { pairs: {} }, 0, 'unanswered'],
  ])('%s', (_name, item, answer, points, status) => {
    expect(gradeQuestion(item, answer)).toEqual({ id: item.id, kind: item.kind, domain: 'd', points, maxPoints: item.points, status });
  });

  it('rounds a third of a point to four decimals', () => {
    const item = { ...multiple('per-option'), points: 1 };
    expect(gradeQuestion(item, { picks: ['a'] }).points).toBe(0.3333);
  });
});
