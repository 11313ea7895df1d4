import type { Db } from '@skylab/db';
import type { Lab } from '@skylab/lab-engine';
import { join } from 'node:path';
import { createApp } from '../../src/app.ts';
import type { LabRegistry } from '../../src/lab-registry.ts';
import { loadExamSources, type ExamRegistry } from '../../src/exam-registry.ts';
import { loadLabsFromDir, readExamSources } from '../../src/labs-from-dir.ts';
import { examFixtureSources } from '../fixtures/exams.ts';
import { documentedFetch } from './documented-responses.ts';
import { FIXED_NOW } from './deterministic.ts';
import { openTestDb, REPO_ROOT, testDeps, type TestDepsOptions } from './test-deps.ts';

let registry: LabRegistry | undefined;

/** The repository's real labs through the real engine, loaded once per test file. */
export function repoLabs(): LabRegistry {
  registry ??= loadLabsFromDir(join(REPO_ROOT, 'labs'), REPO_ROOT).registry;
  return registry;
}

let exams: ExamRegistry | undefined;

/** The repository's exams and the scenario fixtures (windows around the fixed test clock), loaded once per test file. */
export function repoExams(): ExamRegistry {
  if (!exams) {
    const sources = [...readExamSources(join(REPO_ROOT, 'exams'), REPO_ROOT), ...examFixtureSources(FIXED_NOW)];
    const loaded = loadExamSources(sources, repoLabs());
    if (loaded.problems.length > 0) throw new Error(`test exams do not load:\n${loaded.problems.join('\n')}`);
    exams = loaded.registry;
  }
  return exams;
}

/** The repository's labs with one lab changed, standing in for a lab written another way (an exam lab …). */
export function repoLabsWith(labId: string, change: (lab: Lab) => Lab): LabRegistry {
  const registered = repoLabs().get(labId);
  if (!registered) throw new Error(`there is no lab \`${labId}\` in the repository`);
  const lab = change(registered.lab);
  return { list: () => repoLabs().list(), get: (id) => (id === labId ? { ...registered, lab } : repoLabs().get(id)), misconceptions: () => repoLabs().misconceptions() };
}

/** The app over test deps: a fresh `:memory:` database and the repository's labs unless given others; `fetch` checks answers against the OpenAPI document. */
export async function testApp(options: Partial<TestDepsOptions> & { db?: Db } = {}) {
  const deps = testDeps(options.db ?? (await openTestDb()), { ...options, labs: options.labs ?? repoLabs(), exams: options.exams ?? repoExams() });
  const app = createApp(deps);
  // Every answer is checked against the OpenAPI document: a route that drifts from its documented schema fails the test that called it.
  return { deps, app, fetch: documentedFetch((url, init) => app.request(url, init)) };
}
