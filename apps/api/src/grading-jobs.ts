// The jobs module of the Node grading pool (`pool-grader.ts`): each export runs in a worker thread on a
// job's plain data. A job names its lab by id and content hash; the thread reads the labs itself, once,
// from the folder the server read them from, and refuses a job whose lab it has at another version.
import { gradeSubmission, liveDrift, resetAccountState, resolveLab, type AccountJob, type SubmissionJob } from './grader.ts';
import type { LabRegistry } from './lab-registry.ts';
import { previewLab as previewLabText, type LabPreviewJob } from './lab-preview.ts';
import { loadLabsFromDir } from './labs-from-dir.ts';

/** The folder the server read its labs from (`LABS_DIR`, `labs/` by default), sent with every job. */
export interface FromLabsDir {
  labsDir: string;
}

const registries = new Map<string, LabRegistry>();

function labOf(job: AccountJob & FromLabsDir) {
  let labs = registries.get(job.labsDir);
  if (!labs) {
    // Paths in problem reports do not matter here: the server reported them when it loaded the same files.
    labs = loadLabsFromDir(job.labsDir, job.labsDir).registry;
    registries.set(job.labsDir, labs);
  }
  return resolveLab(labs, job.lab);
}

export const grade = (job: SubmissionJob & FromLabsDir) => gradeSubmission(labOf(job), job);
export const resetAccount = (job: AccountJob & FromLabsDir) => resetAccountState(labOf(job), job);
export const drift = (job: AccountJob & FromLabsDir) => liveDrift(labOf(job), job);
export const previewLab = (job: LabPreviewJob) => previewLabText(job);
