import type { Ctx } from '@skylab/emulator';
import type { Finding } from '@skylab/validation';
import { LabError } from './lab-error.ts';
import { loadLab } from './load-lab.ts';
import { provision } from './provision.ts';
import { selfTest } from './self-test.ts';
import type { LabView, Provisioned, SelfTestReport } from './types.ts';
import { renderLab } from './view.ts';

/** What an author sees of a lab text before publishing it. */
export interface LabPreview {
  /** The lab loads without errors and passes its self-test. */
  ok: boolean;
  /** Problems in the text at line and column, and what provisioning refused. */
  findings: Finding[];
  /** The lab as a learner sees it for the seed; null when it does not load. */
  lab: LabView | null;
  params: Record<string, string> | null;
  /** Solution, wrong answers and mutants; null when the lab does not load. */
  selfTest: SelfTestReport | null;
}

/**
 * Loads a lab text, renders it for `seed` as a learner would see it (provisioned with `ctx`) and runs its
 * self-test (with `selfTestCtx`). CPU-bound: a self-test grades the solution, every wrong answer and every mutant.
 */
export function previewLab(text: string, seed: string, ctx: Ctx, selfTestCtx: Ctx): LabPreview {
  const { lab, findings } = loadLab(text);
  if (!lab) return { ok: false, findings, lab: null, params: null, selfTest: null };
  let provisioned: Provisioned;
  try {
    provisioned = provision(lab, seed, ctx);
  } catch (error) {
    if (!(error instanceof LabError)) throw error;
    return { ok: false, findings: [...findings, ...error.findings], lab: null, params: null, selfTest: null };
  }
  const report = selfTest(lab, selfTestCtx);
  const loaded = findings.every((finding) => finding.severity !== 'error');
  return { ok: report.ok && loaded, findings, lab: renderLab(lab, provisioned.params), params: provisioned.params, selfTest: report };
}
