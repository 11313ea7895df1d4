import { LabError, loadLab, provision, renderLab, selfTest, type LabView, type Provisioned, type SelfTestReport } from '@skylab/lab-engine';
import type { Finding } from '@skylab/validation';
import { engineCtx, pinnedClock } from './engine-ctx.ts';

/** A lab text to preview: plain data, so it crosses to a grading thread like any job. */
export interface LabPreviewJob {
  text: string;
  /** The seed of the variant shown, as an attempt's seed picks its variant. */
  seed: string;
  time: number;
  region: string;
}

export interface LabPreview {
  /** The lab loads without errors and passes its self-test. */
  ok: boolean;
  /** Problems in the text, at line and column; also what provisioning refused. */
  findings: Finding[];
  /** The lab as a learner sees it for `seed`; null when it does not load. */
  lab: LabView | null;
  params: Record<string, string> | null;
  /** Solution, wrong answers and mutants; null when the lab does not load. */
  selfTest: SelfTestReport | null;
}

/** Loads, renders and self-tests a lab text without storing anything: CPU-bound, so it runs where grading runs. */
export function previewLab(job: LabPreviewJob): LabPreview {
  const { lab, findings } = loadLab(job.text);
  if (!lab) return { ok: false, findings, lab: null, params: null, selfTest: null };
  const deps = pinnedClock({ config: { region: job.region } }, job.time);
  let provisioned: Provisioned;
  try {
    provisioned = provision(lab, job.seed, engineCtx(deps, job.seed, 0));
  } catch (error) {
    if (!(error instanceof LabError)) throw error;
    return { ok: false, findings: [...findings, ...error.findings], lab: null, params: null, selfTest: null };
  }
  const report = selfTest(lab, engineCtx(deps, `${job.seed}/self-test`, 0));
  return { ok: report.ok && findings.every((f) => f.severity !== 'error'), findings, lab: renderLab(lab, provisioned.params), params: provisioned.params, selfTest: report };
}
