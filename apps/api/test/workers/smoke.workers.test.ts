import { exports } from 'cloudflare:workers';
import { expect, it } from 'vitest';

it('reaches sqld from the worker', async () => {
  const res = await exports.default.fetch('http://skylab.test/api/labs', { headers: { 'cf-connecting-ip': '203.0.113.7' } });
  const body = await res.json();
  console.log(JSON.stringify(body));
  expect(res.status).toBe(200);
});
