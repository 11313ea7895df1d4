import { migrate as drizzleMigrate } from 'drizzle-orm/libsql/migrator';
import type { Db } from './client.ts';

/**
 * Applies the drizzle-kit migrations in `migrationsFolder` that the database has not seen yet.
 * Reads the folder with `node:fs`, so it is a separate entry point (`@skylab/db/migrate`) that
 * Worker bundles never pull in.
 */
export async function migrate(db: Db, migrationsFolder: string): Promise<void> {
  await drizzleMigrate(db, { migrationsFolder });
}
