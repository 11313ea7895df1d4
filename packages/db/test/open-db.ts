import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createDb, type Db } from '../src/index.ts';
import { migrate } from '../src/migrate.ts';

export const MIGRATIONS = resolve(import.meta.dirname, '../../../migrations');

/** A migrated database: `:memory:`, or a file in a fresh temp folder. */
export async function openDb(kind: 'memory' | 'file'): Promise<Db> {
  const url = kind === 'memory' ? ':memory:' : `file:${join(mkdtempSync(join(tmpdir(), 'skylab-db-')), 'test.db')}`;
  const db = createDb(url);
  await migrate(db, MIGRATIONS);
  return db;
}
