// `npm run bench [-- --strict]`: every workspace's benchmarks through turbo, one at a time (they measure speed).
// `--strict` becomes SKYLAB_BENCH_STRICT=1 for every workspace's scripts/bench.mjs: a bench that prints
// MISSED then fails the run (exit 1). turbo passes the variable on because turbo.json declares it for `bench`.
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';

const args = process.argv.slice(2);
const unknown = args.filter((a) => a !== '--strict');
if (unknown.length > 0) {
  console.error(`npm run bench: unknown argument ${unknown.map((a) => `\`${a}\``).join(', ')}; the only one is \`--strict\``);
  process.exit(2);
}
const env = { ...process.env, TURBO_TELEMETRY_DISABLED: '1', ...(args.includes('--strict') ? { SKYLAB_BENCH_STRICT: '1' } : {}) };
const result = spawnSync('npx', ['turbo', 'run', 'bench', '--concurrency=1', '--force'], { cwd: resolve(import.meta.dirname, '..'), env, stdio: 'inherit' });
process.exit(result.status ?? 1);
