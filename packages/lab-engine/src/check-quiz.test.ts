import { describe, expect, it } from 'vitest';
import { gradeQuestion } from './check-quiz.ts';
import { QUIZ_TASK } from './quiz-task.fixture.ts';

const [ONE, MANY] = QUIZ_TASK.questions as [(typeof QUIZ_TASK.questions)[number], (typeof QUIZ_TASK.questions)[number]];

describe('gradeQuestion', () => {
  it.each([
    { name: 'single choice right', question: ONE, picked: ['a'], right: true, lines: ['`a` (picked, right): why a'] },
    { name: 'single choice wrong', question: ONE, picked: ['b'], right: false, lines: ['`a` (missed): why a', '`b` (picked, wrong): why b'] },
    { name: 'unanswered', question: ONE, picked: [], right: false, lines: ['`a` (missed): why a'] },
    { name: 'multiple choice right', question: MANY, picked: ['y', 'x'], right: true, lines: ['`x` (picked, right): why x', '`y` (picked, right): why y'] },
    { name: 'a right option missed', question: MANY, picked: ['x'], right: false, lines: ['`x` (picked, right): why x', '`y` (missed): why y'] },
    { name: 'a wrong option added', question: MANY, picked: ['x', 'y', 'z'], right: false, lines: ['`x` (picked, right): why x', '`y` (picked, right): why y', '`z` (picked, wrong): why z'] },
  ])('$name', ({ question, picked, right, lines }) => {
    const graded = gradeQuestion(question, new Set(picked));
    expect(graded.right).toBe(right);
    expect(graded.lines.map((l) => l.trim().replace(/^- /, ''))).toEqual(lines);
  });
});
