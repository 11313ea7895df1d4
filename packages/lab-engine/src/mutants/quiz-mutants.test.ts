import { describe, expect, it } from 'vitest';
import { QUIZ_TASK } from '../quiz-task.fixture.ts';
import { quizMutants } from './quiz-mutants.ts';

describe('quizMutants', () => {
  it('drops each pick and adds each other option (swaps it in for a single choice)', () => {
    const mutants = quizMutants(QUIZ_TASK, 'answers:\n  one: [a]\n  many: [x, y]\n');
    expect(mutants.map((m) => [m.description, JSON.parse(m.answer).answers])).toEqual([
      ['question `one`: `a` dropped', { one: [], many: ['x', 'y'] }],
      ['question `one`: `b` picked instead', { one: ['b'], many: ['x', 'y'] }],
      ['question `one`: `c` picked instead', { one: ['c'], many: ['x', 'y'] }],
      ['question `many`: `x` dropped', { one: ['a'], many: ['y'] }],
      ['question `many`: `y` dropped', { one: ['a'], many: ['x'] }],
      ['question `many`: `z` added', { one: ['a'], many: ['x', 'y', 'z'] }],
    ]);
    expect(mutants.every((m) => m.task === 'pick')).toBe(true);
  });

  it('makes none from an answer that does not parse', () => {
    expect(quizMutants(QUIZ_TASK, 'answers: [')).toEqual([]);
  });
});
