import { createDb, promoteUser } from '@skylab/db';
import { labSources } from 'virtual:skylab-lab-sources';
import { describe, inject, it } from 'vitest';
import { createApp } from '../../src/app.ts';
import { defaultConfig } from '../../src/config.ts';
import type { AppDeps } from '../../src/deps.ts';
import { loadExamSources } from '../../src/exam-registry.ts';
import { createInProcessGrader } from '../../src/grader.ts';
import { createUlids } from '../../src/ids.ts';
import { loadLabSources } from '../../src/lab-registry.ts';
import { createWebPasswords } from '../../src/passwords-web.ts';
import { createSecretBox } from '../../src/secret-box.ts';
import { examFixtureSources } from '../fixtures/exams.ts';
import { examScenarioContext, examScenarios } from '../scenarios/exams.ts';
import { scenarioContext } from '../scenarios/index.ts';

// The exam scenarios move the server's clock, which the deployed Worker reads from `Date.now()`: here the app is
// built inside workerd as the Worker entry builds it, against the same sqld, with the real clock plus an offset
// the scenarios move, and the fixture exams windowed around the time the run started.
describe('exam scenarios in workerd against sqld', () => {
  let offset = 0;
  const clock = { now: () => Date.now() + offset };
  const labs = loadLabSources(labSources);
  const exams = loadExamSources(examFixtureSources(Date.now()), labs.registry);
  if (exams.problems.length > 0) throw new Error(`fixture exams do not load:\n${exams.problems.join('\n')}`);
  // No client queue, as in the Worker entry: a queued query must not be resolved by another test's request.
  const db = createDb({ url: inject('databaseUrl'), concurrency: Number.MAX_SAFE_INTEGER });
  const silent = { info: () => undefined, warn: () => undefined, error: () => undefined };
  const deps: AppDeps = {
    db,
    labs: labs.registry,
    exams: exams.registry,
    clock,
    ids: createUlids(clock),
    log: silent,
    config: defaultConfig(),
    passwords: createWebPasswords(),
    secrets: createSecretBox(new Uint8Array(32).fill(9)),
    grading: createInProcessGrader(labs.registry),
    socketAddress: (c) => c.req.header('cf-connecting-ip'),
  };
  const app = createApp(deps);
  const base = scenarioContext((url, init) => app.fetch(new Request(url, init)), 'https://skylab.test');
  const ctx = examScenarioContext(base, { advanceClock: (ms) => (offset += ms), promote: (email) => promoteUser(db, email, 'instructor') });
  for (const scenario of examScenarios) it(scenario.name, () => scenario.run(ctx));
});
