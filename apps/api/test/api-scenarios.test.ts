import { promoteUser } from '@skylab/db';
import { describe, it } from 'vitest';
import { examScenarioContext, examScenarios } from './scenarios/exams.ts';
import { allScenarios, SCENARIO_ADMIN_EMAIL, scenarioContext } from './scenarios/index.ts';
import { testApp } from './support/test-app.ts';

describe('API scenarios in Node (in-process, :memory: libSQL)', async () => {
  const { fetch } = await testApp({ config: { adminEmails: [SCENARIO_ADMIN_EMAIL] } });
  const ctx = scenarioContext(fetch, 'http://localhost');
  for (const scenario of allScenarios) it(scenario.name, () => scenario.run(ctx));
});

describe('exam scenarios in Node (the fixed test clock, moved by the scenarios)', async () => {
  const { fetch, deps } = await testApp();
  const ctx = examScenarioContext(scenarioContext(fetch, 'http://localhost'), { advanceClock: deps.clock.advance, promote: (email) => promoteUser(deps.db, email, 'instructor') });
  for (const scenario of examScenarios) it(scenario.name, () => scenario.run(ctx));
});
