import { availableParallelism } from 'node:os';
import { Piscina } from 'piscina';

/** A module of jobs: pure functions whose input and result survive `structuredClone`. */
export type JobModule = Record<string, unknown>;

type JobName<M> = { [K in keyof M]: M[K] extends (input: never) => unknown ? K : never }[keyof M] & string;
type JobFn<M, K extends JobName<M>> = Extract<M[K], (input: never) => unknown>;

/** One call: the name of an export of the pool's module and its argument. */
export interface Job<M, K extends JobName<M> = JobName<M>> {
  fn: K;
  input: Parameters<JobFn<M, K>>[0];
}

export interface GradingPool<M> {
  /** Runs the job in a worker thread; rejects with the job's error, or `GradingQueueFull` at once. */
  runJob<K extends JobName<M>>(job: Job<M, K>): Promise<Awaited<ReturnType<JobFn<M, K>>>>;
  readonly threads: number;
  /** Ends the workers; jobs still queued are rejected. */
  close(): Promise<void>;
}

export interface GradingPoolOptions {
  /** The jobs module, TypeScript or JavaScript; every worker imports it once. */
  module: URL;
  /** Worker threads; by default one per core but one, so the event loop keeps a core. */
  threads?: number;
  /** Jobs that may wait for a thread before new ones are refused. */
  maxQueue?: number;
}

/** The pool refuses work instead of queueing without bound: the caller answers 503 and the learner retries. */
export class GradingQueueFull extends Error {
  constructor(waiting: number, threads: number) {
    super(`the grading queue is full (${waiting} jobs waiting for ${threads} thread${threads === 1 ? '' : 's'}): try again in a moment`);
    this.name = 'GradingQueueFull';
  }
}

export function defaultThreads(cores: number = availableParallelism()): number {
  return Math.max(1, cores - 1);
}

const WORKER = new URL('./grading-worker.mjs', import.meta.url);

/** What `grading-worker.mjs` answers: the job's result, or its error as plain fields. */
type JobOutcome = { value: unknown } | { error: { name: string; message: string; stack?: string } };

function jobError(fields: { name: string; message: string; stack?: string }): Error {
  const error = new Error(fields.message);
  error.name = fields.name;
  if (fields.stack !== undefined) error.stack = fields.stack;
  return error;
}

/**
 * Worker threads that run CPU-bound pure functions (grading) off the event loop, so one burst of
 * submissions does not stall every other request. Node only: a Worker isolate has no threads.
 */
export function createGradingPool<M extends JobModule>(options: GradingPoolOptions): GradingPool<M> {
  const threads = options.threads ?? defaultThreads();
  const maxQueue = options.maxQueue ?? threads * 64;
  // Every thread stays up: starting one loads tsx and the jobs' imports, far slower than a grade.
  const piscina = new Piscina({ filename: WORKER.href, workerData: { module: options.module.href }, minThreads: threads, maxThreads: threads, idleTimeout: Infinity });
  // Counted here rather than with Piscina's `maxQueue`, whose limit also grows with idle capacity.
  let inFlight = 0;
  return {
    threads,
    async runJob(job) {
      if (inFlight >= threads + maxQueue) throw new GradingQueueFull(inFlight - threads, threads);
      inFlight++;
      try {
        const outcome: JobOutcome = await piscina.run(job);
        if ('error' in outcome) throw jobError(outcome.error);
        return outcome.value as never;
      } finally {
        inFlight--;
      }
    },
    close: () => piscina.destroy(),
  };
}
