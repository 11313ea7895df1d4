// The worker side of grading-pool.ts. Plain JavaScript because it is what makes TypeScript loadable:
// `npm start` runs `node --import tsx`, and in Node 20 those loader hooks do not reach worker threads,
// so each worker registers tsx itself before importing the jobs module the pool was given.
import { workerData } from 'piscina';
import { register } from 'tsx/esm/api';

register();
const jobs = await import(workerData.module);

/** Runs one job: the named export of the jobs module, on the job's input. */
export default function runJob({ fn, input }) {
  if (!Object.hasOwn(jobs, fn) || typeof jobs[fn] !== 'function') throw new Error(`there is no job \`${fn}\` in \`${workerData.module}\``);
  return jobs[fn](input);
}
