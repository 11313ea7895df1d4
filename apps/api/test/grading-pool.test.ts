import { afterEach, describe, expect, it } from 'vitest';
import { createGradingPool, defaultThreads, GradingQueueFull, type GradingPool } from '../src/grading-pool.ts';
import type * as jobs from './fixtures/pool-jobs.ts';

const JOBS = new URL('./fixtures/pool-jobs.ts', import.meta.url);
let pool: GradingPool<typeof jobs> | undefined;
afterEach(async () => {
  await pool?.close();
  pool = undefined;
});

function open(options: { threads?: number; maxQueue?: number } = {}) {
  pool = createGradingPool<typeof jobs>({ module: JOBS, ...options });
  return pool;
}

describe('the grading pool', () => {
  it.each([
    [1, 1],
    [2, 1],
    [4, 3],
    [16, 15],
  ])('on %i cores runs %i worker threads', (cores, threads) => {
    expect(defaultThreads(cores)).toBe(threads);
  });

  it('runs a job in a worker thread, loading its TypeScript module, and returns a structured clone', async () => {
    const result = await open({ threads: 1 }).runJob({ fn: 'double', input: { n: 21 } });
    expect(result).toEqual({ doubled: 42, at: new Date(0), seen: new Map([['n', 21]]) });
  });

  it.each([
    ['a job that throws', { fn: 'fail', input: { what: 'policy.json' } }, { name: 'AnswerRefused', message: 'cannot grade `policy.json`', stack: expect.stringContaining('pool-jobs.ts') }],
    ['an unknown job', { fn: 'nothing', input: {} }, { message: expect.stringMatching(/^there is no job `nothing` in `.*pool-jobs\.ts`$/) }],
    ['an export that is not a function', { fn: 'notAFunction', input: {} }, { message: expect.stringMatching(/^there is no job `notAFunction`/) }],
  ] as const)('rejects %s with its error', async (_label, job, error) => {
    // The names are checked in the worker too: a job name may come from data.
    await expect(open({ threads: 1 }).runJob(job as never)).rejects.toMatchObject(error);
  });

  it('replaces a worker that crashed, and fails only the job it was running', async () => {
    const pool = open({ threads: 1 });
    await expect(pool.runJob({ fn: 'crash', input: undefined })).rejects.toThrow(/exited with code: 3/);
    expect(await pool.runJob({ fn: 'hold', input: { ms: 1 } })).toBe(1);
  });

  it('refuses a job when the queue is full, and runs the ones it took', async () => {
    const pool = open({ threads: 1, maxQueue: 2 });
    const taken = [pool.runJob({ fn: 'hold', input: { ms: 200 } }), pool.runJob({ fn: 'hold', input: { ms: 1 } }), pool.runJob({ fn: 'hold', input: { ms: 2 } })];
    const refused = pool.runJob({ fn: 'hold', input: { ms: 3 } });
    await expect(refused).rejects.toBeInstanceOf(GradingQueueFull);
    await expect(refused).rejects.toThrow('the grading queue is full (2 jobs waiting for 1 thread): try again in a moment');
    expect(await Promise.all(taken)).toEqual([200, 1, 2]);
    expect(await pool.runJob({ fn: 'hold', input: { ms: 4 } })).toBe(4);
  });
});
