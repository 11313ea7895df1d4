import { describe, expect, it } from 'vitest';
import { formatQuizAnswer, readQuizPicks, togglePick } from './quiz-answer-text.ts';

describe('readQuizPicks', () => {
  it.each([
    { name: 'the starter', text: 'answers:\n  one: []\n  many: []\n', picks: { one: [], many: [] } },
    { name: 'written yaml', text: 'answers:\n  one: [a]\n  many: [x, y]\n', picks: { one: ['a'], many: ['x', 'y'] } },
    { name: 'json', text: '{ "answers": { "one": ["a"] } }', picks: { one: ['a'] } },
    { name: 'hand-written yaml lists', text: 'answers:\n  one:\n    - a\n', picks: undefined },
    { name: 'nothing', text: '', picks: undefined },
  ])('$name', ({ text, picks }) => {
    expect(readQuizPicks(text)).toEqual(picks);
  });
});

describe('formatQuizAnswer and togglePick', () => {
  it.each([
    { name: 'a radio replaces', multiple: false, before: { one: ['a'] } as Record<string, string[]>, option: 'b', after: 'answers:\n  one: [b]\n  many: []\n' },
    { name: 'a checkbox adds', multiple: true, before: { many: ['x'] }, option: 'y', after: 'answers:\n  one: []\n  many: [x, y]\n' },
    { name: 'a checkbox removes', multiple: true, before: { many: ['x', 'y'] }, option: 'x', after: 'answers:\n  one: []\n  many: [y]\n' },
  ])('$name', ({ multiple, before, option, after }) => {
    const question = multiple ? 'many' : 'one';
    const text = formatQuizAnswer(['one', 'many'], togglePick(before, question, option, multiple));
    expect(text).toBe(after);
    expect(readQuizPicks(text)).toEqual(readQuizPicks(after));
  });
});
