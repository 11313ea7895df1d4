import { z } from 'zod';

// A learner's answer to one exam item, as the API stores it on autosave. Each item kind has its own shape, told
// apart by its one key, so an answer never has to repeat the item's kind.

const id = z.string().min(1).max(64).describe('An option, step, prompt or target id');

/** The most text one hands-on answer may hold (64 KiB): a policy or a rule table, not a document store. */
export const MAX_HANDS_ON_ANSWER = 64 * 1024;

/** The answer to one item. */
export const examItemAnswerSchema = z
  .union(
    [
      z.strictObject({ picks: z.array(id).max(8).describe('The option ids picked (one for a single-choice or which-wins item)') }).describe('A choice answer'),
      z.strictObject({ order: z.array(id).max(8).describe('The step ids, first to last') }).describe('An ordering answer'),
      z.strictObject({ pairs: z.record(id, id).describe('The target id picked for each prompt id') }).describe('A matching answer'),
      z.strictObject({ text: z.string().max(MAX_HANDS_ON_ANSWER, { error: 'a hands-on answer must be at most 64 KiB' }).describe("The answer to the lab task, as the lab's editor takes it") }).describe('A hands-on answer'),
    ],
    { error: 'an answer is `{ picks }`, `{ order }`, `{ pairs }` or `{ text }`' },
  )
  .describe('The answer to one item');

/** The most items one set of answers may hold: more than any paper has, few enough to bound a request. */
export const MAX_EXAM_ANSWERS = 500;

/** Answers by item id; an item left out is unanswered. */
export const examAnswersSchema = z
  .record(id, examItemAnswerSchema)
  .refine((answers) => Object.keys(answers).length <= MAX_EXAM_ANSWERS, { error: `answers may cover at most ${MAX_EXAM_ANSWERS} items` })
  .describe('Answers by item id');

/** The answer to one item. */
export type ExamItemAnswer = z.output<typeof examItemAnswerSchema>;
/** Answers by item id. */
export type ExamAnswers = z.output<typeof examAnswersSchema>;
