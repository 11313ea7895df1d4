import type { TestProject } from 'vitest/node';
import { startMigratedSqld } from './sqld.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    databaseUrl: string;
  }
}

/**
 * One migrated sqld for the whole workerd run; the pool config binds its URL as the Worker's
 * `DATABASE_URL`, and the returned teardown stops it.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const sqld = await startMigratedSqld();
  project.provide('databaseUrl', sqld.url);
  return sqld.stop;
}
