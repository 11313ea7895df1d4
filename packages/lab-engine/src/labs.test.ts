import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { testCtx } from './test-ctx.ts';
import { grade, loadLab, loadMisconceptions, provision, selfTest } from './index.ts';
import { renderDeep } from './template.ts';

const LABS = resolve(import.meta.dirname, '../../../labs');
const labDirs = readdirSync(LABS, { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name);
const misconceptions = loadMisconceptions(readFileSync(join(LABS, 'misconceptions.yaml'), 'utf8'), 'labs/misconceptions.yaml');

it('labs/misconceptions.yaml loads without findings', () => {
  expect(misconceptions.findings).toEqual([]);
});

describe.each(labDirs)('labs/%s', (dir) => {
  const file = join('labs', dir, 'lab.yaml');
  const { lab, findings } = loadLab(readFileSync(join(LABS, dir, 'lab.yaml'), 'utf8'), file, { misconceptions: misconceptions.catalogue ?? new Set() });

  it('loads without findings (every misconception tag in the catalogue) and its id is its folder name', () => {
    expect(findings).toEqual([]);
    expect(lab?.id).toBe(dir);
  });

  it('passes its self-test: the solution scores 100%, each wrong answer fails exactly what it declares, no mutant survives', { timeout: 120_000 }, () => {
    const report = selfTest(lab!, testCtx());
    expect(report.runs.filter((r) => !r.ok)).toEqual([]);
    expect(report.mutants.filter((m) => m.status === 'survived')).toEqual([]);
    expect(report.mutants.filter((m) => m.status === 'killed').length).toBeGreaterThan(0);
    expect(report.ok).toBe(true);
  });

  it.each(lab?.wrongAnswers.map((w) => [w.id, w] as const) ?? [])('wrong answer %s scores below 100%', (_id, wrong) => {
    const ctx = testCtx();
    const provisioned = provision(lab!, 'learner-1', ctx);
    // Answers may use the lab's params, as the self-test fills them in.
    const outcome = grade(lab!, provisioned, renderDeep({ ...lab!.solution.answers, ...wrong.answers }, provisioned.params), ctx);
    expect(outcome.ok && outcome.grade.score).toBeLessThan(1);
  });

  it('scores the solution 100%', () => {
    const ctx = testCtx();
    const provisioned = provision(lab!, 'learner-1', ctx);
    const outcome = grade(lab!, provisioned, renderDeep(lab!.solution.answers, provisioned.params), ctx);
    expect(outcome.ok && outcome.grade.score).toBe(1);
  });
});
