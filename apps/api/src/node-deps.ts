import { getConnInfo } from '@hono/node-server/conninfo';
import { createDb, type Db } from '@skylab/db';
import { migrate } from '@skylab/db/migrate';
import { lookup } from 'node:dns/promises';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startDeliveryLoop } from './deliveries.ts';
import type { AppDeps } from './deps.ts';
import { ConfigError, configFromEnv, MISSING_SECRET_KEY, type Env } from './env.ts';
import { createUlids } from './ids.ts';
import { loadExamsFromDir, loadLabsFromDir } from './labs-from-dir.ts';
import { createJsonLog } from './log.ts';
import { createNodePasswords } from './passwords-node.ts';
import { createPoolGrader } from './pool-grader.ts';
import { createSecretBox, newSecretKey, parseSecretKey } from './secret-box.ts';

/** The repository root, from this file's place in it. */
export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../../..');

/**
 * A relative `file:` URL is taken from the repository root, not from wherever the process started,
 * and its folder is created: `file:.data/skylab.db` just works on a fresh clone.
 */
export function resolveDatabaseUrl(url: string, root: string): string {
  if (!url.startsWith('file:')) return url;
  const path = url.slice('file:'.length);
  const absolute = isAbsolute(path) ? path : join(root, path);
  mkdirSync(dirname(absolute), { recursive: true });
  return `file:${absolute}`;
}

/** Every address the system resolver gives for `hostname` (what a connection to it could reach). */
export async function resolveHostNode(hostname: string): Promise<string[]> {
  return (await lookup(hostname, { all: true, verbatim: true })).map((entry) => entry.address);
}

/**
 * `SKYLAB_SECRET_KEY`, or outside production a key kept in `secret.key` beside the database file (made at the
 * first start, readable by its owner only), so `npm start` needs no setup. A copy of that folder holds both,
 * which is why production must set the variable and keep the key elsewhere.
 */
export function nodeSecretKey(env: Pick<Env, 'SKYLAB_SECRET_KEY' | 'NODE_ENV'>, databaseUrl: string, root: string): Uint8Array {
  if (env.SKYLAB_SECRET_KEY) return parseSecretKey(env.SKYLAB_SECRET_KEY)!;
  if (env.NODE_ENV === 'production') throw new ConfigError(MISSING_SECRET_KEY);
  const folder = databaseUrl.startsWith('file:') ? dirname(databaseUrl.slice('file:'.length)) : join(root, '.data');
  mkdirSync(folder, { recursive: true });
  const path = join(folder, 'secret.key');
  try {
    writeFileSync(path, `${newSecretKey()}\n`, { mode: 0o600, flag: 'wx' });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
  }
  const key = parseSecretKey(readFileSync(path, 'utf8'));
  if (!key) throw new ConfigError(`\`${path}\` does not hold a secret key: remove it to make a new one (the stored LTI tool key is then lost), or set SKYLAB_SECRET_KEY`);
  return key;
}

export interface NodeDeps {
  deps: AppDeps;
  /** Lines about labs and exams that did not load, for the caller to print. */
  labProblems: string[];
  /** Stops the delivery loop, ends the grading threads and closes the database. */
  close(): Promise<void>;
}

/**
 * Everything `createApp` needs on Node: the database (migrated), the labs from `labs/` and exams from `exams/`, native scrypt,
 * grading in worker threads that read the same labs, the socket's peer for throttling. The Worker entry mirrors this with bindings, the web scrypt and
 * `cf-connecting-ip`.
 */
export async function createNodeDeps(env: Env, root: string = REPO_ROOT): Promise<NodeDeps> {
  const databaseUrl = resolveDatabaseUrl(env.DATABASE_URL, root);
  const secrets = createSecretBox(nodeSecretKey(env, databaseUrl, root));
  const db: Db = createDb({
    url: databaseUrl,
    ...(env.DATABASE_AUTH_TOKEN ? { authToken: env.DATABASE_AUTH_TOKEN } : {}),
  });
  await migrate(db, join(root, 'migrations'));
  const labsDir = env.LABS_DIR ? resolve(root, env.LABS_DIR) : join(root, 'labs');
  const { registry, problems } = loadLabsFromDir(labsDir, root);
  const exams = loadExamsFromDir(env.EXAMS_DIR ? resolve(root, env.EXAMS_DIR) : join(root, 'exams'), root, registry);
  const grading = createPoolGrader({ labsDir });
  const clock = { now: () => Date.now() };
  const deps: AppDeps = {
    db,
    labs: registry,
    exams: exams.registry,
    clock,
    ids: createUlids(clock),
    log: createJsonLog(),
    config: configFromEnv(env),
    passwords: createNodePasswords(),
    secrets,
    grading,
    socketAddress: (c) => getConnInfo(c).remote.address,
    resolveHost: resolveHostNode,
  };
  // Scores for LMSs and webhooks go out after the response, from this loop (a Worker uses waitUntil).
  const deliveries = startDeliveryLoop(deps);
  deps.wakeDeliveries = deliveries.wake;
  const close = async () => {
    await deliveries.stop();
    await grading.close();
    db.$client.close();
  };
  return { deps, labProblems: [...problems, ...exams.problems], close };
}
