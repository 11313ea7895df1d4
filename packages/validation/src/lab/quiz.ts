import { z } from 'zod';
import { kebabId, text } from './fields.ts';

// The `quiz` task and check: questions whose answer is a choice (an instance family, a purchasing option, a
// storage class). The learner's answer is the ids of the options they pick, per question; the check grades a
// question all or nothing and explains every option the learner picked or missed with its own feedback.

const docLink = z.url({ error: 'a documentation link must be a URL' }).describe('The AWS documentation page that explains it');

/** One option of a question. */
export const quizOptionSchema = z
  .strictObject({
    id: kebabId('option id').describe('The option id, what the learner picks'),
    text: text('an option text').describe('The option as the learner reads it, in markdown'),
    correct: z.boolean({ error: '`correct` must be `true` or `false`' }).describe('Whether picking this option is part of the right answer'),
    feedback: text('an option feedback').describe('Why this option is right or wrong, shown when the learner picks it or misses it'),
    learnMore: docLink.optional(),
  })
  .describe('A choice the learner may pick');

/** One question: single choice (exactly one correct option) or multiple choice (at least one). */
export const quizQuestionSchema = z
  .strictObject({
    id: kebabId('question id').describe('The question id, the key of its answer'),
    text: text('a question text').describe('The question, in markdown'),
    multiple: z.boolean().prefault(false).describe('Multiple choice (pick every correct option, graded all or nothing) instead of single choice'),
    learnMore: docLink.optional(),
    options: z.array(quizOptionSchema).min(2, { error: 'a question needs at least two options' }).describe('The options, in the order the author wrote them'),
  })
  .superRefine((q, ctx) => {
    const correct = q.options.filter((o) => o.correct).length;
    if (!q.multiple && correct !== 1) ctx.addIssue({ code: 'custom', path: ['options'], message: `a single-choice question needs exactly one correct option, \`${q.id}\` has ${correct}` });
    if (q.multiple && correct === 0) ctx.addIssue({ code: 'custom', path: ['options'], message: `a multiple-choice question needs at least one correct option, \`${q.id}\` has none` });
    const seen = new Set<string>();
    q.options.forEach((o, i) => {
      if (seen.has(o.id)) ctx.addIssue({ code: 'custom', path: ['options', i, 'id'], message: `duplicate option id \`${o.id}\`` });
      seen.add(o.id);
    });
  })
  .describe('A question and its options');

/** The `quiz` task of the lab format (its id, title, prompt and starter come from the common task fields). */
export const quizTaskFields = {
  kind: z.literal('quiz').describe('The learner answers single- and multiple-choice questions'),
  language: z.enum(['json', 'yaml']).prefault('yaml').describe('The editor language; answers may be JSON or YAML either way'),
  shuffle: z.boolean().prefault(false).describe("Show each question's options in an order drawn from the attempt's params, so neighbours' screens differ"),
  questions: z
    .array(quizQuestionSchema)
    .min(1, { error: 'a quiz needs at least one question' })
    .superRefine((questions, ctx) => {
      const seen = new Set<string>();
      questions.forEach((q, i) => {
        if (seen.has(q.id)) ctx.addIssue({ code: 'custom', path: [i, 'id'], message: `duplicate question id \`${q.id}\`` });
        seen.add(q.id);
      });
    })
    .describe('The questions, in order'),
};

/** A learner's `quiz` answer: the picked option ids per question id. */
export const quizAnswerSchema = z
  .strictObject({
    answers: z
      .record(z.string(), z.array(z.string({ error: 'an option id must be text' })).describe('The ids of the options picked'))
      .describe('The picked options by question id; a question left out counts as unanswered'),
  })
  .describe('The options picked for each question');

/** The `quiz` check: one question or every question of a `quiz` task. */
export const quizCheckSchema = z
  .strictObject({
    task: kebabId('task id').describe('The `quiz` task whose answer is graded'),
    question: kebabId('question id').optional().describe('Only this question; every question of the task when left out (each all or nothing)'),
  })
  .describe("Grade the picked options against the task's correct options; the explanation gives the feedback of every option picked or missed");

/** The `quiz` fields of a check. */
export const quizCheckFields = { quiz: quizCheckSchema.optional() };

/** A question of a `quiz` task. */
export type QuizQuestion = z.output<typeof quizQuestionSchema>;
/** A parsed `quiz` answer. */
export type QuizAnswer = z.output<typeof quizAnswerSchema>;
