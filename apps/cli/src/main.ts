import process from 'node:process';
import { readsStdin, runCli } from './cli.ts';
import { readStream } from './read-input.ts';

const args = process.argv.slice(2);
const out = (line: string) => process.stdout.write(`${line}\n`);
const err = (line: string) => process.stderr.write(`${line}\n`);

if (args[0] === 'users') {
  // Loaded only for this command: the database client it needs is slow to load and no other command uses it.
  const { runUsersCommand } = await import('./users.ts');
  process.exitCode = await runUsersCommand(args.slice(1), {
    databaseUrl: process.env.DATABASE_URL || 'file:.data/skylab.db',
    ...(process.env.DATABASE_AUTH_TOKEN ? { authToken: process.env.DATABASE_AUTH_TOKEN } : {}),
    out,
    err,
  });
} else {
  // Read whole before the commands run, as they are synchronous; only when one will read it, so a terminal is not waited on.
  const stdin = readsStdin(args) ? await readStream(process.stdin) : '';
  let n = 0;
  process.exitCode = runCli(args, {
    cwd: process.cwd(),
    out,
    err,
    stdin: () => stdin,
    ctx: () => ({
      clock: { now: () => Date.now() },
      ids: { next: (prefix) => `${prefix}${String(++n).padStart(17, '0')}` },
      accountId: '111122223333',
      region: 'us-east-1',
    }),
  });
}
