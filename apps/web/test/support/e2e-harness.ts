import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { build } from 'vite';

// What every browser test needs: the built UI, the real Node server on a temporary libSQL file, and Debian's
// Chromium started the way this machine allows, with every Content-Security-Policy refusal collected.

export const WEB_DIR = resolve(import.meta.dirname, '../..');
export const REPO_ROOT = resolve(WEB_DIR, '../..');

/** Where the browser tests keep their screenshots (`.reports/screenshots/`, beside the test reports): the artifacts of a run. */
export function screenshotPath(name: string): string {
  const dir = join(REPO_ROOT, '.reports', 'screenshots');
  mkdirSync(dir, { recursive: true });
  return join(dir, name);
}

const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

function newestMtime(path: string): number {
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(stat.mtimeMs, ...readdirSync(path).map((name) => newestMtime(join(path, name))));
}

/** `turbo` builds before testing; a direct run after editing the sources rebuilds here instead of testing a stale bundle. */
export async function ensureBuilt(): Promise<void> {
  const index = join(WEB_DIR, 'dist/index.html');
  const sources = Math.max(...['src', 'index.html', 'vite.config.ts'].map((path) => newestMtime(join(WEB_DIR, path))));
  if (existsSync(index) && statSync(index).mtimeMs >= sources) return;
  await build({ root: WEB_DIR, configFile: join(WEB_DIR, 'vite.config.ts'), logLevel: 'warn' });
}

export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address !== null ? resolvePort(address.port) : reject(new Error('no port'))));
    });
  });
}

export interface RunningServer {
  child: ChildProcess;
  output: string[];
}

/** The real Node server on `port` over `databaseUrl`, with `env` added (`EXAMS_DIR`, `SKYLAB_ADMIN_EMAILS` …); resolves once it answers. */
export async function startServer(port: number, databaseUrl: string, env: Record<string, string> = {}): Promise<RunningServer> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'apps/api/src/entry-node.ts'], {
    cwd: REPO_ROOT,
    // the simulated LMS and webhook receivers listen on 127.0.0.1 over http
    env: { ...process.env, PORT: String(port), DATABASE_URL: databaseUrl, NODE_ENV: 'test', SKYLAB_ALLOW_INTERNAL_URLS: '1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const output: string[] = [];
  child.stdout?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => output.push(chunk.toString()));
  const server = { child, output };

  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null || child.signalCode !== null) throw new Error(`the server exited early:\n${output.join('')}`);
    try {
      const response = await fetch(`http://localhost:${port}/api/labs`);
      if (response.ok) return server;
    } catch {
      // Not listening yet.
    }
    await new Promise((wake) => setTimeout(wake, 200));
  }
  await stopServer(server);
  throw new Error(`the server did not answer within 60 s:\n${output.join('')}`);
}

export async function stopServer(server: RunningServer | undefined): Promise<void> {
  if (server === undefined) return;
  const { child } = server;
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

/**
 * Chromium with a fresh profile in `workDir`; CSP violations the page reports (console, or the event for a
 * refused `eval` a library catches) are pushed to `cspViolations`.
 */
export async function launchBrowser(workDir: string, cspViolations: string[]): Promise<BrowserContext> {
  const context = await chromium.launchPersistentContext(join(workDir, 'profile'), {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: CHROMIUM_ARGS,
    headless: true,
    viewport: { width: 1280, height: 900 },
  });
  await context.addInitScript(() =>
    document.addEventListener('securitypolicyviolation', (event) =>
      console.error(`Content Security Policy violation: ${event.violatedDirective} ${event.blockedURI} at ${event.sourceFile}:${event.lineNumber}`),
    ),
  );
  context.on('console', (message) => {
    if (/Content.Security.Policy/i.test(message.text())) cspViolations.push(`${message.location().url}: ${message.text()}`);
  });
  return context;
}

/** One browser test file's product: the server on a fresh database in `workDir`, and one browser page on it. */
export interface ProductRun {
  workDir: string;
  port: number;
  baseUrl: string;
  databaseUrl: string;
  /** Replaceable: a test may restart the server on the same database. */
  server: RunningServer | undefined;
  context: BrowserContext;
  page: Page;
  /** CSP refusals so far; each test fails on any it caused. */
  cspViolations: string[];
}

/**
 * Registers the hooks every browser test file needs: before all, the built UI, the real server on a new
 * libSQL file (with `env`, which may write files into the work folder first) and a page; after each test,
 * no CSP refusal; after all, everything stopped and removed. The returned run is filled in before the first test.
 */
export function useProduct(name: string, env: (workDir: string) => Promise<Record<string, string>> | Record<string, string> = () => ({})): ProductRun {
  const run = { cspViolations: [] as string[] } as ProductRun;
  beforeAll(async () => {
    run.workDir = await mkdtemp(join(tmpdir(), `skylab-e2e-${name}-`));
    run.databaseUrl = `file:${join(run.workDir, 'skylab.db')}`;
    run.port = await freePort();
    run.baseUrl = `http://localhost:${run.port}`;
    await ensureBuilt();
    run.server = await startServer(run.port, run.databaseUrl, await env(run.workDir));
    run.context = await launchBrowser(run.workDir, run.cspViolations);
    run.page = run.context.pages()[0] ?? (await run.context.newPage());
    run.page.setDefaultTimeout(15_000);
  }, 120_000);
  afterEach(() => {
    expect(run.cspViolations.splice(0)).toEqual([]);
  });
  afterAll(async () => {
    await run.context?.close().catch(() => undefined);
    await stopServer(run.server);
    if (run.workDir !== undefined) await rm(run.workDir, { recursive: true, force: true });
  }, 30_000);
  return run;
}
