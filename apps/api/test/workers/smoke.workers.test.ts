import { exports } from 'cloudflare:workers';
import { expect, it } from 'vitest';

// The rig itself, before any scenario: the Worker answers, its labs are bundled, and a write through it
// lands in sqld and reads back through a later request.
const ORIGIN = 'https://skylab.test';

it('lists the labs bundled into the worker', async () => {
  const response = await exports.default.fetch(`${ORIGIN}/api/labs`);
  expect(response.status).toBe(200);
  const body = (await response.json()) as { labs: { id: string }[] };
  expect(body.labs.map((lab) => lab.id)).toContain('iam-s3-read-only');
});

it('signs up through the worker and reads the account back from sqld', async () => {
  const email = `smoke-${crypto.randomUUID()}@example.com`;
  const signUp = await exports.default.fetch(`${ORIGIN}/api/auth/sign-up`, {
    method: 'POST',
    headers: { origin: ORIGIN, 'content-type': 'application/json', 'cf-connecting-ip': '203.0.113.7' },
    body: JSON.stringify({ email, password: 'correct horse battery' }),
  });
  expect(signUp.status).toBe(201);
  const cookie = signUp.headers.get('set-cookie')?.split(';')[0];
  expect(cookie).toMatch(/^__Host-/);

  const me = await exports.default.fetch(`${ORIGIN}/api/me`, { headers: { cookie: cookie! } });
  expect(me.status).toBe(200);
  expect(await me.json()).toMatchObject({ user: { email } });
});
