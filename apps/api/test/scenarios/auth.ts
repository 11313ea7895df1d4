import { expect } from 'vitest';
import { PASSWORD, type Scenario } from './scenario.ts';

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
];
