import type { Ctx } from '@skylab/emulator';
import type { Exam } from '@skylab/validation';
import { drawPaper } from './draw-paper.ts';
import { gradePaper } from './grade-paper.ts';
import { keyAnswers } from './key-answers.ts';
import type { ExamResult, LabLookup } from './types.ts';

/** The seeds `skylab exams test` draws papers with. */
export const EXAM_TEST_SEEDS = ['exam-test-1', 'exam-test-2', 'exam-test-3'] as const;

/** One run of an exam's self-test. */
export interface ExamTestRun {
  /** `every item` (a paper with every item of every pool), `key` or `empty` (a drawn paper answered by the key or not at all). */
  subject: 'every item' | 'key' | 'empty';
  seed: string;
  percent: number;
  ok: boolean;
  problems: string[];
}

/** An exam's self-test report. */
export interface ExamTestReport {
  examId: string;
  ok: boolean;
  runs: ExamTestRun[];
}

/** The same exam with every pool drawing all its items, so one paper holds every item. */
function everyItem(exam: Exam): Exam {
  return { ...exam, sections: exam.sections.map((s) => ({ ...s, pools: s.pools.map((p) => ({ ...p, draw: p.items.length })) })) };
}

function itemProblems(result: ExamResult, expect: 'full' | 'none'): string[] {
  return result.items.flatMap((item) => {
    const ok = expect === 'full' ? item.status === 'correct' : item.points === 0;
    if (ok) return [];
    const why = [item.message, ...(item.findings ?? []).map((f) => f.message), ...(item.checks ?? []).filter((c) => c.status !== 'pass').map((c) => `check \`${c.id}\`: ${c.message}`)].filter((m) => m !== undefined);
    return [`item \`${item.id}\` scores ${item.points} of ${item.maxPoints} (${item.status})${why.length > 0 ? `: ${why.join('; ')}` : ''}`];
  });
}

function run(subject: ExamTestRun['subject'], seed: string, result: ExamResult, expect: 'full' | 'none'): ExamTestRun {
  const problems = itemProblems(result, expect);
  return { subject, seed, percent: result.percent, ok: problems.length === 0, problems };
}

/**
 * An exam's own test, for several seeds: a paper with every item answered by the key scores every item in
 * full (so each hands-on item's lab solution earns the item's points in each variant); each drawn paper scores
 * 100% with its key and 0 with no answers.
 */
export function examSelfTest(exam: Exam, opts: { labs: LabLookup; ctx: () => Ctx; seeds?: readonly string[] }): ExamTestReport {
  const { labs } = opts;
  const runs = (opts.seeds ?? EXAM_TEST_SEEDS).flatMap((seed) => {
    const full = drawPaper(everyItem(exam), { seed, labs });
    const paper = drawPaper(exam, { seed, labs });
    return [
      run('every item', seed, gradePaper(full, keyAnswers(full, { labs }), { labs, ctx: opts.ctx() }), 'full'),
      run('key', seed, gradePaper(paper, keyAnswers(paper, { labs }), { labs, ctx: opts.ctx() }), 'full'),
      run('empty', seed, gradePaper(paper, {}, { labs, ctx: opts.ctx() }), 'none'),
    ];
  });
  return { examId: exam.id, ok: runs.every((r) => r.ok), runs };
}
