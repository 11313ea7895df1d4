import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { gradeQuestion } from './check-quiz.ts';
import { grade } from './grade.ts';
import { loadLab } from './load-lab.ts';
import { provision } from './provision.ts';
import { testCtx } from './test-ctx.ts';
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

describe('the quiz check in a grade', () => {
  const lab = loadLab(readFileSync(resolve(import.meta.dirname, '../../../labs/s3-storage-classes/lab.yaml'), 'utf8')).lab!;
  const provisioned = provision(lab, 'seed-1', testCtx());
  const answer = (monthly: string) => ({ 'storage-classes': lab.solution.answers['storage-classes']!.replace('monthly-backups: [standard-ia]', `monthly-backups: ${monthly}`) });

  it.each([
    { name: 'right', monthly: '[standard-ia]', status: 'pass', explanation: ['the question is answered right', '`monthly-backups`: right', '`standard-ia` (picked, right)'] },
    { name: 'wrong', monthly: '[one-zone-ia]', status: 'fail', explanation: ['1 of 1 question answered wrong', '`monthly-backups`: wrong', '`standard-ia` (missed)', '`one-zone-ia` (picked, wrong)'] },
    { name: 'unanswered', monthly: '[]', status: 'fail', explanation: ['1 of 1 question answered wrong', '`monthly-backups`: unanswered', '`standard-ia` (missed)'] },
  ])('$name', ({ monthly, status, explanation }) => {
    const outcome = grade(lab, provisioned, answer(monthly), testCtx());
    if (!outcome.ok) throw new Error(outcome.findings.map((f) => f.message).join('\n'));
    const check = outcome.grade.checks.find((c) => c.id === 'monthly-backups-class')!;
    expect(check.status).toBe(status);
    expect(check.explanation.split('\n')[0]).toBe(explanation[0]);
    for (const part of explanation) expect(check.explanation).toContain(part);
  });
});
