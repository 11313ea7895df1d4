// Grading speed for EVERY lab in labs/ (issue 12): a typical submission, the lab's solution, and a wrong one
// (its first known-wrong answer), each graded on a fresh provision as the API grades. A typical submission
// is one of an attempt's many: the attempt's ids, and so its variant, are the same each time, as the API's
// seeded ids make them, and what the lab engine remembers per variant (the reference network) is reused.
// The first submission of a new attempt pays for that once; its p50 is shown beside. The issue-9 goal is a
// typical submission under 5 ms p50; a lab over it prints MISSED (`npm run bench -- --strict` then fails).
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { grade, loadLab, provision, selfTest, type Lab } from '../src/index.ts';
import { renderDeep } from '../src/template.ts';
import { testCtx } from '../src/test-ctx.ts';

const GOAL_MS = 5;
const labsDir = resolve(import.meta.dirname, '../../../labs');
const labIds = readdirSync(labsDir, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name).sort();

/** Milliseconds of each run: at least 5 runs, at most 300 or about a second of work, after one warm-up. */
function samples(work: () => void): number[] {
  work();
  const out: number[] = [];
  const until = performance.now() + 1000;
  while (out.length < 5 || (out.length < 300 && performance.now() < until)) {
    const start = performance.now();
    work();
    out.push(performance.now() - start);
  }
  return out.sort((a, b) => a - b);
}

const p50 = (sorted: readonly number[]) => sorted[Math.floor((sorted.length - 1) / 2)] ?? Number.NaN;
const ms = (n: number) => `${n.toFixed(2).padStart(8)} ms`;

/** Grades on a fresh provision each run: with `sameAttempt` the ids repeat (resubmissions), else each run is a new attempt. */
function gradeRuns(lab: Lab, answers: Record<string, unknown>, sameAttempt = true): number[] {
  const shared = testCtx();
  return samples(() => {
    const ctx = sameAttempt ? testCtx() : shared;
    const provisioned = provision(lab, 'bench', ctx);
    const outcome = grade(lab, provisioned, renderDeep(answers, provisioned.params), ctx);
    if (!outcome.ok) throw new Error(`${lab.id}: the answers were refused`);
  });
}

console.log(`${'lab'.padEnd(34)} ${'solution p50'.padStart(12)} ${'wrong p50'.padStart(11)}  goal < ${GOAL_MS} ms p50 per submission  (first submission of an attempt)`);
let first: Lab | undefined;
for (const id of labIds) {
  const text = readFileSync(join(labsDir, id, 'lab.yaml'), 'utf8');
  const { lab, findings } = loadLab(text, `labs/${id}/lab.yaml`);
  if (!lab) throw new Error(`${id} does not load: ${findings.map((f) => f.message).join('; ')}`);
  first ??= lab;
  const wrong = lab.wrongAnswers[0];
  if (!wrong) throw new Error(`${id} has no wrong answer to grade`);
  const solution = p50(gradeRuns(lab, lab.solution.answers));
  const mistaken = p50(gradeRuns(lab, { ...lab.solution.answers, ...wrong.answers }));
  const firstOfAttempt = p50(gradeRuns(lab, { ...lab.solution.answers, ...wrong.answers }, false));
  const verdict = solution < GOAL_MS && mistaken < GOAL_MS ? 'ok' : 'MISSED';
  console.log(`${id.padEnd(34)} ${ms(solution)}  ${ms(mistaken)}  ${verdict.padEnd(6)}  (${ms(firstOfAttempt).trim()}; wrong: ${wrong.id})`);
}

// The whole self-test of the first lab (solution, every wrong answer, every mutant), for scale.
if (first) {
  const lab = first;
  const runs = samples(() => selfTest(lab, testCtx()));
  console.log(`\nselfTest ${lab.id.padEnd(25)} ${ms(p50(runs))} p50 (${runs.length} runs)`);
}
