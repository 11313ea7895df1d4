// The worker side of grading-pool.ts. Plain JavaScript because it is what makes TypeScript loadable:
// `npm start` runs `node --import tsx`, and in Node 20 those loader hooks do not reach worker threads,
// so each worker registers tsx itself before importing the jobs module the pool was given.
import { workerData } from 'piscina';
import { register } from 'tsx/esm/api';

register();
const jobs = await import(workerData.module);

/**
 * Runs one job: the named export of the jobs module, on the job's input. An error is sent back as plain
 * fields: a thrown one would cross the thread boundary with the name of a built-in error class only, and
 * callers tell a job's own refusals apart by name.
 */
export default async function runJob({ fn, input }) {
  try {
    if (!Object.hasOwn(jobs, fn) || typeof jobs[fn] !== 'function') throw new Error(`there is no job \`${fn}\` in \`${workerData.module}\``);
    return { value: await jobs[fn](input) };
  } catch (error) {
    return { error: error instanceof Error ? { name: error.name, message: error.message, stack: error.stack } : { name: 'Error', message: String(error) } };
  }
}
