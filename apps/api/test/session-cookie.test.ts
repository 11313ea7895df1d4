import { describe, expect, it } from 'vitest';
import { PASSWORD } from './scenarios/scenario.ts';
import { testApp } from './support/test-app.ts';

const ORIGIN = 'http://localhost';

describe('the session cookie', () => {
  it.each([
    [false, '__Host-skylab_session', ['HttpOnly', 'Path=/', 'SameSite=Lax', 'Secure']],
    [true, 'skylab_session', ['HttpOnly', 'Path=/', 'SameSite=Lax']],
  ])('with insecureHttp %s is `%s` with %j, and signs in and out', async (insecureHttp, name, flags) => {
    const { fetch } = await testApp({ config: { insecureHttp } });
    const post = (path: string, headers: Record<string, string> = {}, body?: unknown) =>
      fetch(`${ORIGIN}${path}`, { method: 'POST', headers: { origin: ORIGIN, 'content-type': 'application/json', ...headers }, body: JSON.stringify(body ?? {}) });

    const signUp = await post('/api/auth/sign-up', {}, { email: 'ada@example.com', password: PASSWORD });
    const [pair = '', ...attributes] = (signUp.headers.get('set-cookie') ?? '').split(';').map((part) => part.trim());
    expect(pair.split('=')[0]).toBe(name);
    expect(attributes.filter((attribute) => !/^Max-Age=/.test(attribute)).sort()).toEqual(flags);

    const me = await fetch(`${ORIGIN}/api/me`, { headers: { cookie: pair } });
    expect(me.status).toBe(200);
    const signOut = await post('/api/auth/sign-out', { cookie: pair });
    expect(signOut.headers.get('set-cookie')).toMatch(new RegExp(`^${name}=;.*Max-Age=0`));
  });
});
