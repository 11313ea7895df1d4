// How many signed round trips per second an attempt's AWS endpoint answers on Node: the real SDK client, the
// real server (in process), SigV4 verification, IAM authorization, the engine and the guarded write of the
// account. Calls go one after another, as a learner's script makes them.

/** Runs `call` `count` times in a row after a warm-up and prints round trips per second. */
export async function roundTrips(label: string, count: number, call: (i: number) => Promise<unknown>): Promise<number> {
  for (let i = 0; i < 20; i++) await call(i);
  const start = performance.now();
  for (let i = 0; i < count; i++) await call(i);
  const perSecond = count / ((performance.now() - start) / 1000);
  console.log(`${label.padEnd(56)} ${Math.round(perSecond).toLocaleString('en-US').padStart(8)} round trips/s`);
  return perSecond;
}
