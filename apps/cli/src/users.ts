import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { createDb, promoteUser, ROLES, type Role } from '@skylab/db';
import { migrate } from '@skylab/db/migrate';
import { USERS_HELP } from './users-help.ts';
import { wantsHelp } from './usage.ts';

const MIGRATIONS = fileURLToPath(new URL('../../../migrations', import.meta.url));

/** Where the command writes and which database it opens; tests pass their own. */
export interface UsersIo {
  databaseUrl: string;
  authToken?: string;
  out(line: string): void;
  err(line: string): void;
}

function isRole(value: string | undefined): value is Role {
  return (ROLES as readonly string[]).includes(value ?? '');
}

/** A `file:` database that does not exist yet has no accounts: say so rather than create an empty file. */
function missingFile(url: string): string | undefined {
  if (!url.startsWith('file:')) return undefined;
  const path = url.slice('file:'.length);
  return existsSync(path) ? undefined : path;
}

/** `skylab users promote <email> <role>`: the documented way to make the first admin. Returns the exit code. */
export async function runUsersCommand(args: readonly string[], io: UsersIo): Promise<number> {
  const [command, email, role, ...rest] = args;
  if (wantsHelp(args)) {
    io.out(USERS_HELP);
    return 0;
  }
  if (command !== 'promote' || !email || !isRole(role) || rest.length > 0) {
    io.err(USERS_HELP);
    return 2;
  }
  const missing = missingFile(io.databaseUrl);
  if (missing) {
    io.err(`no database at \`${missing}\`: start Skylab once (npm start) and sign up first`);
    return 1;
  }
  const db = createDb({ url: io.databaseUrl, ...(io.authToken ? { authToken: io.authToken } : {}) });
  try {
    await migrate(db, MIGRATIONS);
    const user = await promoteUser(db, email, role);
    if (!user) {
      io.err(`no account with the email \`${email}\`: sign up first`);
      return 1;
    }
    io.out(`${user.email} is now ${user.role}`);
    return 0;
  } finally {
    db.$client.close();
  }
}
