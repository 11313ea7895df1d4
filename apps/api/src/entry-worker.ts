import { createDb } from '@skylab/db';
import type { ExecutionContext } from 'hono';
import { examSources, labSources } from 'virtual:skylab-lab-sources';
import { createApp } from './app.ts';
import type { AppDeps, Clock, Log, LogFields } from './deps.ts';
import { ConfigError, configFromEnv, MISSING_SECRET_KEY, parseEnv } from './env.ts';
import { createInProcessGrader } from './grader.ts';
import { createUlids } from './ids.ts';
import { loadExamSources } from './exam-registry.ts';
import { loadLabSources } from './lab-registry.ts';
import { createWebPasswords } from './passwords-web.ts';
import { createSecretBox, parseSecretKey } from './secret-box.ts';

/** The Worker's bindings (wrangler.toml `[vars]` and secrets); `env.ts` parses them like process env. */
export interface WorkerBindings {
  DATABASE_URL: string;
  DATABASE_AUTH_TOKEN?: string;
  PUBLIC_ORIGIN?: string;
  SKYLAB_ADMIN_EMAILS?: string;
  TRUST_PROXY?: string;
  TRUST_PROXY_HEADER?: string;
  /** A secret (`wrangler secret put`), never a var. */
  SKYLAB_SECRET_KEY: string;
}

// Workers Logs index JSON lines, so each entry stays one searchable record
const log: Log = {
  info: (message, fields) => console.log(logLine('info', message, fields)),
  warn: (message, fields) => console.warn(logLine('warn', message, fields)),
  error: (message, fields) => console.error(logLine('error', message, fields)),
};

function logLine(level: string, message: string, fields: LogFields = {}): string {
  return JSON.stringify({ level, message, ...fields });
}

const clock: Clock = { now: () => Date.now() };

// The labs and exams are bundled text (no filesystem in workerd) and never change within a deployment, so each
// isolate parses them once
const labs = loadLabSources(labSources);
const exams = loadExamSources(examSources, labs.registry);

type App = ReturnType<typeof createApp>;

// The client is shared by the isolate's concurrent requests. Its queue (20 by default) would let one request
// resolve another's queued query, which workerd forbids ("Cannot perform I/O on behalf of a different
// request"): the waiting request hangs and is cancelled. Each request's queries run in its own context instead.
const NO_QUEUE = Number.MAX_SAFE_INTEGER;

// Bindings are fixed for an isolate's lifetime; building the app once per bindings object keeps the
// per-request cost to the request itself. No request data lives here: all state is in libSQL.
const apps = new WeakMap<WorkerBindings, App>();

function appFor(bindings: WorkerBindings): App {
  let app = apps.get(bindings);
  if (!app) {
    const env = parseEnv({ ...bindings });
    // a Worker is a deployment: no key means the first request fails loudly rather than storing a key in the clear
    if (!env.SKYLAB_SECRET_KEY) throw new ConfigError(MISSING_SECRET_KEY);
    for (const problem of labs.problems) log.warn('lab skipped', { problem });
    for (const problem of exams.problems) log.warn('exam skipped', { problem });
    const deps: AppDeps = {
      // in workerd `@libsql/client` resolves to its web build, which speaks http(s)/ws(s) to sqld or Turso
      db: createDb({ url: env.DATABASE_URL, ...(env.DATABASE_AUTH_TOKEN ? { authToken: env.DATABASE_AUTH_TOKEN } : {}), concurrency: NO_QUEUE }),
      labs: labs.registry,
      exams: exams.registry,
      clock,
      ids: createUlids(clock),
      log,
      config: configFromEnv(env),
      passwords: createWebPasswords(),
      secrets: createSecretBox(parseSecretKey(env.SKYLAB_SECRET_KEY)!),
      // workerd has no worker threads: Cloudflare spreads the load over isolates instead
      grading: createInProcessGrader(labs.registry),
      socketAddress: (c) => c.req.header('cf-connecting-ip'),
    };
    app = createApp(deps);
    apps.set(bindings, app);
  }
  return app;
}

export default {
  fetch(request: Request, bindings: WorkerBindings, ctx: ExecutionContext): Response | Promise<Response> {
    return appFor(bindings).fetch(request, bindings, ctx);
  },
};
