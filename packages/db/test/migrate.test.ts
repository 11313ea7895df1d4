import { describe, expect, it } from 'vitest';
import { migrate } from '../src/migrate.ts';
import { MIGRATIONS, openDb } from './open-db.ts';

describe('migrate', () => {
  it('applies nothing twice, so every start can call it', async () => {
    const db = await openDb('file');
    await migrate(db, MIGRATIONS);
    const tables = await db.$client.execute("select name from sqlite_master where type = 'table' and name not like '\\_%' escape '\\' order by name");
    expect(tables.rows.map((r) => r.name)).toEqual(['attempts', 'sessions', 'sign_in_throttles', 'submissions', 'users']);
  });
});
