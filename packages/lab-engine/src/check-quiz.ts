import type { Lab } from '@skylab/validation';
import { decided, errored, LAB_PROBLEM, type CheckInput, type CheckRun } from './check-result.ts';
import { readQuizAnswer, type QuizTask } from './quiz-answer.ts';
import { renderDeep } from './template.ts';

type Question = QuizTask['questions'][number];

/** Whether the picked options are exactly the correct ones, and the feedback of each option picked or missed. */
export function gradeQuestion(question: Question, picked: ReadonlySet<string>): { right: boolean; lines: string[] } {
  const lines: string[] = [];
  let right = true;
  for (const option of question.options) {
    const chosen = picked.has(option.id);
    if (chosen !== option.correct) right = false;
    if (!chosen && !option.correct) continue;
    const verdict = chosen ? (option.correct ? 'picked, right' : 'picked, wrong') : 'missed';
    lines.push(`  - \`${option.id}\` (${verdict}): ${option.feedback}${option.learnMore ? ` (${option.learnMore})` : ''}`);
  }
  return { right, lines };
}

/**
 * A `quiz` check: one question of a `quiz` task, or all of them, each all or nothing (a multiple-choice
 * question passes only with every correct option and no other). The explanation gives, per question, the
 * feedback of every option the learner picked and of every correct option they missed.
 */
export function runQuizCheck(input: CheckInput, lab: Lab): CheckRun {
  const spec = input.check.quiz;
  if (spec === undefined) return errored(input, LAB_PROBLEM, 'the check has no `quiz` assertion');
  const raw = lab.tasks.find((t) => t.id === spec.task);
  if (raw?.kind !== 'quiz') return errored(input, LAB_PROBLEM, `task \`${spec.task}\` is not a \`quiz\` task`);
  const task = renderDeep(raw, input.params);
  const questions = spec.question === undefined ? task.questions : task.questions.filter((q) => q.id === spec.question);
  if (questions.length === 0) return errored(input, LAB_PROBLEM, `task \`${spec.task}\` has no question \`${spec.question ?? ''}\``);
  const { picked } = readQuizAnswer(task, input.answers[spec.task] ?? '');
  const graded = questions.map((q) => ({ q, ...gradeQuestion(q, picked.get(q.id) ?? new Set()) }));
  const wrong = graded.filter((g) => !g.right).length;
  const explanation = [
    wrong === 0 ? `${questions.length === 1 ? 'the question is' : `all ${questions.length} questions are`} answered right` : `${wrong} of ${questions.length} question${questions.length === 1 ? '' : 's'} answered wrong`,
    ...graded.flatMap((g) => [`\`${g.q.id}\`: ${g.right ? 'right' : (picked.get(g.q.id)?.size ?? 0) === 0 ? 'unanswered' : 'wrong'}${g.q.learnMore ? ` (${g.q.learnMore})` : ''}`, ...g.lines]),
  ].join('\n');
  return decided(input, wrong === 0, explanation);
}
