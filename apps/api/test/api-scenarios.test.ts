import { describe, it } from 'vitest';
import { allScenarios, SCENARIO_ADMIN_EMAIL, scenarioContext } from './scenarios/index.ts';
import { testApp } from './support/test-app.ts';

describe('API scenarios in Node (in-process, :memory: libSQL)', async () => {
  const { fetch } = await testApp({ config: { adminEmails: [SCENARIO_ADMIN_EMAIL] } });
  const ctx = scenarioContext(fetch, 'http://localhost');
  for (const scenario of allScenarios) it(scenario.name, () => scenario.run(ctx));
});
