import { authScenarios } from './auth.ts';
import { badInputScenarios } from './bad-input.ts';
import { courseScenarios } from './courses.ts';
import { gradingIntegrityScenarios } from './grading-integrity.ts';
import { labScenarios } from './labs.ts';
import { securityHeaderScenarios } from './security-headers.ts';
import type { Scenario } from './scenario.ts';

/**
 * Every API scenario. Run them against any deployment of the app:
 *
 *   const ctx = scenarioContext(fetch, origin);
 *   for (const s of allScenarios) it(s.name, () => s.run(ctx));
 *
 * They share one database safely: each signs up its own learners with unique emails and claims its
 * own client address.
 */
export const allScenarios: Scenario[] = [...authScenarios, ...badInputScenarios, ...labScenarios, ...securityHeaderScenarios, ...gradingIntegrityScenarios, ...courseScenarios];

export { scenarioContext, PASSWORD, SCENARIO_ADMIN_EMAIL, type Scenario, type ScenarioContext } from './scenario.ts';
export { createAgent, type Agent, type ApiResponse, type Fetch } from './client.ts';
