import { examItemAnswerSchema, type ExamItemAnswer, type Finding, type PathSegment } from '@skylab/validation';
import type { Paper, PaperItem } from './types.ts';

const SHAPE: Record<PaperItem['kind'], string> = {
  'single-choice': 'picks',
  'multiple-choice': 'picks',
  'which-wins': 'picks',
  ordering: 'order',
  matching: 'pairs',
  'hands-on': 'text',
};

function known(ids: readonly string[], values: readonly string[], what: string, path: PathSegment[], add: (path: PathSegment[], message: string) => void): void {
  values.forEach((value, i) => {
    if (!ids.includes(value)) add([...path, i], `there is no ${what} \`${value}\``);
  });
  if (new Set(values).size < values.length) add(path, `a ${what} is given twice`);
}

/** The findings of an answer of the right shape: every id it names is one of the item's, a single choice picks one. */
function idFindings(item: PaperItem, answer: ExamItemAnswer, add: (path: PathSegment[], message: string) => void): void {
  if ('picks' in answer && item.kind !== 'hands-on' && item.kind !== 'ordering' && item.kind !== 'matching') {
    known(item.options.map((o) => o.id), answer.picks, 'option', ['picks'], add);
    if (item.kind !== 'multiple-choice' && answer.picks.length > 1) add(['picks'], `item \`${item.id}\` takes one option, not ${answer.picks.length}`);
  } else if ('order' in answer && item.kind === 'ordering') {
    known(item.steps.map((s) => s.id), answer.order, 'step', ['order'], add);
  } else if ('pairs' in answer && item.kind === 'matching') {
    const targets = item.targets.map((t) => t.id);
    for (const [prompt, target] of Object.entries(answer.pairs)) {
      if (!item.prompts.some((p) => p.id === prompt)) add(['pairs', prompt], `there is no prompt \`${prompt}\``);
      else if (!targets.includes(target)) add(['pairs', prompt], `there is no target \`${target}\``);
    }
  }
}

/**
 * Checks one answer, as an autosave sends it, against its item on the paper: the item exists, the answer has
 * the item kind's shape (`{ picks }`, `{ order }`, `{ pairs }` or `{ text }`), and names only the item's own
 * options, steps, prompts and targets. Findings' paths start with the item id; `answer` is set only without errors.
 */
export function readItemAnswer(paper: Paper, itemId: string, answer: unknown): { answer?: ExamItemAnswer; findings: Finding[] } {
  const findings: Finding[] = [];
  const add = (path: PathSegment[], message: string, ruleId = 'exam/invalid-answer') => findings.push({ ruleId, severity: 'error', path: [itemId, ...path], message });
  const item = paper.sections.flatMap((s) => s.items).find((i) => i.id === itemId);
  if (item === undefined) {
    add([], `there is no item \`${itemId}\` on this paper`, 'exam/unknown-item');
    return { findings };
  }
  const parsed = examItemAnswerSchema.safeParse(answer);
  if (!parsed.success) {
    for (const issue of parsed.error.issues) add(issue.path as PathSegment[], issue.message.charAt(0).toLowerCase() + issue.message.slice(1));
    return { findings };
  }
  const shape = SHAPE[item.kind];
  if (!(shape in parsed.data)) {
    add([], `the answer to a \`${item.kind}\` item is \`{ ${shape} }\``);
    return { findings };
  }
  idFindings(item, parsed.data, add);
  return findings.length > 0 ? { findings } : { answer: parsed.data, findings };
}
