import type { Ctx } from '@skylab/emulator';
import type { Lab } from '@skylab/validation';
import { grade } from './grade.ts';
import { LabError } from './lab-error.ts';
import { mutationTest } from './mutation-test.ts';
import { provision } from './provision.ts';
import { renderDeep } from './template.ts';
import type { Answers, Provisioned, SelfTestReport, SelfTestRun } from './types.ts';

/** The seeds every self-test runs, so params-dependent mistakes show up in more than one variant. */
export const SELF_TEST_SEEDS = ['self-test-1', 'self-test-2', 'self-test-3'] as const;

function run(lab: Lab, provisioned: Provisioned, subject: string, seed: string, answers: Answers, ctx: Ctx): SelfTestRun & { passed: Set<string> } {
  const outcome = grade(lab, provisioned, renderDeep(answers, provisioned.params), ctx);
  if (!outcome.ok) {
    return { subject, seed, ok: false, failedChecks: [], problems: ['the answers were refused before grading'], findings: outcome.findings, passed: new Set() };
  }
  const failedChecks = outcome.grade.checks.filter((c) => c.status !== 'pass').map((c) => c.id);
  const problems = outcome.grade.checks.filter((c) => c.status === 'error').map((c) => `check \`${c.id}\` could not be decided: ${c.message}`);
  return {
    subject,
    seed,
    ok: problems.length === 0,
    score: outcome.grade.score,
    failedChecks,
    problems,
    findings: outcome.findings,
    passed: new Set(outcome.grade.checks.filter((c) => c.status === 'pass').map((c) => c.id)),
  };
}

/**
 * Runs a lab's own tests for a few seeds. The solution must be accepted and score 100%. Each known-wrong
 * answer (tasks it leaves out take the solution's answer) must fail exactly the checks it lists in
 * `fails`: not fewer, which would mean the mistake is no longer caught, and not more, so the list stays
 * an accurate description of what the lab teaches; a change in either direction is reported. Then every
 * mutant of the solution that behaves differently must fail a check (`mutationTest`).
 */
export function selfTest(lab: Lab, ctx: Ctx): SelfTestReport {
  const runs: SelfTestRun[] = [];
  let firstVariant: Provisioned | undefined;
  for (const seed of SELF_TEST_SEEDS) {
    let provisioned: Provisioned;
    try {
      provisioned = provision(lab, seed, ctx);
    } catch (error) {
      if (!(error instanceof LabError)) throw error;
      runs.push({ subject: 'setup', seed, ok: false, failedChecks: [], problems: [error.message], findings: error.findings });
      continue;
    }
    firstVariant ??= provisioned;
    const { passed: _passed, ...solution } = run(lab, provisioned, 'solution', seed, lab.solution.answers, ctx);
    if (solution.score !== undefined && solution.score < 1) {
      solution.ok = false;
      solution.problems.push(`the solution scores ${Math.round(solution.score * 100)}%, not 100%: it fails ${solution.failedChecks.map((id) => `\`${id}\``).join(', ')}`);
    }
    runs.push(solution);
    for (const wrong of lab.wrongAnswers) {
      const { passed: _ignored, ...result } = run(lab, provisioned, wrong.id, seed, { ...lab.solution.answers, ...wrong.answers }, ctx);
      result.expectedFailedChecks = [...wrong.fails];
      if (result.score !== undefined) {
        const missed = wrong.fails.filter((id) => !result.failedChecks.includes(id));
        const extra = result.failedChecks.filter((id) => !wrong.fails.includes(id));
        if (missed.length > 0) result.problems.push(`expected to fail ${missed.map((id) => `\`${id}\``).join(', ')} but passed`);
        if (extra.length > 0) result.problems.push(`also fails ${extra.map((id) => `\`${id}\``).join(', ')}, which \`fails\` does not list`);
        if (result.score >= 1) result.problems.push('scores 100%');
        result.ok = result.problems.length === 0;
      }
      runs.push(result);
    }
  }
  const mutants = firstVariant ? mutationTest(lab, firstVariant, ctx) : [];
  return { labId: lab.id, ok: runs.every((r) => r.ok) && mutants.every((m) => m.status !== 'survived'), runs, mutants };
}
