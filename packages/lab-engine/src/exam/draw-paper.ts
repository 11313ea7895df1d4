import type { Exam, ExamItem, Lab } from '@skylab/validation';
import { LabError } from '../lab-error.ts';
import { resolveParams } from '../params.ts';
import { renderLab } from '../view.ts';
import { contentHash } from './content-hash.ts';
import { seededShuffle, shuffleAway, stream } from './shuffle.ts';
import type { LabLookup, Paper, PaperEntry, PaperHandsOnItem, PaperItem } from './types.ts';

type HandsOn = Extract<ExamItem, { kind: 'hands-on' }>;

/** A stable content hash (SHA-256, hex) of an exam as loaded: the paper records it, so a result names the exam it came from. */
export function examHash(exam: Exam): string {
  return contentHash(exam);
}

/** A stable content hash (SHA-256, hex) of a lab as loaded: a hands-on item records the version its variant was drawn from. */
export function labHash(lab: Lab): string {
  return contentHash(lab);
}

function entries(list: readonly { id: string; text: string }[]): PaperEntry[] {
  return list.map(({ id, text }) => ({ id, text }));
}

function rationale(list: readonly { id: string; rationale: string }[]): Record<string, string> {
  return Object.fromEntries(list.map((e) => [e.id, e.rationale]));
}

function handsOnItem(item: HandsOn, section: string, seed: string, labs: LabLookup): PaperHandsOnItem {
  const lab = labs(item.lab);
  const labSeed = stream(seed, 'lab', item.id);
  const params = lab === undefined ? {} : resolveParams(lab, labSeed);
  const view = lab === undefined ? undefined : renderLab(lab, params);
  const task = view?.tasks.find((t) => t.id === item.task);
  if (lab === undefined || view === undefined || task === undefined) {
    const message = `hands-on item \`${item.id}\` names \`${item.lab}\` task \`${item.task}\`, which is not loaded`;
    throw new LabError(message, [{ ruleId: 'exam/unknown-task', severity: 'error', path: [item.id], message }]);
  }
  return {
    id: item.id,
    kind: 'hands-on',
    section,
    domain: item.domain,
    points: item.points,
    partialCredit: 'scaled-checks',
    lab: { id: lab.id, title: view.title, description: view.description, hash: labHash(lab) },
    task,
    seed: labSeed,
    params,
  };
}

/** One item as this paper shows it: options shuffled when the exam says so, ordering steps and matching targets always. */
function paperItem(item: ExamItem, section: string, exam: Exam, seed: string, labs: LabLookup): PaperItem {
  if (item.kind === 'hands-on') return handsOnItem(item, section, seed, labs);
  const order = stream(seed, 'options', item.id);
  const base = { id: item.id, section, domain: item.domain, points: item.points, stem: item.stem, exhibits: item.exhibits, learnMore: item.learnMore };
  if (item.kind === 'ordering') {
    return { ...base, kind: 'ordering', partialCredit: item.partialCredit, steps: entries(shuffleAway(item.steps, order)), key: item.steps.map((s) => s.id), rationale: rationale(item.steps) };
  }
  if (item.kind === 'matching') {
    return {
      ...base,
      kind: 'matching',
      partialCredit: item.partialCredit,
      prompts: entries(item.prompts),
      targets: entries(shuffleAway(item.targets, order)),
      key: Object.fromEntries(item.prompts.map((p) => [p.id, p.match])),
      rationale: rationale(item.prompts),
    };
  }
  const options = exam.settings.shuffle.options ? seededShuffle(item.options, order) : item.options;
  return { ...base, kind: item.kind, partialCredit: item.partialCredit, options: entries(options), key: item.options.filter((o) => o.correct).map((o) => o.id), rationale: rationale(item.options) };
}

/**
 * Draws a learner's paper: per pool, `draw` items picked with a stream of the seed (its own per pool, so
 * editing one pool leaves the others' draws alone); items shuffled within their section and options within
 * their item when the exam says so; each hands-on item's lab variant drawn from the seed. The paper is plain
 * JSON that embeds the questions, keys and rationale, so it can be shown and graded without the exam file.
 * Throws `LabError` when a hands-on item's lab or task is not loaded (`loadExam` reports that first).
 */
export function drawPaper(exam: Exam, opts: { seed: string; labs: LabLookup }): Paper {
  const { seed, labs } = opts;
  const sections = exam.sections.map((section) => {
    const drawn = section.pools.flatMap((pool) => {
      const picked = new Set(seededShuffle(pool.items, stream(seed, 'pool', section.id, pool.id)).slice(0, pool.draw));
      return pool.items.filter((item) => picked.has(item));
    });
    const ordered = exam.settings.shuffle.items ? seededShuffle(drawn, stream(seed, 'items', section.id)) : drawn;
    return { id: section.id, title: section.title, items: ordered.map((item) => paperItem(item, section.id, exam, seed, labs)) };
  });
  const paper: Paper = {
    examId: exam.id,
    examHash: examHash(exam),
    title: exam.title,
    seed,
    settings: exam.settings,
    passPercent: exam.passPercent,
    domainMeetsPercent: exam.domainMeetsPercent ?? exam.passPercent,
    domains: exam.domains.map(({ id, title }) => ({ id, title })),
    sections,
  };
  // A copy through JSON: the paper shares nothing with the exam object and holds only what storage keeps.
  return JSON.parse(JSON.stringify(paper)) as Paper;
}
