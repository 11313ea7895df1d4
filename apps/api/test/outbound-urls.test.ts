import { insertWebhookEndpoint, listWebhookDeliveries, promoteUser } from '@skylab/db';
import { describe, expect, it } from 'vitest';
import { deliverDue } from '../src/deliveries.ts';
import { emitWebhook } from '../src/webhooks/emit.ts';
import { createAgent } from './scenarios/client.ts';
import { PASSWORD } from './scenarios/scenario.ts';
import { testApp } from './support/test-app.ts';

// The production default: webhook and platform URLs must be https to public hosts (SKYLAB_ALLOW_INTERNAL_URLS off).
async function adminApp() {
  const called: string[] = [];
  const app = await testApp({ config: { allowInternalUrls: false, adminEmails: ['admin@example.com'] } });
  app.deps.fetch = async (input) => {
    called.push(String(input));
    return new Response(null, { status: 204 });
  };
  app.deps.resolveHost = async (hostname) => (hostname === 'rebound.example.com' ? ['10.0.0.7'] : ['93.184.215.14']);
  const admin = createAgent(app.fetch, 'http://localhost');
  expect((await admin.post('/api/auth/sign-up', { email: 'admin@example.com', password: PASSWORD })).status).toBe(201);
  await promoteUser(app.deps.db, 'admin@example.com', 'admin');
  return { ...app, admin, called };
}

const PLATFORM = {
  issuer: 'https://lms.example.edu',
  clientId: 'skylab',
  authLoginUrl: 'https://lms.example.edu/auth',
  accessTokenUrl: 'https://lms.example.edu/token',
  jwksUrl: 'https://lms.example.edu/jwks',
  deploymentIds: ['1'],
};

describe('URLs Skylab calls out to', () => {
  it.each([
    ['the metadata address', 'https://169.254.169.254/latest/meta-data/', /link-local address/],
    ['plain http', 'http://hooks.example.com/skylab', /must use https/],
    ['credentials in the URL', 'https://me:pw@hooks.example.com/', /user name or password/],
    ['a *.localhost name', 'https://admin.localhost/', /internal host/],
  ])('refuses a webhook endpoint at %s with a finding at `url`', async (_label, url, message) => {
    const { admin } = await adminApp();
    const res = await admin.post('/api/webhooks', { url, events: ['grade.changed'] });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('invalid_url');
    expect(res.body.error.findings).toEqual([expect.objectContaining({ path: ['url'], message: expect.stringMatching(message) })]);
  });

  it('names each platform URL that points inside, and registers a public one', async () => {
    const { admin } = await adminApp();
    const refused = await admin.post('/api/lti/platforms', { ...PLATFORM, accessTokenUrl: 'https://10.0.0.5/token', jwksUrl: 'https://[::1]/jwks' });
    expect(refused.status).toBe(400);
    expect(refused.body.error.findings.map((finding: { path: string[] }) => finding.path)).toEqual([['accessTokenUrl'], ['jwksUrl']]);
    expect((await admin.post('/api/lti/platforms', PLATFORM)).status).toBe(201);
  });

  it('refuses at delivery a stored endpoint whose name now resolves inside, logging why', async () => {
    const { deps, called } = await adminApp();
    await insertWebhookEndpoint(deps.db, { id: 'rebound', url: 'https://rebound.example.com/hooks', secret: 'whsec_x', events: ['grade.changed'], createdAt: deps.clock.now() });
    await insertWebhookEndpoint(deps.db, { id: 'stored-before', url: 'http://127.0.0.1:9/hooks', secret: 'whsec_y', events: ['grade.changed'], createdAt: deps.clock.now() });
    await emitWebhook(deps, 'grade.changed', { attemptId: 'a' });
    await deliverDue(deps);
    expect(called).toEqual([]);
    const [rebound] = await listWebhookDeliveries(deps.db, 'rebound', 10);
    expect(rebound?.attempts[0]?.error).toBe('refused to call `rebound.example.com`: it resolves to a private address (`10.0.0.7`)');
    const [stored] = await listWebhookDeliveries(deps.db, 'stored-before', 10);
    expect(stored?.attempts[0]?.error).toMatch(/^refused to call `http:\/\/127\.0\.0\.1:9\/hooks`: it must use https/);
  });
});
