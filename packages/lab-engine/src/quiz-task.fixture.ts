import type { QuizTask } from './quiz-answer.ts';

const option = (id: string, correct: boolean) => ({ id, text: `option ${id}`, correct, feedback: `why ${id}` });

/** A quiz of one single-choice question (`a` right) and one multiple-choice question (`x` and `y` right), for tests. */
export const QUIZ_TASK: QuizTask = {
  kind: 'quiz',
  id: 'pick',
  title: 'Pick',
  prompt: 'Pick',
  starter: '',
  language: 'yaml',
  shuffle: true,
  questions: [
    { id: 'one', text: 'One?', multiple: false, options: [option('a', true), option('b', false), option('c', false)] },
    { id: 'many', text: 'Many?', multiple: true, learnMore: 'https://example.com/many', options: [option('x', true), option('y', true), option('z', false)] },
  ],
};
