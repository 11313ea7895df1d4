import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fixtureExam, practiceExamText, repositoryLabs } from '../../test/exam-fixtures.ts';
import { testCtx } from '../test-ctx.ts';
import { drawPaper } from './draw-paper.ts';
import { gradePaper } from './grade-paper.ts';
import { keyAnswers } from './key-answers.ts';
import { learnerView } from './learner-view.ts';
import { loadExam } from './load-exam.ts';
import type { Paper } from './types.ts';

const labs = repositoryLabs();
const EXAMS = [
  { name: 'the fixture exam', exam: fixtureExam(), runs: 25 },
  { name: 'the practice exam', exam: loadExam(practiceExamText(), { labs }).exam!, runs: 8 },
];

/** Every object key anywhere in a JSON value. */
function keysOf(value: unknown, into = new Set<string>()): Set<string> {
  if (Array.isArray(value)) value.forEach((v) => keysOf(v, into));
  else if (value !== null && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      into.add(k);
      keysOf(v, into);
    }
  }
  return into;
}

const SECRET_FIELDS = ['key', 'rationale', 'correct', 'learnMore', 'seed', 'params', 'checks', 'solution', 'feedback', 'hash'];

function rationaleTexts(paper: Paper): string[] {
  return paper.sections.flatMap((s) => s.items.flatMap((item) => (item.kind === 'hands-on' ? [] : Object.values(item.rationale))));
}

describe.each(EXAMS)('any paper of $name', ({ exam, runs }) => {
  it('grades 100% with its key, 0 with no answers, and its unreleased view leaks no key, rationale or check', { timeout: 120_000 }, () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (seed) => {
        const paper = drawPaper(exam, { seed, labs });
        expect(gradePaper(paper, keyAnswers(paper, { labs }), { labs, ctx: testCtx() }).percent).toBe(100);
        const empty = gradePaper(paper, {}, { labs, ctx: testCtx() });
        expect([empty.points, empty.passed]).toEqual([0, false]);
        const view = learnerView(paper, { released: false });
        const keys = keysOf(view);
        expect(SECRET_FIELDS.filter((field) => keys.has(field))).toEqual([]);
        const text = JSON.stringify(view);
        expect(rationaleTexts(paper).filter((r) => text.includes(r))).toEqual([]);
      }),
      { numRuns: runs },
    );
  });

  it('shows the key, rationale and link once released, and never the hands-on seed, params or checks', () => {
    const paper = drawPaper(exam, { seed: 'learner-1', labs });
    const view = learnerView(paper, { released: true });
    const keys = keysOf(view);
    expect(['key', 'rationale', 'learnMore'].every((k) => keys.has(k))).toBe(true);
    expect(['seed', 'params', 'checks', 'solution', 'correct', 'hash'].filter((k) => keys.has(k))).toEqual([]);
  });
});
