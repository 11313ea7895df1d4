import { describe, expect, it } from 'vitest';
import { examAnswersSchema, MAX_EXAM_ANSWERS } from './answers.ts';

describe('examAnswersSchema', () => {
  it.each([
    ['one answer of each shape', { a: { picks: ['x'] }, b: { order: ['s', 't'] }, c: { pairs: { p: 'x' } }, d: { text: '{}' } }, []],
    ['an answer with two shapes', { a: { picks: ['x'], order: ['s'] } }, ['an answer is `{ picks }`, `{ order }`, `{ pairs }` or `{ text }`']],
    ['a pick that is no string', { a: { picks: [1] } }, ['an answer is `{ picks }`, `{ order }`, `{ pairs }` or `{ text }`']],
    ['too many answers', Object.fromEntries(Array.from({ length: MAX_EXAM_ANSWERS + 1 }, (_, i) => [`item-${i}`, { picks: [] }])), [`answers may cover at most ${MAX_EXAM_ANSWERS} items`]],
  ])('%s', (_name, answers, errors) => {
    const parsed = examAnswersSchema.safeParse(answers);
    expect(parsed.success ? [] : parsed.error.issues.map((i) => i.message)).toEqual(errors);
  });
});
