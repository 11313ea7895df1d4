import type { Db } from '@skylab/db';
import { join } from 'node:path';
import { createApp } from '../../src/app.ts';
import type { LabRegistry } from '../../src/lab-registry.ts';
import { loadLabsFromDir } from '../../src/labs-from-dir.ts';
import { openTestDb, REPO_ROOT, testDeps, type TestDepsOptions } from './test-deps.ts';

let registry: LabRegistry | undefined;

/** The repository's real labs through the real engine, loaded once per test file. */
export function repoLabs(): LabRegistry {
  registry ??= loadLabsFromDir(join(REPO_ROOT, 'labs'), REPO_ROOT).registry;
  return registry;
}

/** The app over test deps: a fresh `:memory:` database and the repository's labs unless given others. */
export async function testApp(options: Partial<TestDepsOptions> & { db?: Db } = {}) {
  const deps = testDeps(options.db ?? (await openTestDb()), { ...options, labs: options.labs ?? repoLabs() });
  const app = createApp(deps);
  return { deps, app, fetch: (url: string, init?: RequestInit) => app.request(url, init) };
}
