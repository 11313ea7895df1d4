import type { Lab, PathSegment } from '@skylab/validation';

type Add = (path: PathSegment[], ruleId: string, message: string) => void;

/** Each `quiz` check names a question of its task, when it names one. */
export function quizReferenceFindings(lab: Lab, add: Add): void {
  lab.checks.forEach((check, i) => {
    const spec = check.quiz;
    const task = lab.tasks.find((t) => t.id === spec?.task);
    if (spec?.question === undefined || task?.kind !== 'quiz') return;
    if (!task.questions.some((q) => q.id === spec.question)) add(['checks', i, 'quiz', 'question'], 'lab/unknown-question', `task \`${task.id}\` has no question \`${spec.question}\``);
  });
}

/** Whether the lab's `quiz` checks grade every question of a `quiz` task: one check over all, or one per question. */
export function quizCovered(lab: Lab, taskId: string): boolean {
  const task = lab.tasks.find((t) => t.id === taskId);
  if (task?.kind !== 'quiz') return false;
  const specs = lab.checks.flatMap((c) => (c.quiz?.task === taskId ? [c.quiz] : []));
  if (specs.some((s) => s.question === undefined)) return true;
  return task.questions.every((q) => specs.some((s) => s.question === q.id));
}
