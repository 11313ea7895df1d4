// Grading speed: DESIGN promises sub-second grading; one submission of the first lab should take milliseconds.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { grade, loadLab, provision, selfTest } from '../src/index.ts';
import { testCtx } from '../src/test-ctx.ts';

const text = readFileSync(resolve(import.meta.dirname, '../../../labs/iam-s3-read-only/lab.yaml'), 'utf8');

function time(label: string, runs: number, work: () => void): void {
  work();
  const start = performance.now();
  for (let i = 0; i < runs; i++) work();
  const each = (performance.now() - start) / runs;
  console.log(`${label.padEnd(38)} ${each.toFixed(3).padStart(9)} ms/op  (${runs} runs)`);
}

const { lab } = loadLab(text);
if (!lab) throw new Error('the reference lab does not load');
const ctx = testCtx();
const attempt = provision(lab, 'bench', ctx);
time('loadLab iam-s3-read-only', 200, () => loadLab(text));
time('provision', 1000, () => provision(lab, 'bench', ctx));
time('grade solution (9 checks)', 1000, () => grade(lab, attempt, lab.solution.answers, ctx));
time('selfTest (21 graded runs)', 20, () => selfTest(lab, ctx));
