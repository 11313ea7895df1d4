import type { Db } from '@skylab/db';
import type { Lab } from '@skylab/lab-engine';
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

/** The repository's labs with one lab changed, standing in for a lab written another way (an exam lab …). */
export function repoLabsWith(labId: string, change: (lab: Lab) => Lab): LabRegistry {
  const registered = repoLabs().get(labId);
  if (!registered) throw new Error(`there is no lab \`${labId}\` in the repository`);
  const lab = change(registered.lab);
  return { list: () => repoLabs().list(), get: (id) => (id === labId ? { ...registered, lab } : repoLabs().get(id)), misconceptions: () => repoLabs().misconceptions() };
}

/** The app over test deps: a fresh `:memory:` database and the repository's labs unless given others. */
export async function testApp(options: Partial<TestDepsOptions> & { db?: Db } = {}) {
  const deps = testDeps(options.db ?? (await openTestDb()), { ...options, labs: options.labs ?? repoLabs() });
  const app = createApp(deps);
  return { deps, app, fetch: (url: string, init?: RequestInit) => app.request(url, init) };
}
