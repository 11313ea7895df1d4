import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { join, resolve } from 'node:path';
import { build } from 'vite';

/** The real Node server and the built UI for browser tests, shared by the e2e test files. */
export const WEB_DIR = resolve(import.meta.dirname, '../..');
export const REPO_ROOT = resolve(WEB_DIR, '../..');

export const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** The S3 read-only lab's reference answer: every check passes. */
export const CORRECT = JSON.stringify(
  {
    Version: '2012-10-17',
    Statement: [
      { Effect: 'Allow', Action: 's3:ListBucket', Resource: 'arn:aws:s3:::my-app-bucket' },
      { Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::my-app-bucket/*' },
    ],
  },
  null,
  2,
);

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

export async function startServer(port: number, databaseUrl: string, env: Record<string, string> = {}): Promise<RunningServer> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'apps/api/src/entry-node.ts'], {
    cwd: REPO_ROOT,
    env: { ...process.env, PORT: String(port), DATABASE_URL: databaseUrl, NODE_ENV: 'test', ...env },
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

