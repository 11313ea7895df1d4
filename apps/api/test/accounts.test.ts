import { describe, expect, it } from 'vitest';
import { createAgent } from './scenarios/client.ts';
import { PASSWORD } from './scenarios/scenario.ts';
import { expectSecurityHeaders } from './scenarios/security-headers.ts';
import { testApp } from './support/test-app.ts';

describe('accounts', () => {
  it('make the emails in SKYLAB_ADMIN_EMAILS admins at sign-up, and nobody else', async () => {
    const { fetch } = await testApp({ config: { adminEmails: ['root@example.com'] } });
    const signUp = (email: string) => createAgent(fetch, 'http://localhost').post('/api/auth/sign-up', { email, password: PASSWORD });
    expect((await signUp('Root@Example.com')).body.user.role).toBe('admin');
    expect((await signUp('someone@example.com')).body.user.role).toBe('learner');
  });

  it('accept the Origin configured as PUBLIC_ORIGIN behind a proxy', async () => {
    const { fetch } = await testApp({ config: { publicOrigin: 'https://skylab.example' } });
    const agent = createAgent(fetch, 'http://localhost');
    const res = await agent.post('/api/auth/sign-up', { email: 'ada@example.com', password: PASSWORD }, { origin: 'https://skylab.example' });
    expect(res.status).toBe(201);
  });
});

describe('unexpected errors', () => {
  it('become a 500 with a request id, logged with the stack but never sent', async () => {
    const labs = {
      list: () => {
        throw new Error('disk on fire');
      },
      get: () => undefined,
      misconceptions: () => [],
    };
    const { fetch, deps } = await testApp({ labs });
    const res = await fetch('http://localhost/api/labs');
    expect(res.status).toBe(500);
    expectSecurityHeaders(res.headers, 'a 500');
    const body = await res.json();
    expect(body).toEqual({ error: { code: 'internal', message: 'something went wrong on our side', requestId: expect.stringMatching(/^[0-9A-Z]{26}$/) } });
    expect(JSON.stringify(body)).not.toContain('disk on fire');
    expect(deps.log.lines).toEqual([
      { level: 'error', message: 'unhandled error', fields: expect.objectContaining({ requestId: body.error.requestId, path: '/api/labs', error: expect.objectContaining({ message: 'disk on fire', stack: expect.any(String) }) }) },
    ]);
  });
});
