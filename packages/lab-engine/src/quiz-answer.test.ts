import { describe, expect, it } from 'vitest';
import { quizQuestionsView, quizStarter, readQuizAnswer } from './quiz-answer.ts';
import { QUIZ_TASK } from './quiz-task.fixture.ts';

describe('readQuizAnswer', () => {
  it.each([
    { name: 'yaml', text: 'answers:\n  one: [a]\n  many: [x, y]\n', findings: [], picked: { one: ['a'], many: ['x', 'y'] } },
    { name: 'json, a question left out', text: '{ "answers": { "many": ["z"] } }', findings: [], picked: { many: ['z'] } },
    { name: 'an unknown question', text: 'answers:\n  two: [a]\n', findings: ['quiz/unknown-question there is no question `two`: the questions are `one`, `many`'], picked: {} },
    { name: 'an unknown option', text: 'answers:\n  one: [d]\n', findings: ['quiz/unknown-option question `one` has no option `d`: its options are `a`, `b`, `c`'], picked: { one: ['d'] } },
    { name: 'two picks for one choice', text: 'answers:\n  one: [a, b]\n', findings: ['quiz/one-choice question `one` takes one option, not 2'], picked: { one: ['a', 'b'] } },
    { name: 'not a list', text: 'answers:\n  one: a\n', findings: ['quiz/invalid-type'], picked: {} },
  ])('$name', ({ text, findings, picked }) => {
    const read = readQuizAnswer(QUIZ_TASK, text);
    expect(read.findings.map((f) => (f.ruleId === 'quiz/invalid-type' ? f.ruleId : `${f.ruleId} ${f.message}`))).toEqual(findings);
    if (findings.length === 0 || findings[0] !== 'quiz/invalid-type') expect(Object.fromEntries([...read.picked].map(([q, s]) => [q, [...s]]))).toEqual(picked);
    expect(read.findings.every((f) => f.path[0] === 'pick')).toBe(true);
  });
});

describe('quizQuestionsView', () => {
  it('never shows which options are correct nor their feedback', () => {
    expect(JSON.stringify(quizQuestionsView(QUIZ_TASK, { team: 'a' }, true))).not.toMatch(/correct|feedback|why/);
  });

  it('keeps the author order before an attempt and when shuffle is off', () => {
    const order = (view: ReturnType<typeof quizQuestionsView>) => view.map((q) => q.options.map((o) => o.id).join(''));
    expect(order(quizQuestionsView(QUIZ_TASK, { team: 'a' }, false))).toEqual(['abc', 'xyz']);
    expect(order(quizQuestionsView({ ...QUIZ_TASK, shuffle: false }, { team: 'a' }, true))).toEqual(['abc', 'xyz']);
  });

  it('draws the same order from the same params, and different orders across params', () => {
    const order = (team: string) => quizQuestionsView(QUIZ_TASK, { team }, true).map((q) => q.options.map((o) => o.id).join('')).join(' ');
    expect(order('a')).toEqual(order('a'));
    const orders = new Set(Array.from({ length: 20 }, (_, i) => order(`team-${i}`)));
    expect(orders.size).toBeGreaterThan(1);
  });
});

describe('quizStarter', () => {
  it('lists every question with nothing picked', () => {
    expect(quizStarter(QUIZ_TASK)).toBe('answers:\n  one: []\n  many: []\n');
    expect(readQuizAnswer(QUIZ_TASK, quizStarter(QUIZ_TASK)).findings).toEqual([]);
  });
});
