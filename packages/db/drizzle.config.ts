import { defineConfig } from 'drizzle-kit';

// Paths are relative to this file's folder only when drizzle-kit is run from it; the root script
// passes `--config packages/db/drizzle.config.ts` from the repository root, so they are root-relative.
export default defineConfig({
  dialect: 'turso',
  schema: './packages/db/src/schema.ts',
  out: './migrations',
  dbCredentials: { url: process.env.DATABASE_URL ?? 'file:.data/skylab.db' },
});
