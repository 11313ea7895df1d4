import process from 'node:process';
import { runCli } from './cli.ts';
import { runUsersCommand } from './users.ts';

const args = process.argv.slice(2);
let n = 0;

if (args[0] === 'users') {
  process.exitCode = await runUsersCommand(args.slice(1), {
    databaseUrl: process.env.DATABASE_URL || 'file:.data/skylab.db',
    ...(process.env.DATABASE_AUTH_TOKEN ? { authToken: process.env.DATABASE_AUTH_TOKEN } : {}),
    out: (line) => process.stdout.write(`${line}\n`),
    err: (line) => process.stderr.write(`${line}\n`),
  });
} else {
  process.exitCode = runCli(args, {
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
}
