import type { ThrottleRule } from '@skylab/db';
import { describe, expect, it } from 'vitest';
import type { AppConfig } from '../src/deps.ts';
import { createAgent, type Agent } from './scenarios/client.ts';
import { PASSWORD } from './scenarios/scenario.ts';
import { testApp } from './support/test-app.ts';

const MINUTE = 60_000;
const rule = (maxFailures: number, maxLockMs?: number): ThrottleRule => ({ maxFailures, windowMs: 15 * MINUTE, lockMs: 15 * MINUTE, ...(maxLockMs ? { maxLockMs } : {}) });
const LOOSE = rule(1000);

async function setup(signInThrottle: Partial<AppConfig['signInThrottle']>) {
  const { fetch, deps } = await testApp({ config: { signInThrottle: { accountIp: LOOSE, account: LOOSE, ip: LOOSE, ...signInThrottle } } });
  const browser = () => createAgent(fetch, 'http://localhost');
  await browser().post('/api/auth/sign-up', { email: 'ada@example.com', password: PASSWORD });
  const signIn = (agent: Agent, password: string, email = 'ada@example.com') => agent.post('/api/auth/sign-in', { email, password });
  return { deps, browser, signIn };
}

describe('sign-in throttling', () => {
  it('locks an address that fails across many accounts, whichever account it tries next', async () => {
    const { browser, signIn } = await setup({ ip: rule(3) });
    const attacker = browser();
    for (let i = 0; i < 3; i++) expect((await signIn(attacker, 'wrong password', `victim${i}@example.com`)).status).toBe(401);
    const res = await signIn(attacker, PASSWORD);
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBe(String(15 * 60));
    expect((await signIn(browser(), PASSWORD)).status).toBe(200);
  });

  it('lifts the lock when it runs out, and locks twice as long the next time', async () => {
    const { deps, browser, signIn } = await setup({ accountIp: rule(2, 60 * MINUTE) });
    const client = browser();
    for (let i = 0; i < 2; i++) await signIn(client, 'wrong password');
    expect((await signIn(client, PASSWORD)).status).toBe(429);
    deps.clock.advance(14 * MINUTE);
    const later = await signIn(client, PASSWORD);
    expect(later.status).toBe(429);
    expect(later.headers.get('retry-after')).toBe('60');
    deps.clock.advance(MINUTE);
    for (let i = 0; i < 2; i++) expect((await signIn(client, 'wrong password')).status).toBe(401);
    expect((await signIn(client, PASSWORD)).headers.get('retry-after')).toBe(String(30 * 60));
  });

  it('forgets this address\'s failures on the account after a successful sign-in', async () => {
    const { browser, signIn } = await setup({ accountIp: rule(3) });
    const client = browser();
    await signIn(client, 'wrong password');
    await signIn(client, 'wrong password');
    expect((await signIn(client, PASSWORD)).status).toBe(200);
    await signIn(client, 'wrong password');
    expect((await signIn(client, 'wrong password')).status).toBe(401);
  });

  it('locks the account everywhere once failures from many addresses reach the ceiling; a success does not forgive them', async () => {
    const { browser, signIn } = await setup({ account: rule(4) });
    for (let i = 0; i < 2; i++) expect((await signIn(browser(), 'wrong password')).status).toBe(401);
    expect((await signIn(browser(), PASSWORD)).status).toBe(200);
    for (let i = 0; i < 2; i++) expect((await signIn(browser(), 'wrong password')).status).toBe(401);
    const locked = await signIn(browser(), PASSWORD);
    expect(locked.status).toBe(429);
    expect(locked.body.error.message).toBe('too many failed sign-ins: try again in 900 seconds');
  });
});

describe('client addresses behind proxies', () => {
  // Every agent's socket peer (`cf-connecting-ip`) is the proxy 10.0.0.2 here; the clients differ only in X-Forwarded-For.
  const viaProxy = (agent: Agent, forwardedFor: string) => ({
    signIn: (password: string) =>
      agent.request('POST', '/api/auth/sign-in', { body: { email: 'ada@example.com', password }, headers: { 'cf-connecting-ip': '10.0.0.2', 'x-forwarded-for': forwardedFor } }),
  });

  it.each([
    ['by default forwarded headers are ignored: everyone behind the proxy is one address', undefined, 429],
    ['with TRUST_PROXY=1 each client counts on its own, spoofed left-most entries ignored', { kind: 'hops', hops: 1 } as const, 200],
  ])('%s', async (_case, trustProxy, expected) => {
    const { fetch } = await testApp({ config: { signInThrottle: { accountIp: rule(2), account: LOOSE, ip: LOOSE }, ...(trustProxy ? { trustProxy } : {}) } });
    await createAgent(fetch, 'http://localhost').post('/api/auth/sign-up', { email: 'ada@example.com', password: PASSWORD });
    const attacker = viaProxy(createAgent(fetch, 'http://localhost'), '198.51.100.66');
    for (let i = 0; i < 2; i++) expect((await attacker.signIn('wrong password')).status).toBe(401);
    expect((await attacker.signIn(PASSWORD)).status).toBe(429);
    const owner = viaProxy(createAgent(fetch, 'http://localhost'), '198.51.100.66, 203.0.113.5');
    expect((await owner.signIn(PASSWORD)).status).toBe(expected);
  });
});

describe('sign-up throttling', () => {
  it('limits new accounts per address per hour, counting refused sign-ups too, and lets other addresses in', async () => {
    const { fetch, deps } = await testApp({ config: { signUpThrottle: { maxFailures: 2, windowMs: 60 * MINUTE, lockMs: 60 * MINUTE } } });
    const browser = () => createAgent(fetch, 'http://localhost');
    const classroom = browser();
    const signUp = (agent: ReturnType<typeof browser>, email: string) => agent.post('/api/auth/sign-up', { email, password: PASSWORD });
    expect((await signUp(classroom, 'one@example.com')).status).toBe(201);
    expect((await signUp(classroom, 'one@example.com')).status).toBe(409);
    const refused = await signUp(classroom, 'three@example.com');
    expect(refused.status).toBe(429);
    expect(refused.headers.get('retry-after')).toBe(String(60 * 60));
    expect(refused.body.error.message).toBe('too many new accounts from this address: try again in 3600 seconds');
    expect((await signUp(browser(), 'three@example.com')).status).toBe(201);
    deps.clock.advance(60 * MINUTE);
    expect((await signUp(classroom, 'four@example.com')).status).toBe(201);
  });

  it('counts parallel sign-ups before hashing, so a burst gets no more than the limit', async () => {
    const { fetch } = await testApp({ config: { signUpThrottle: { maxFailures: 3, windowMs: 60 * MINUTE, lockMs: 60 * MINUTE } } });
    const script = createAgent(fetch, 'http://localhost');
    const results = await Promise.all(Array.from({ length: 10 }, (_, i) => script.post('/api/auth/sign-up', { email: `bot${i}@example.com`, password: PASSWORD })));
    expect(results.map((res) => res.status).filter((status) => status === 201)).toHaveLength(3);
  });
});
