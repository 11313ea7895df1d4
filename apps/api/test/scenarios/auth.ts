import { expect } from 'vitest';
import type { Agent } from './client.ts';
import { PASSWORD, type Scenario } from './scenario.ts';

const asCookie = (token: string | undefined) => ({ cookie: `__Host-skylab_session=${token}` });
const changePassword = (agent: Agent, currentPassword: string, newPassword: string) => agent.post('/api/me/password', { currentPassword, newPassword });

export const authScenarios: Scenario[] = [
  {
    name: 'sign up, see yourself, sign out, and be signed out',
    async run(ctx) {
      const agent = ctx.agent();
      const email = ctx.uniqueEmail('ada');
      const signUp = await agent.post('/api/auth/sign-up', { email: email.toUpperCase(), password: PASSWORD, name: 'Ada' });
      expect(signUp.status).toBe(201);
      expect(signUp.body.user).toMatchObject({ email, name: 'Ada', role: 'learner' });
      const cookie = signUp.headers.getSetCookie().join('\n');
      expect(cookie).toMatch(/^__Host-skylab_session=[a-z2-7]+\.[a-z2-7]+;/);
      expect(cookie).toMatch(/HttpOnly/);
      expect(cookie).toMatch(/Secure/);
      expect(cookie).toMatch(/SameSite=Lax/);
      expect(cookie).toMatch(/Path=\//);
      const token = agent.sessionCookie;

      const me = await agent.get('/api/me');
      expect(me.status).toBe(200);
      expect(me.body.user).toEqual({ id: signUp.body.user.id, email, name: 'Ada', role: 'learner' });

      expect((await agent.post('/api/auth/sign-out')).status).toBe(204);
      expect(agent.sessionCookie).toBeUndefined();
      const after = await agent.get('/api/me');
      expect(after.status).toBe(401);
      expect(after.body.error.code).toBe('unauthenticated');

      // The old token is dead on the server, not just forgotten by the browser.
      const replay = await agent.request('GET', '/api/me', { headers: { cookie: `__Host-skylab_session=${token}` } });
      expect(replay.status).toBe(401);
    },
  },
  {
    name: 'sign in with the right password, not with a wrong one',
    async run(ctx) {
      const learner = await ctx.learner();
      const browser = ctx.agent();
      const wrong = await browser.post('/api/auth/sign-in', { email: learner.email, password: 'not the password' });
      expect(wrong.status).toBe(401);
      expect(wrong.body.error.code).toBe('invalid_credentials');
      expect(browser.sessionCookie).toBeUndefined();
      const unknown = await browser.post('/api/auth/sign-in', { email: ctx.uniqueEmail('nobody'), password: PASSWORD });
      expect(unknown.status).toBe(401);
      expect(unknown.body.error).toEqual(wrong.body.error);
      const right = await browser.post('/api/auth/sign-in', { email: learner.email.toUpperCase(), password: PASSWORD });
      expect(right.status).toBe(200);
      expect(right.body.user.email).toBe(learner.email);
      expect((await browser.get('/api/me')).status).toBe(200);
    },
  },
  {
    name: 'a second account with the same email is refused',
    async run(ctx) {
      const learner = await ctx.learner();
      const again = await ctx.agent().post('/api/auth/sign-up', { email: learner.email, password: PASSWORD });
      expect(again.status).toBe(409);
      expect(again.body.error.code).toBe('email_taken');
    },
  },
  {
    name: 'a short password and a bad email are named in findings',
    async run(ctx) {
      const res = await ctx.agent().post('/api/auth/sign-up', { email: 'not-an-email', password: 'short' });
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('invalid_request');
      expect(res.body.error.findings.map((f: { path: unknown[] }) => f.path)).toEqual([['email'], ['password']]);
    },
  },
  {
    name: 'five wrong passwords lock the account for that address only, with Retry-After; the owner elsewhere still signs in',
    async run(ctx) {
      const learner = await ctx.learner();
      const attacker = ctx.agent();
      for (let i = 0; i < 5; i++) {
        expect((await attacker.post('/api/auth/sign-in', { email: learner.email, password: `guess number ${i}` })).status).toBe(401);
      }
      const locked = await attacker.post('/api/auth/sign-in', { email: learner.email, password: PASSWORD });
      expect(locked.status).toBe(429);
      expect(locked.body.error.code).toBe('too_many_attempts');
      expect(Number(locked.headers.get('retry-after'))).toBeGreaterThan(0);
      // The session the learner already has keeps working, and so does a sign-in from their own address.
      expect((await learner.get('/api/me')).status).toBe(200);
      expect((await ctx.agent().post('/api/auth/sign-in', { email: learner.email, password: PASSWORD })).status).toBe(200);
    },
  },
  {
    name: 'forty parallel wrong passwords from one address: five are evaluated, the rest refused, and the right one then too',
    async run(ctx) {
      const learner = await ctx.learner();
      const attacker = ctx.agent();
      const guesses = await Promise.all(
        Array.from({ length: 40 }, (_, i) => attacker.post('/api/auth/sign-in', { email: learner.email, password: `parallel guess ${i}` })),
      );
      const statuses = guesses.map((res) => res.status).sort();
      expect(statuses.filter((status) => status === 401)).toHaveLength(5);
      expect(statuses.filter((status) => status === 429)).toHaveLength(35);
      expect((await attacker.post('/api/auth/sign-in', { email: learner.email, password: PASSWORD })).status).toBe(429);
    },
  },
  {
    name: 'signing in replaces the session the request came with, so a planted session dies',
    async run(ctx) {
      const attacker = await ctx.learner();
      const planted = attacker.sessionCookie;
      const victim = await ctx.learner();
      const browser = ctx.agent();
      const signIn = await browser.request('POST', '/api/auth/sign-in', { body: { email: victim.email, password: PASSWORD }, headers: asCookie(planted) });
      expect(signIn.status).toBe(200);
      expect(browser.sessionCookie).toBeDefined();
      expect(browser.sessionCookie).not.toBe(planted);
      expect((await ctx.agent().request('GET', '/api/me', { headers: asCookie(planted) })).status).toBe(401);
      const again = victim.sessionCookie;
      expect((await victim.post('/api/auth/sign-in', { email: victim.email, password: PASSWORD })).status).toBe(200);
      expect(victim.sessionCookie).not.toBe(again);
      expect((await ctx.agent().request('GET', '/api/me', { headers: asCookie(again) })).status).toBe(401);
      expect((await victim.get('/api/me')).body.user.email).toBe(victim.email);
    },
  },
  {
    name: 'changing the password ends every other session and rotates this one; the old password stops working',
    async run(ctx) {
      const learner = await ctx.learner();
      const laptop = ctx.agent();
      expect((await laptop.post('/api/auth/sign-in', { email: learner.email, password: PASSWORD })).status).toBe(200);
      const before = learner.sessionCookie;
      const changed = await changePassword(learner, PASSWORD, 'a brand new passphrase');
      expect(changed.status).toBe(200);
      expect(changed.body.user.email).toBe(learner.email);
      expect(learner.sessionCookie).not.toBe(before);
      expect((await learner.get('/api/me')).status).toBe(200);
      expect((await laptop.get('/api/me')).status).toBe(401);
      expect((await ctx.agent().request('GET', '/api/me', { headers: asCookie(before) })).status).toBe(401);
      expect((await ctx.agent().post('/api/auth/sign-in', { email: learner.email, password: PASSWORD })).status).toBe(401);
      expect((await ctx.agent().post('/api/auth/sign-in', { email: learner.email, password: 'a brand new passphrase' })).status).toBe(200);
    },
  },
  {
    name: 'a password change is refused without the right current password, a policy-breaking new one, a session or the Origin',
    async run(ctx) {
      const learner = await ctx.learner();
      const wrong = await changePassword(learner, 'not my password', 'a brand new passphrase');
      expect(wrong.status).toBe(403);
      expect(wrong.body.error).toEqual({ code: 'wrong_password', message: 'the current password is not correct' });
      const short = await changePassword(learner, PASSWORD, 'short');
      expect(short.status).toBe(400);
      expect(short.body.error.findings.map((f: { path: unknown[] }) => f.path)).toEqual([['newPassword']]);
      expect((await changePassword(ctx.agent(), PASSWORD, 'a brand new passphrase')).status).toBe(401);
      const crossSite = await learner.post('/api/me/password', { currentPassword: PASSWORD, newPassword: 'a brand new passphrase' }, { origin: 'https://evil.example' });
      expect(crossSite.status).toBe(403);
      expect(crossSite.body.error.code).toBe('origin_mismatch');
      expect((await learner.get('/api/me')).status).toBe(200);
      expect((await ctx.agent().post('/api/auth/sign-in', { email: learner.email, password: PASSWORD })).status).toBe(200);
    },
  },
];
