import type { ServerType } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { serveNode } from '../../src/node-server.ts';
import { createAgent, type Agent } from '../scenarios/client.ts';
import { PASSWORD } from '../scenarios/scenario.ts';
import { checkDocumented } from './documented-responses.ts';
import { testApp } from './test-app.ts';

/** The app on a real Node HTTP server (as `npm start` serves it) over test deps, with a signed-in admin. */
export async function startToolServer() {
  const { app, deps } = await testApp({ config: { adminEmails: ['admin@example.com'] } });
  const server = await new Promise<ServerType>((resolve) => {
    // Answers are checked against the OpenAPI document, as `testApp`'s fetch does; a mismatch is a 500 with its reason logged.
    const checked: typeof app.fetch = async (request, ...rest) => {
      const response = await app.fetch(request, ...rest);
      await checkDocumented(request.method, request.url, response);
      return response;
    };
    const started = serveNode(checked, { port: 0, hostname: '127.0.0.1' }, () => resolve(started));
  });
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const browser = (): Agent => createAgent((url, init) => fetch(url, init), origin);
  const admin = browser();
  const signedUp = await admin.post('/api/auth/sign-up', { email: 'admin@example.com', password: PASSWORD });
  if (signedUp.status !== 201) throw new Error(`admin sign-up answered ${signedUp.status}`);
  return {
    app,
    deps,
    origin,
    admin,
    browser,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
