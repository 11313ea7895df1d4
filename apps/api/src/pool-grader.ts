import { restoreAccountState } from '@skylab/emulator';
import { ApiError } from './errors.ts';
import { LabChanged, type Grader, type SubmissionGrading } from './grader.ts';
import type * as jobs from './grading-jobs.ts';
import { createGradingPool, defaultThreads, GradingQueueFull, type GradingPoolOptions } from './grading-pool.ts';

const JOBS = new URL('./grading-jobs.ts', import.meta.url);

/** Grading in worker threads (Node): the event loop keeps serving reads while submissions are graded. */
export interface PoolGrader extends Grader {
  /** Ends the worker threads; jobs still queued are refused. */
  close(): Promise<void>;
}

export interface PoolGraderOptions extends Omit<GradingPoolOptions, 'module'> {
  /** The folder the server read its labs from: the threads read the same one. */
  labsDir: string;
}

/**
 * Jobs that may wait per thread. A grade takes tens of milliseconds, so a class of 200 submitting at once
 * waits a few seconds on one thread rather than being refused; past this the wait is better spent retrying.
 */
const QUEUE_PER_THREAD = 256;

/** A full queue clears in about this long, at ~50 ms a grade. */
const RETRY_AFTER_SECONDS = 10;

/** The pool's refusals as the API answers them; only the name and message of a job's error cross the thread boundary. */
function apiError(error: unknown): unknown {
  if (error instanceof GradingQueueFull) return new ApiError(503, 'grading_busy', error.message, undefined, { 'retry-after': String(RETRY_AFTER_SECONDS) });
  if (error instanceof Error && error.name === 'LabChanged') return new LabChanged(error.message);
  return error;
}

async function settled<T>(result: Promise<T>): Promise<T> {
  try {
    return await result;
  } catch (error) {
    throw apiError(error);
  }
}

/**
 * Account records come back from a thread with `Object.prototype` (structured cloning drops their null
 * one); restored as from the database, they are what the in-process grader gives, and safe to index.
 */
function restoredLive(graded: SubmissionGrading): SubmissionGrading {
  return graded.ok ? { ...graded, live: { ...graded.live, state: restoreAccountState(graded.live.state) } } : graded;
}

export function createPoolGrader({ labsDir, threads = defaultThreads(), maxQueue = threads * QUEUE_PER_THREAD }: PoolGraderOptions): PoolGrader {
  const pool = createGradingPool<typeof jobs>({ module: JOBS, threads, maxQueue });
  return {
    grade: async (job) => restoredLive(await settled(pool.runJob({ fn: 'grade', input: { ...job, labsDir } }))),
    resetAccount: async (job) => restoreAccountState(await settled(pool.runJob({ fn: 'resetAccount', input: { ...job, labsDir } }))),
    drift: (job) => settled(pool.runJob({ fn: 'drift', input: { ...job, labsDir } })),
    previewLab: (job) => settled(pool.runJob({ fn: 'previewLab', input: job })),
    close: () => pool.close(),
  };
}
