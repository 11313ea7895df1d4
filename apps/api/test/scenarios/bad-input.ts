import { expect } from 'vitest';
import { PASSWORD, type Scenario } from './scenario.ts';

export const badInputScenarios: Scenario[] = [
  {
    name: 'a state-changing request without Origin is refused',
    async run(ctx) {
      const res = await ctx.agent().post('/api/auth/sign-up', { email: ctx.uniqueEmail('no-origin'), password: PASSWORD }, { origin: null });
      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe('origin_mismatch');
    },
  },
  {
    name: 'a state-changing request from another origin is refused, even with a session',
    async run(ctx) {
      const learner = await ctx.learner();
      const res = await learner.post('/api/auth/sign-out', undefined, { origin: 'https://evil.example' });
      expect(res.status).toBe(403);
      expect(res.body.error.code).toBe('origin_mismatch');
      expect(res.body.error.message).toContain('`https://evil.example`');
      expect((await learner.get('/api/me')).status).toBe(200);
    },
  },
  {
    name: 'malformed JSON is a 400, not a 500',
    async run(ctx) {
      const res = await ctx.agent().post('/api/auth/sign-in', '{"email": "a@example.com", ');
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe('malformed_json');
    },
  },
  {
    name: 'a body over 256 KB is a 413, and the next request works',
    async run(ctx) {
      const agent = ctx.agent();
      const res = await agent.post('/api/auth/sign-in', { email: 'a@example.com', password: 'x'.repeat(257 * 1024) });
      expect(res.status).toBe(413);
      expect(res.body.error.code).toBe('payload_too_large');
      expect((await agent.get('/api/labs')).status).toBe(200);
    },
  },
  {
    name: 'an unknown route is a JSON 404',
    async run(ctx) {
      const res = await ctx.agent().get('/api/nothing-here');
      expect(res.status).toBe(404);
      expect(res.body.error.code).toBe('not_found');
    },
  },
  {
    name: 'without a session the learner routes answer 401',
    async run(ctx) {
      const anonymous = ctx.agent();
      for (const [method, path] of [
        ['GET', '/api/me'],
        ['GET', '/api/me/progress'],
        ['GET', '/api/attempts/01JANYTHING'],
        ['POST', '/api/labs/iam-s3-read-only/attempts'],
        ['POST', '/api/attempts/01JANYTHING/submissions'],
      ] as const) {
        const res = await anonymous.request(method, path, method === 'POST' ? { body: { version: 1, answers: {} } } : {});
        expect(res.status, `${method} ${path}`).toBe(401);
        expect(res.body.error.code).toBe('unauthenticated');
      }
    },
  },
  {
    name: 'a forged session cookie is ignored and cleared',
    async run(ctx) {
      const learner = await ctx.learner();
      const [id] = (learner.sessionCookie ?? '').split('.');
      const res = await ctx.agent().request('GET', '/api/me', { headers: { cookie: `__Host-skylab_session=${id}.aaaaaaaaaaaaaaaaaaaaaaaa` } });
      expect(res.status).toBe(401);
      expect(res.headers.getSetCookie().join('\n')).toMatch(/__Host-skylab_session=;.*Max-Age=0/);
    },
  },
];
