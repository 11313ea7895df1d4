// `npm run bench` (through turbo, per workspace): runs every `bench/*.bench.ts` of the workspace it is started in.
// Each bench file prints its own figures; benchmarks measure speed goals so that no test has to be timed.
// A goal a bench misses is printed with the word MISSED. With SKYLAB_BENCH_STRICT=1 (`npm run bench -- --strict`,
// see scripts/bench-all.mjs) a bench that prints MISSED fails, so CI can hold the goals.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const strict = process.env.SKYLAB_BENCH_STRICT === '1';
const dir = join(process.cwd(), 'bench');
const files = existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.bench.ts')).sort() : [];
let failed = false;
const missed = [];
for (const file of files) {
  console.log(`\n# ${file}`);
  // Output is passed through as it comes and kept, to look for MISSED afterwards.
  const result = spawnSync(process.execPath, ['--import', 'tsx', join(dir, file)], { stdio: ['inherit', 'pipe', 'pipe'], maxBuffer: 64 * 1024 * 1024 });
  process.stdout.write(result.stdout ?? '');
  process.stderr.write(result.stderr ?? '');
  failed ||= result.status !== 0;
  const lines = `${result.stdout ?? ''}${result.stderr ?? ''}`.split('\n').filter((line) => /\bMISSED\b/.test(line));
  for (const line of lines) missed.push(`${file}: ${line.trim()}`);
}
if (missed.length > 0) {
  console.log(`\n${missed.length} goal${missed.length === 1 ? '' : 's'} MISSED${strict ? ' (strict: failing)' : ''}:\n${missed.map((m) => `  ${m}`).join('\n')}`);
  if (strict) failed = true;
}
process.exit(failed ? 1 : 0);
