import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { Miniflare } from 'miniflare';
import { unstable_readConfig } from 'wrangler';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMigratedSqld, type RunningSqld } from './sqld.ts';

const REPO_ROOT = resolve(import.meta.dirname, '../../../..');
const ORIGIN = 'https://skylab.test';

/** What `wrangler deploy` would upload: built by wrangler itself, not by the test pool's vite pipeline. */
function buildDeployBundle(outDir: string): string {
  const wrangler = join(dirname(createRequire(import.meta.url).resolve('wrangler/package.json')), 'bin', 'wrangler.js');
  const build = spawnSync(process.execPath, [wrangler, 'deploy', '--dry-run', '--outdir', outDir], {
    cwd: REPO_ROOT,
    env: { ...process.env, WRANGLER_SEND_METRICS: 'false' },
    encoding: 'utf8',
  });
  if (build.status !== 0) throw new Error(`wrangler deploy --dry-run failed:\n${build.stdout}\n${build.stderr}`);
  return readFileSync(join(outDir, 'entry-worker.js'), 'utf8');
}

// The workerd suite runs the app through vite; this runs the artifact wrangler ships, so a bundling
// problem (a Node built-in pulled into the Worker, a lab missing from the bundle) fails here first.
describe('the wrangler deploy bundle in workerd against sqld', () => {
  const outDir = mkdtempSync(join(tmpdir(), 'skylab-wrangler-'));
  let sqld: RunningSqld | undefined;
  let worker: Miniflare | undefined;

  beforeAll(async () => {
    const script = buildDeployBundle(outDir);
    const config = unstable_readConfig({ config: join(REPO_ROOT, 'wrangler.toml') });
    sqld = await startMigratedSqld();
    worker = new Miniflare({
      modules: true,
      // passed as text: workerd refuses a script path outside its working directory
      script,
      compatibilityDate: config.compatibility_date,
      compatibilityFlags: config.compatibility_flags,
      // SKYLAB_SECRET_KEY as `wrangler secret put` would give it
      bindings: { ...config.vars, DATABASE_URL: sqld.url, SKYLAB_SECRET_KEY: Buffer.alloc(32, 5).toString('base64') },
    });
    await worker.ready;
  }, 120_000);

  afterAll(async () => {
    await worker?.dispose();
    await sqld?.stop();
    rmSync(outDir, { recursive: true, force: true });
  });

  it('serves the bundled labs', async () => {
    const response = await worker!.dispatchFetch(`${ORIGIN}/api/labs`);
    expect(response.status).toBe(200);
    const body = (await response.json()) as { labs: { id: string }[] };
    expect(body.labs.map((lab) => lab.id)).toContain('iam-s3-read-only');
  });

  it('signs up, and the session it issues reads the account back from sqld', async () => {
    const email = `bundle-${Date.now().toString(36)}@example.com`;
    const signUp = await worker!.dispatchFetch(`${ORIGIN}/api/auth/sign-up`, {
      method: 'POST',
      headers: { origin: ORIGIN, 'content-type': 'application/json', 'cf-connecting-ip': '203.0.113.9' },
      body: JSON.stringify({ email, password: 'correct horse battery' }),
    });
    expect(signUp.status).toBe(201);
    const cookie = signUp.headers.get('set-cookie')?.split(';')[0] ?? '';
    const me = await worker!.dispatchFetch(`${ORIGIN}/api/me`, { headers: { cookie } });
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({ user: { email } });
  });
});
