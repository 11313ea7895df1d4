import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, mkdirSync, readFileSync, statSync, writeFileSync, cpSync } from 'node:fs';
import { networkInterfaces, tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { afterEach, describe, expect, it } from 'vitest';
import { REPO_ROOT } from './support/test-deps.ts';

const children: ChildProcess[] = [];
afterEach(() => {
  for (const child of children.splice(0)) child.kill('SIGTERM');
});

/** Starts `entry-node.ts` as `npm start` does and resolves with its stdout lines once it is listening. */
function start(env: Record<string, string>): Promise<{ url: string; stdout: string[]; stderr: string[] }> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(REPO_ROOT, 'apps/api/src/entry-node.ts')], {
    cwd: REPO_ROOT,
    env: { ...process.env, PORT: '0', ...env },
  });
  children.push(child);
  const stdout: string[] = [];
  const stderr: string[] = [];
  createInterface({ input: child.stderr! }).on('line', (line) => stderr.push(line));
  return new Promise((resolve, reject) => {
    child.on('exit', (code) => reject(new Error(`server exited with ${code}: ${stderr.join('\n')}`)));
    createInterface({ input: child.stdout! }).on('line', (line) => {
      stdout.push(line);
      const match = /^Skylab is running at (http:\/\/localhost:\d+)$/.exec(line);
      if (match) setTimeout(() => resolve({ url: match[1]!, stdout, stderr }), 100);
    });
  });
}

describe('npm start (entry-node)', () => {
  it('migrates a fresh database, reports a broken lab, skips it, and serves the API and the UI', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'skylab-start-'));
    const labs = join(dir, 'labs');
    cpSync(join(REPO_ROOT, 'labs/iam-s3-read-only'), join(labs, 'iam-s3-read-only'), { recursive: true });
    mkdirSync(join(labs, 'broken-lab'));
    writeFileSync(join(labs, 'broken-lab/lab.yaml'), 'apiVersion: skylab.dev/v1\nid: broken-lab\ntitle: [unclosed\n');
    mkdirSync(join(labs, 'wrong-folder'));
    writeFileSync(join(labs, 'wrong-folder/lab.yaml'), readFileSync(join(REPO_ROOT, 'labs/iam-s3-read-only/lab.yaml'), 'utf8'));

    const { url, stdout, stderr } = await start({ DATABASE_URL: `file:${join(dir, 'nested/skylab.db')}`, LABS_DIR: labs });
    expect(stdout).toEqual([`Skylab is running at ${url}`]);
    expect(stderr.some((line) => /broken-lab\/lab\.yaml:\d+:\d+ error \S+ /.test(line))).toBe(true);
    expect(stderr.some((line) => /wrong-folder\/lab\.yaml:\d+:\d+ error lab\/id-matches-folder the lab id `iam-s3-read-only` differs from its folder `wrong-folder`/.test(line))).toBe(true);

    const catalogue = await (await fetch(`${url}/api/labs`)).json();
    expect(catalogue.labs.map((lab: { id: string }) => lab.id)).toEqual(['iam-s3-read-only']);
    const missing = await fetch(`${url}/api/nope`);
    expect(missing.status).toBe(404);
    expect((await missing.json()).error.code).toBe('not_found');
    const page = await fetch(`${url}/labs/iam-s3-read-only`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    // outside production, the key that seals the LTI tool key is made beside the database, for its owner only
    expect(statSync(join(dir, 'nested/secret.key')).mode & 0o777).toBe(0o600);
  }, 30_000);

  it('refuses to start in production without SKYLAB_SECRET_KEY, saying what to do', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'skylab-start-'));
    const env: NodeJS.ProcessEnv = { ...process.env, PORT: '0', NODE_ENV: 'production', DATABASE_URL: `file:${join(dir, 'skylab.db')}` };
    delete env.SKYLAB_SECRET_KEY;
    const child = spawn(process.execPath, ['--import', 'tsx', join(REPO_ROOT, 'apps/api/src/entry-node.ts')], { cwd: REPO_ROOT, env });
    children.push(child);
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise((resolve) => child.on('exit', resolve));
    expect(code).toBe(1);
    expect(stderr).toMatch(/^Skylab cannot start: SKYLAB_SECRET_KEY is not set: .*openssl rand -base64 32/);
    expect(stderr).not.toMatch(/\n\s+at /);
  }, 30_000);

  // Another address of this machine stands in for a classroom computer reaching the server.
  const lanAddress = Object.values(networkInterfaces())
    .flat()
    .find((address) => address?.family === 'IPv4' && !address.internal)?.address;

  it.skipIf(lanAddress === undefined).each([
    ['stays on loopback by default', {}, false, []],
    ['opens to the network with HOST, warning that browsers will drop the cookie', { HOST: '0.0.0.0' }, true, [/`HOST=0.0.0.0` serves other machines over plain HTTP/]],
    ['warns that SKYLAB_INSECURE_HTTP exposes the cookie', { HOST: '0.0.0.0', SKYLAB_INSECURE_HTTP: '1' }, true, [/SKYLAB_INSECURE_HTTP is set/]],
  ])('%s', async (_label, env: Record<string, string>, reachable, warnings) => {
    const dir = mkdtempSync(join(tmpdir(), 'skylab-start-'));
    const { url, stderr } = await start({ DATABASE_URL: `file:${join(dir, 'skylab.db')}`, ...env });
    expect((await fetch(`${url}/api/labs`)).status).toBe(200);
    const fromLan = await fetch(`http://${lanAddress}:${new URL(url).port}/api/labs`).then((res) => res.status, (error: Error) => String(error.cause));
    expect(fromLan).toEqual(reachable ? 200 : expect.stringContaining('ECONNREFUSED'));
    const warned = stderr.map((line) => JSON.parse(line) as { level: string; message: string }).filter((entry) => entry.level === 'warn');
    expect(warned.map((entry) => entry.message)).toEqual(warnings.map((pattern) => expect.stringMatching(pattern)));
  }, 30_000);
});
