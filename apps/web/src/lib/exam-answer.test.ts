import { describe, expect, it } from 'vitest';
import { currentOrder, formatRemaining, isAnswered, moveStep, togglePick } from './exam-answer.ts';

describe('exam answers in the page', () => {
  it.each([
    [undefined, false],
    [{ picks: [] }, false],
    [{ picks: ['a'] }, true],
    [{ order: ['a', 'b'] }, true],
    [{ pairs: {} }, false],
    [{ pairs: { p: 't' } }, true],
    [{ text: '  \n' }, false],
    [{ text: '{}' }, true],
  ] as const)('%j is answered: %s', (answer, answered) => {
    expect(isAnswered(answer as Parameters<typeof isAnswered>[0])).toBe(answered);
  });

  it('picks one option of a single-choice item and toggles those of a multiple-choice one', () => {
    expect(togglePick(['a'], 'b', false)).toEqual(['b']);
    expect(togglePick(['a'], 'b', true)).toEqual(['a', 'b']);
    expect(togglePick(['a', 'b'], 'a', true)).toEqual(['b']);
  });

  it('moves a step within the list and never out of it', () => {
    expect(moveStep(['a', 'b', 'c'], 1, -1)).toEqual(['b', 'a', 'c']);
    expect(moveStep(['a', 'b', 'c'], 1, 1)).toEqual(['a', 'c', 'b']);
    expect(moveStep(['a', 'b', 'c'], 0, -1)).toEqual(['a', 'b', 'c']);
    expect(moveStep(['a', 'b', 'c'], 2, 1)).toEqual(['a', 'b', 'c']);
  });

  it('starts an ordering item from its saved order when it is complete', () => {
    const item = { kind: 'ordering', steps: [{ id: 'x', text: 'X' }, { id: 'y', text: 'Y' }] } as Parameters<typeof currentOrder>[0];
    expect(currentOrder(item, undefined)).toEqual(['x', 'y']);
    expect(currentOrder(item, { order: ['y', 'x'] })).toEqual(['y', 'x']);
    expect(currentOrder(item, { order: ['y'] })).toEqual(['x', 'y']);
  });

  it.each([
    [0, '0:00'],
    [-5000, '0:00'],
    [1, '0:01'],
    [247_000, '4:07'],
    [3_909_000, '1:05:09'],
  ])('%i ms left reads %s', (ms, text) => {
    expect(formatRemaining(ms)).toBe(text);
  });
});
