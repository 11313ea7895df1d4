// `npm test`: the design lint, the tooling tests, then every workspace's typecheck and tests through turbo.
// Each vitest run writes a JSON report to .reports/; the closing line adds them up as `N passed, N failed`.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const reports = join(root, '.reports');
const env = { ...process.env, TURBO_TELEMETRY_DISABLED: '1', WRANGLER_SEND_METRICS: 'false', FORCE_COLOR: process.env.CI ? '0' : '1' };

function run(title, command, args) {
  console.log(`\n▶ ${title}`);
  const started = Date.now();
  const result = spawnSync(command, args, { cwd: root, env, stdio: 'inherit' });
  const ok = result.status === 0;
  console.log(`${ok ? '✔' : '✘'} ${title} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  return ok;
}

rmSync(reports, { recursive: true, force: true });
const steps = [
  ['lint (design rules, kebab-case, no cycles)', 'npx', ['eslint', '--max-warnings=0', '.']],
  ['tooling tests', 'npx', ['vitest', 'run']],
  ['typecheck and tests of every workspace', 'npx', ['turbo', 'run', 'typecheck', 'test', '--force', '--concurrency=2', '--env-mode=loose', '--output-logs=full', '--log-order=grouped']],
];
const failedSteps = steps.filter(([title, command, args]) => !run(title, command, args)).map(([title]) => title);

let passed = 0;
let failed = 0;
let skipped = 0;
for (const file of existsSync(reports) ? readdirSync(reports).filter((f) => f.endsWith('.json')) : []) {
  const report = JSON.parse(readFileSync(join(reports, file), 'utf8'));
  passed += report.numPassedTests ?? 0;
  // A file that fails to load has no failed tests but is a failed suite: count whichever is larger.
  failed += Math.max(report.numFailedTests ?? 0, report.numFailedTestSuites ?? 0);
  skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
}
// A step that failed outside any test (lint, typecheck, a crashed suite) counts as one failure.
const unexplained = failedSteps.length > 0 && failed === 0 ? failedSteps.length : 0;
if (failedSteps.length > 0) console.log(`\nfailed steps: ${failedSteps.join('; ')}`);
console.log(`\n${passed} passed, ${failed + unexplained} failed${skipped ? `, ${skipped} skipped` : ''}`);
process.exit(failedSteps.length > 0 || failed > 0 ? 1 : 0);
