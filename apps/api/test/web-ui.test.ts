import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { serveWebUi } from '../src/web-ui.ts';
import { expectSecurityHeaders } from './scenarios/security-headers.ts';
import { testApp } from './support/test-app.ts';

async function appWithDist(files: Record<string, string>) {
  const dist = mkdtempSync(join(tmpdir(), 'skylab-dist-'));
  for (const [path, text] of Object.entries(files)) {
    mkdirSync(join(dist, path, '..'), { recursive: true });
    writeFileSync(join(dist, path), text);
  }
  const { app } = await testApp();
  serveWebUi(app, dist);
  return app;
}

describe('the web UI on Node', () => {
  it('serves files, falls back to index.html for client routes, and keeps 404s for missing files and the API', async () => {
    const app = await appWithDist({ 'index.html': '<h1>skylab</h1>', 'assets/app.js': 'console.log(1)' });
    const page = async (path: string) => {
      const res = await app.request(path);
      return [res.status, res.headers.get('content-type'), await res.text()];
    };
    expect(await page('/')).toEqual([200, 'text/html; charset=utf-8', '<h1>skylab</h1>']);
    expect(await page('/labs/iam-s3-read-only')).toEqual([200, 'text/html; charset=utf-8', '<h1>skylab</h1>']);
    expect(await page('/assets/app.js')).toEqual([200, 'text/javascript; charset=utf-8', 'console.log(1)']);
    expect((await page('/assets/gone.js'))[0]).toBe(404);
    expect(await page('/api/nothing')).toEqual([404, 'application/json', expect.stringContaining('"not_found"')]);
  });

  it('sends the security headers with every page and file', async () => {
    const app = await appWithDist({ 'index.html': '<h1>skylab</h1>', 'assets/app.js': 'console.log(1)', 'assets/app.css': 'h1{}' });
    for (const path of ['/', '/labs', '/labs/iam-s3-read-only', '/attempts/01JANYTHING', '/sign-in?next=%2Flabs', '/sign-up', '/no/such/page', '/assets/app.js', '/assets/app.css', '/assets/gone.js']) {
      expectSecurityHeaders((await app.request(path)).headers, path);
    }
    expectSecurityHeaders((await (await appWithDist({})).request('/')).headers, 'the page asking for a build');
  });

  it('says how to build it when there is no build', async () => {
    const app = await appWithDist({});
    const res = await app.request('/');
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('npm run build');
  });
});
