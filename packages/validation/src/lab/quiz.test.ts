import { describe, expect, it } from 'vitest';
import { quizQuestionSchema } from './quiz.ts';

const option = (id: string, correct: boolean) => ({ id, text: id, correct, feedback: `why ${id}` });

describe('quizQuestionSchema', () => {
  it.each([
    { name: 'single choice, one correct', question: { options: [option('a', true), option('b', false)] }, errors: [] },
    { name: 'single choice, two correct', question: { options: [option('a', true), option('b', true)] }, errors: ['a single-choice question needs exactly one correct option, `q` has 2'] },
    { name: 'single choice, none correct', question: { options: [option('a', false), option('b', false)] }, errors: ['a single-choice question needs exactly one correct option, `q` has 0'] },
    { name: 'multiple choice, two correct', question: { multiple: true, options: [option('a', true), option('b', true)] }, errors: [] },
    { name: 'multiple choice, none correct', question: { multiple: true, options: [option('a', false), option('b', false)] }, errors: ['a multiple-choice question needs at least one correct option, `q` has none'] },
    { name: 'a duplicate option', question: { options: [option('a', true), option('a', false)] }, errors: ['duplicate option id `a`'] },
    { name: 'one option', question: { options: [option('a', true)] }, errors: ['a question needs at least two options'] },
    { name: 'a link that is no URL', question: { learnMore: 'the docs', options: [option('a', true), option('b', false)] }, errors: ['a documentation link must be a URL'] },
  ])('$name', ({ question, errors }) => {
    const parsed = quizQuestionSchema.safeParse({ id: 'q', text: 'Q?', ...question });
    expect(parsed.success ? [] : parsed.error.issues.map((i) => i.message)).toEqual(errors);
  });
});
