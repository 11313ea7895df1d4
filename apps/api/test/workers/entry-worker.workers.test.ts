import { exports } from 'cloudflare:workers';
import { createDb, findThrottles } from '@skylab/db';
import { labSources } from 'virtual:skylab-lab-sources';
import { expect, inject, it } from 'vitest';

// What only the Worker entry decides (the shared scenarios cover the app itself): which labs are in
// the bundle and where the client address comes from.
const ORIGIN = 'https://skylab.test';

it('serves every lab bundled into the worker', async () => {
  const response = await exports.default.fetch(`${ORIGIN}/api/labs`);
  expect(response.status).toBe(200);
  const body = (await response.json()) as { labs: { id: string }[] };
  // The misconception catalogue travels with the labs; every other source is a lab.
  const bundled = labSources.filter((source) => source.path.endsWith('/lab.yaml')).map((source) => source.path.split('/')[1]);
  expect(labSources.map((source) => source.path)).toContain('labs/misconceptions.yaml');
  expect(bundled).toContain('iam-s3-read-only');
  expect(body.labs.map((lab) => lab.id).sort()).toEqual(bundled.sort());
});

it('throttles sign-ins by the address in cf-connecting-ip, an IPv6 client by its /64', async () => {
  const group = crypto.getRandomValues(new Uint16Array(1))[0]!.toString(16);
  const response = await exports.default.fetch(`${ORIGIN}/api/auth/sign-in`, {
    method: 'POST',
    headers: { origin: ORIGIN, 'content-type': 'application/json', 'cf-connecting-ip': `2001:db8:ffff:${group}::7`, 'x-forwarded-for': '198.51.100.1' },
    body: JSON.stringify({ email: `nobody-${crypto.randomUUID()}@example.com`, password: 'not the password' }),
  });
  expect(response.status).toBe(401);

  const db = createDb(inject('databaseUrl'));
  try {
    const [row] = await findThrottles(db, [`ip:2001:db8:ffff:${group}::/64`]);
    expect(row?.failures).toBe(1);
    expect(await findThrottles(db, ['ip:198.51.100.1'])).toEqual([]);
  } finally {
    db.$client.close();
  }
});
