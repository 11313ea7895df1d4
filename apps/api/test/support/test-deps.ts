import { createDb, type Db } from '@skylab/db';
import { migrate } from '@skylab/db/migrate';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { defaultConfig } from '../../src/config.ts';
import type { AppConfig, AppDeps, Log } from '../../src/deps.ts';
import { createInProcessGrader, type Grader } from '../../src/grader.ts';
import { createUlids } from '../../src/ids.ts';
import type { ExamRegistry } from '../../src/exam-registry.ts';
import type { LabRegistry } from '../../src/lab-registry.ts';
import type { HashCosts } from '../../src/password-hasher.ts';
import { createNodePasswords } from '../../src/passwords-node.ts';
import { createSecretBox } from '../../src/secret-box.ts';
import { fixedClock, seededRandomBytes, type TestClock } from './deterministic.ts';

export const REPO_ROOT = resolve(import.meta.dirname, '../../../..');

/** scrypt at N=2^4 and PBKDF2 at 2×1,000 keep hundreds of sign-ups fast; `passwords.test.ts` covers the production costs. */
export const TEST_COSTS: HashCosts = { scrypt: { log2N: 4, r: 8, p: 1 }, pbkdf2: { iterations: 1000, rounds: 2 } };

/** A fixed `SKYLAB_SECRET_KEY` for the tests' deps. */
export const TEST_SECRET_KEY = new Uint8Array(32).fill(7);

export async function openTestDb(kind: 'memory' | 'file' = 'memory', path?: string): Promise<Db> {
  const url = kind === 'memory' ? ':memory:' : `file:${path ?? join(mkdtempSync(join(tmpdir(), 'skylab-api-')), 'skylab.db')}`;
  const db = createDb(url);
  await migrate(db, join(REPO_ROOT, 'migrations'));
  return db;
}

export interface MemoryLog extends Log {
  lines: { level: string; message: string; fields?: Record<string, unknown> }[];
}

export function memoryLog(): MemoryLog {
  const lines: MemoryLog['lines'] = [];
  const push = (level: string) => (message: string, fields?: Record<string, unknown>) => void lines.push({ level, message, fields });
  return { lines, info: push('info'), warn: push('warn'), error: push('error') };
}

export interface TestDeps extends AppDeps {
  clock: TestClock;
  log: MemoryLog;
}

/** In-memory, deterministic deps: fixed clock, seeded ids, cheap scrypt, the client IP taken from `cf-connecting-ip` as in Workers. */
export interface TestDepsOptions {
  labs: LabRegistry;
  /** None unless given (`testApp` gives the repository's exams and the test fixtures). */
  exams?: ExamRegistry;
  config?: Partial<AppConfig>;
  seed?: string;
  /** In process unless given (the Node deps grade in worker threads). */
  grading?: Grader;
}

export function testDeps(db: Db, options: TestDepsOptions): TestDeps {
  const clock = fixedClock();
  return {
    db,
    labs: options.labs,
    exams: options.exams ?? { list: () => [], get: () => undefined },
    clock,
    ids: createUlids(clock, seededRandomBytes(options.seed ?? 'skylab-tests')),
    log: memoryLog(),
    // the LMS simulators and webhook receivers listen on 127.0.0.1 over http (as SKYLAB_ALLOW_INTERNAL_URLS allows)
    config: defaultConfig({ allowInternalUrls: true, ...options.config }),
    passwords: createNodePasswords(TEST_COSTS),
    secrets: createSecretBox(TEST_SECRET_KEY),
    grading: options.grading ?? createInProcessGrader(options.labs),
    socketAddress: (c) => c.req.header('cf-connecting-ip'),
  };
}
