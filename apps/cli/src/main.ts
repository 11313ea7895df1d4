import process from 'node:process';
import { runCli } from './cli.ts';

let n = 0;
process.exitCode = runCli(process.argv.slice(2), {
  cwd: process.cwd(),
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  ctx: () => ({
    clock: { now: () => Date.now() },
    ids: { next: (prefix) => `${prefix}${String(++n).padStart(17, '0')}` },
    accountId: '111122223333',
    region: 'us-east-1',
  }),
});
