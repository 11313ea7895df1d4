import { describe, expect, it } from 'vitest';
import { createAgent } from './scenarios/client.ts';
import { PASSWORD } from './scenarios/scenario.ts';
import { testApp } from './support/test-app.ts';

const MINUTE = 60_000;
const rule = (maxFailures: number) => ({ maxFailures, windowMs: 15 * MINUTE, lockMs: 15 * MINUTE });

async function setup(account: number, ip: number) {
  const { fetch, deps } = await testApp({ config: { signInThrottle: { account: rule(account), ip: rule(ip) } } });
  const browser = () => createAgent(fetch, 'http://localhost');
  const signUp = async (email: string) => expect((await browser().post('/api/auth/sign-up', { email, password: PASSWORD })).status).toBe(201);
  return { deps, browser, signUp };
}

describe('sign-in throttling', () => {
  it('locks an address that fails across many accounts, whichever account it tries next', async () => {
    const { browser } = await setup(100, 3);
    const attacker = browser();
    for (let i = 0; i < 3; i++) expect((await attacker.post('/api/auth/sign-in', { email: `victim${i}@example.com`, password: 'wrong password' })).status).toBe(401);
    const res = await attacker.post('/api/auth/sign-in', { email: 'victim9@example.com', password: 'wrong password' });
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBe(String(15 * 60));
    // Another address is not affected.
    expect((await browser().post('/api/auth/sign-in', { email: 'victim9@example.com', password: 'wrong password' })).status).toBe(401);
  });

  it('lifts the lock when it runs out', async () => {
    const { deps, browser, signUp } = await setup(2, 100);
    await signUp('ada@example.com');
    const client = browser();
    for (let i = 0; i < 2; i++) await client.post('/api/auth/sign-in', { email: 'ada@example.com', password: 'wrong password' });
    expect((await client.post('/api/auth/sign-in', { email: 'ada@example.com', password: PASSWORD })).status).toBe(429);
    deps.clock.advance(14 * MINUTE);
    const later = await client.post('/api/auth/sign-in', { email: 'ada@example.com', password: PASSWORD });
    expect(later.status).toBe(429);
    expect(later.headers.get('retry-after')).toBe('60');
    deps.clock.advance(MINUTE);
    expect((await client.post('/api/auth/sign-in', { email: 'ada@example.com', password: PASSWORD })).status).toBe(200);
  });

  it('forgets an account\'s failures after a successful sign-in', async () => {
    const { browser, signUp } = await setup(3, 100);
    await signUp('ada@example.com');
    const client = browser();
    const fail = () => client.post('/api/auth/sign-in', { email: 'ada@example.com', password: 'wrong password' });
    await fail();
    await fail();
    expect((await client.post('/api/auth/sign-in', { email: 'ada@example.com', password: PASSWORD })).status).toBe(200);
    await fail();
    expect((await fail()).status).toBe(401);
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
});
