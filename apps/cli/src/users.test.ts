import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createDb, findUserByEmail, insertUser, ROLES } from '@skylab/db';
import { migrate } from '@skylab/db/migrate';
import { describe, expect, it } from 'vitest';
import { runUsersCommand } from './users.ts';

const MIGRATIONS = fileURLToPath(new URL('../../../migrations', import.meta.url));

async function seededDatabase(): Promise<string> {
  const url = `file:${join(mkdtempSync(join(tmpdir(), 'skylab-cli-')), 'skylab.db')}`;
  const db = createDb(url);
  await migrate(db, MIGRATIONS);
  await insertUser(db, { id: 'u1', email: 'Ada@Example.com', name: 'Ada', passwordHash: 'x', role: 'learner', createdAt: 0 });
  db.$client.close();
  return url;
}

async function run(args: string[], databaseUrl: string) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runUsersCommand(args, { databaseUrl, out: (l) => out.push(l), err: (l) => err.push(l) });
  return { code, out, err };
}

describe('skylab users promote', () => {
  it('makes an existing account admin, whatever the case of the email', async () => {
    const url = await seededDatabase();
    expect(await run(['promote', 'ada@example.COM', 'admin'], url)).toEqual({ code: 0, out: ['ada@example.com is now admin'], err: [] });
    const db = createDb(url);
    expect((await findUserByEmail(db, 'ada@example.com'))?.role).toBe('admin');
    db.$client.close();
  });

  it.each([
    [['promote', 'nobody@example.com', 'admin'], 1, 'no account with the email `nobody@example.com`: sign up first'],
    [['promote', 'ada@example.com', 'root'], 2, 'usage:'],
    [['demote', 'ada@example.com', 'admin'], 2, 'usage:'],
    [['promote'], 2, 'usage:'],
  ])('%j exits %i', async (args, code, message) => {
    const result = await run(args, await seededDatabase());
    expect(result.code).toBe(code);
    expect(result.err.join('\n')).toContain(message);
  });

  it('refuses to create a database that does not exist', async () => {
    const result = await run(['promote', 'ada@example.com', 'admin'], `file:${join(tmpdir(), 'skylab-missing', 'x.db')}`);
    expect(result).toMatchObject({ code: 1, err: [expect.stringContaining('no database at')] });
  });
});

describe('skylab users --help', () => {
  it('names every role the database knows, with an example, on stdout', async () => {
    const { code, out } = await run(['--help'], 'file:/no/such/database.db');
    expect(code).toBe(0);
    expect(out.join('\n')).toContain(`<${ROLES.join('|')}>`);
    expect(out.join('\n')).toMatch(/examples:\n {2}skylab users promote /);
  });
});
