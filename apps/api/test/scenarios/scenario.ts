import { createAgent, type Agent, type Fetch } from './client.ts';

export interface ScenarioContext {
  /** A new browser with its own cookies and address. */
  agent(): Agent;
  /** A new browser, signed up as a fresh learner. */
  learner(): Promise<Agent & { email: string; password: string }>;
  /** A new browser signed in as the deployment's admin (`SCENARIO_ADMIN_EMAIL` must be in `SKYLAB_ADMIN_EMAILS`). */
  admin(): Promise<Agent>;
  /** An email no other scenario or run uses, so scenarios can share one database. */
  uniqueEmail(label: string): string;
  /** A bare request to a path (or a full URL) of the deployment, for answers that are not JSON and requests no browser makes (the attempt's AWS endpoint). */
  fetch(pathOrUrl: string, init?: RequestInit): Promise<Response>;
}

export interface Scenario {
  name: string;
  run(ctx: ScenarioContext): Promise<void>;
}

export const PASSWORD = 'correct horse battery';

/** The admin every deployment under test is configured with; the first scenario that needs it signs it up. */
export const SCENARIO_ADMIN_EMAIL = 'scenario-admin@example.com';

/** The context scenarios run in, over any fetch-like function and the origin it serves. */
export function scenarioContext(fetch: Fetch, origin: string): ScenarioContext {
  const run = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e6).toString(36)}`;
  let count = 0;
  const uniqueEmail = (label: string) => `${label}-${run}-${++count}@example.com`;
  return {
    agent: () => createAgent(fetch, origin),
    uniqueEmail,
    fetch: async (pathOrUrl, init) => fetch(/^https?:/.test(pathOrUrl) ? pathOrUrl : `${origin}${pathOrUrl}`, init),
    async admin() {
      const agent = createAgent(fetch, origin);
      const credentials = { email: SCENARIO_ADMIN_EMAIL, password: PASSWORD };
      const signedUp = await agent.post('/api/auth/sign-up', credentials);
      const res = signedUp.status === 409 ? await agent.post('/api/auth/sign-in', credentials) : signedUp;
      if (res.body?.user?.role !== 'admin') throw new Error(`the scenario admin is not an admin (${res.status}): set SKYLAB_ADMIN_EMAILS`);
      return agent;
    },
    async learner() {
      const agent = createAgent(fetch, origin);
      const email = uniqueEmail('learner');
      const res = await agent.post('/api/auth/sign-up', { email, password: PASSWORD, name: 'Test Learner' });
      if (res.status !== 201) throw new Error(`sign-up failed with ${res.status}: ${JSON.stringify(res.body)}`);
      return Object.assign(agent, { email, password: PASSWORD });
    },
  };
}
