import { parseText, quizAnswerSchema } from '@skylab/validation';
import type { QuizTask } from '../quiz-answer.ts';
import { render, type Mutant } from './mutant.ts';

/**
 * Mutants of a `quiz` solution, per question: each picked option dropped, and each option not picked added
 * (in a single-choice question, put in place of the picked one, since two picks are refused).
 */
export function quizMutants(task: QuizTask, text: string): Mutant[] {
  const parsed = quizAnswerSchema.safeParse(parseText(text).value);
  if (!parsed.success) return [];
  const answers = parsed.data.answers;
  const mutant = (questionId: string, options: string[], description: string): Mutant => ({
    task: task.id,
    description: `question \`${questionId}\`: ${description}`,
    answer: render({ answers: { ...answers, [questionId]: options } }),
  });
  return task.questions.flatMap((question) => {
    const picked = answers[question.id] ?? [];
    const dropped = picked.map((id) => mutant(question.id, picked.filter((p) => p !== id), `\`${id}\` dropped`));
    const added = question.options
      .filter((o) => !picked.includes(o.id))
      .map((o) => (question.multiple ? mutant(question.id, [...picked, o.id], `\`${o.id}\` added`) : mutant(question.id, [o.id], `\`${o.id}\` picked instead`)));
    return [...dropped, ...added];
  });
}
