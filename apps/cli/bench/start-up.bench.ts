// How long `skylab` takes from launch to exit, median and best of 10 runs each, against the tsx launch it replaced.
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { buildBundle, isFresh } from '../scripts/bundle.mjs';

const RUNS = 10;
const GOAL_MS = 300;
const cli = resolve(import.meta.dirname, '..');
const root = resolve(cli, '../..');
const bin = resolve(cli, 'bin/skylab.mjs');
const request = JSON.stringify({
  PolicyInputList: [JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }] })],
  ActionNames: ['s3:GetObject'],
});

function milliseconds(command: string, args: string[], input = ''): { median: number; best: number } {
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    const result = spawnSync(command, args, { cwd: root, input, stdio: ['pipe', 'ignore', 'pipe'] });
    times.push(performance.now() - start);
    if (result.status !== 0) throw new Error(`${command} ${args.join(' ')} exited ${result.status}: ${result.stderr}`);
  }
  times.sort((a, b) => a - b);
  return { median: times[Math.floor(RUNS / 2)] as number, best: times[0] as number };
}

function report(label: string, times: { median: number; best: number }, goal?: number): void {
  // Judged on the best run, as the other benches are: a shared machine's load lands on the median.
  const verdict = goal === undefined ? '' : `  goal < ${goal} ms  ${times.best < goal ? 'ok' : 'MISSED'}`;
  console.log(`${label.padEnd(48)} median ${times.median.toFixed(0).padStart(5)} ms  best ${times.best.toFixed(0).padStart(5)} ms${verdict}`);
}

if (!isFresh()) await buildBundle();
report('node -e 0 (the floor)', milliseconds(process.execPath, ['-e', '0']));
report('skylab --help (bundle)', milliseconds(process.execPath, [bin, '--help']), GOAL_MS);
report('skylab simulate iam - (bundle, one request)', milliseconds(process.execPath, [bin, 'simulate', 'iam', '-'], request), GOAL_MS);
// npm's own start-up comes on top of ours; --no keeps npx from fetching anything when the bin is not linked.
report('npx skylab --help (npm start-up included)', milliseconds('npx', ['--no', 'skylab', '--help']));
report('before: tsx apps/cli/src/main.ts --help', milliseconds(process.execPath, ['--import', 'tsx', resolve(cli, 'src/main.ts'), '--help']));
