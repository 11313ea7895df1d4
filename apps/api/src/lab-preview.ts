import { previewLab as previewLabText, type LabPreview } from '@skylab/lab-engine';
import { engineCtx, pinnedClock } from './engine-ctx.ts';

/** A lab text to preview: plain data, so it crosses to a grading thread like any job. */
export interface LabPreviewJob {
  text: string;
  /** The seed of the variant shown, as an attempt's seed picks its variant. */
  seed: string;
  time: number;
  region: string;
}

/** Loads, renders and self-tests a lab text without storing anything: CPU-bound, so it runs where grading runs. */
export function previewLab(job: LabPreviewJob): LabPreview {
  const deps = pinnedClock({ config: { region: job.region } }, job.time);
  return previewLabText(job.text, job.seed, engineCtx(deps, job.seed, 0), engineCtx(deps, `${job.seed}/self-test`, 0));
}
