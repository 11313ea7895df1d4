import { renderDeep } from '../template.ts';
import type { ExamAnswers, ExamItemAnswer, LabLookup, Paper, PaperItem } from './types.ts';

function keyAnswer(item: PaperItem, labs: LabLookup): ExamItemAnswer | undefined {
  if (item.kind === 'ordering') return { order: [...item.key] };
  if (item.kind === 'matching') return { pairs: { ...item.key } };
  if (item.kind !== 'hands-on') return { picks: [...item.key] };
  const lab = labs(item.lab.id);
  const text = lab === undefined ? undefined : renderDeep(lab.solution.answers, item.params)[item.task.id];
  return text === undefined ? undefined : { text };
}

/** The answers the key gives for a paper: each question's key, each hands-on item's lab solution in the paper's variant. */
export function keyAnswers(paper: Paper, opts: { labs: LabLookup }): ExamAnswers {
  const answers: ExamAnswers = {};
  for (const item of paper.sections.flatMap((s) => s.items)) {
    const answer = keyAnswer(item, opts.labs);
    if (answer !== undefined) answers[item.id] = answer;
  }
  return answers;
}
