import { exports } from 'cloudflare:workers';
import { describe, it } from 'vitest';
import { allScenarios, scenarioContext } from '../scenarios/index.ts';

// The very scenarios that run in-process in Node, here through the Worker's own fetch handler inside
// workerd, against the sqld that the global setup started: one database shared by every scenario.
describe('API scenarios in workerd against sqld', () => {
  const ctx = scenarioContext((url, init) => exports.default.fetch(url, init), 'https://skylab.test');
  for (const scenario of allScenarios) it(scenario.name, () => scenario.run(ctx));
});
