import { insertLtiPlatform } from '@skylab/db';
import { describe, expect, it } from 'vitest';
import { testApp } from './support/test-app.ts';

const ISSUER = 'https://lms.example';

async function appWithPlatform() {
  const tested = await testApp();
  const platform = { issuer: ISSUER, authLoginUrl: `${ISSUER}/auth`, accessTokenUrl: `${ISSUER}/token`, jwksUrl: `${ISSUER}/jwks`, deploymentIds: ['1'], createdAt: 0 };
  await insertLtiPlatform(tested.deps.db, { id: 'p1', clientId: 'client-a', ...platform });
  return { ...tested, platform };
}

const login = (params: Record<string, string>, ip = '192.0.2.10') =>
  new Request(`http://localhost/api/lti/login?${new URLSearchParams({ iss: ISSUER, login_hint: 'u1', target_link_uri: 'http://localhost/labs/x', ...params })}`, { headers: { 'cf-connecting-ip': ip } });

describe('OIDC login initiation', () => {
  it('redirects to the platform with the OIDC parameters, a state and a nonce', async () => {
    const { app } = await appWithPlatform();
    const res = await app.request(login({ lti_message_hint: 'm1' }));
    expect(res.status).toBe(302);
    const to = new URL(res.headers.get('location')!);
    expect(Object.fromEntries(to.searchParams)).toMatchObject({
      scope: 'openid',
      response_type: 'id_token',
      response_mode: 'form_post',
      prompt: 'none',
      client_id: 'client-a',
      redirect_uri: 'http://localhost/api/lti/launch',
      login_hint: 'u1',
      lti_message_hint: 'm1',
    });
    expect(to.searchParams.get('state')).toMatch(/^[a-z2-7]{26}$/);
    expect(to.searchParams.get('nonce')).not.toBe(to.searchParams.get('state'));
  });

  it('needs the client id when an issuer registered Skylab twice', async () => {
    const { app, deps, platform } = await appWithPlatform();
    await insertLtiPlatform(deps.db, { id: 'p2', clientId: 'client-b', ...platform });
    expect((await app.request(login({}))).status).toBe(400);
    const chosen = await app.request(login({ client_id: 'client-b' }));
    expect(new URL(chosen.headers.get('location')!).searchParams.get('client_id')).toBe('client-b');
  });

  it('takes 300 logins a minute from one address, then 429 with Retry-After, others unaffected', async () => {
    const { app, deps } = await appWithPlatform();
    for (let i = 0; i < 300; i++) expect((await app.request(login({}))).status).toBe(302);
    const refused = await app.request(login({}));
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe('60');
    expect((await app.request(login({}, '198.51.100.7'))).status).toBe(302);
    deps.clock.advance(60_000);
    expect((await app.request(login({}))).status).toBe(302);
  });
});
