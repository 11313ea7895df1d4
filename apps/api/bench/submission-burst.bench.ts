// `npm run bench` (apps/api): how much a burst of grading slows everyone else on Node. Starts the real
// server (`entry-node.ts`, as `npm start` does) on a fresh database, signs up, starts attempts, fires
// 200 concurrent submissions (one per attempt), and meanwhile reads `GET /api/labs` one request after another: the
// reads' latency during the burst is what a classroom feels when everyone submits at once.
// `node --import tsx bench/submission-burst.bench.ts [lab-id] [submissions]`
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';

const REPO_ROOT = resolve(import.meta.dirname, '../../..');
const LAB = process.argv[2] ?? 'iam-least-privilege-deploy';
const BURST = Number(process.argv[3] ?? 200);
const BASELINE_READS = 200;
// Grants everything on S3: a full grade (every check, the whole request universe), and a wrong one.
const OVERGRANT = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:*', Resource: '*' }] });

function startServer(databaseUrl: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(process.execPath, ['--import', 'tsx', join(REPO_ROOT, 'apps/api/src/entry-node.ts')], {
    cwd: REPO_ROOT,
    env: { ...process.env, PORT: '0', DATABASE_URL: databaseUrl },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const stderr: string[] = [];
  child.stderr!.on('data', (chunk: Buffer) => stderr.push(chunk.toString()));
  return new Promise((done, fail) => {
    child.once('exit', (code) => fail(new Error(`the server exited with ${code}:\n${stderr.join('')}`)));
    createInterface({ input: child.stdout! }).on('line', (line) => {
      const match = /^Skylab is running at (\S+)$/.exec(line);
      if (match) done({ child, url: match[1]! });
    });
  });
}

async function call(url: string, path: string, init: { method?: string; cookie?: string; body?: unknown } = {}) {
  const headers: Record<string, string> = { origin: url, 'content-type': 'application/json', ...(init.cookie ? { cookie: init.cookie } : {}) };
  const res = await fetch(`${url}${path}`, { method: init.method ?? 'GET', headers, ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }) });
  return { status: res.status, cookie: res.headers.get('set-cookie')?.split(';')[0], body: await res.json() };
}

async function timedRead(url: string): Promise<number> {
  const start = performance.now();
  const res = await fetch(`${url}/api/labs`);
  await res.arrayBuffer();
  if (res.status !== 200) throw new Error(`GET /api/labs answered ${res.status}`);
  return performance.now() - start;
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

function report(label: string, latencies: number[]): void {
  const sorted = [...latencies].sort((a, b) => a - b);
  const ms = (value: number) => `${value.toFixed(1).padStart(7)} ms`;
  console.log(`${label.padEnd(34)} p50 ${ms(percentile(sorted, 50))}  p99 ${ms(percentile(sorted, 99))}  max ${ms(sorted.at(-1)!)}  (${sorted.length} reads)`);
}

const dir = mkdtempSync(join(tmpdir(), 'skylab-bench-'));
const { child, url } = await startServer(`file:${join(dir, 'skylab.db')}`);
try {
  const signUp = await call(url, '/api/auth/sign-up', { method: 'POST', body: { email: 'bench@example.com', password: 'correct horse battery', name: 'Bench' } });
  const cookie = signUp.cookie;
  if (signUp.status !== 201 || !cookie) throw new Error(`sign-up answered ${signUp.status}`);
  // One attempt per submission, as a class of learners each submitting their own: submissions to one
  // attempt would mostly be refused with 409 before grading (one write per version).
  const attempts: { id: string; version: number; answers: Record<string, string> }[] = [];
  for (let i = 0; i < BURST; i++) {
    const started = await call(url, `/api/labs/${LAB}/attempts`, { method: 'POST', cookie });
    if (started.status !== 201) throw new Error(`starting an attempt of \`${LAB}\` answered ${started.status}: ${JSON.stringify(started.body)}`);
    const { id, version, lab } = started.body.attempt as { id: string; version: number; lab: { tasks: { id: string }[] } };
    attempts.push({ id, version, answers: Object.fromEntries(lab.tasks.map((task) => [task.id, OVERGRANT])) });
  }

  const idle: number[] = [];
  for (let i = 0; i < BASELINE_READS; i++) idle.push(await timedRead(url));
  report('GET /api/labs, idle', idle);

  const burstStart = performance.now();
  let settled = false;
  const submissions = Promise.all(
    attempts.map(({ id, version, answers }) => call(url, `/api/attempts/${id}/submissions`, { method: 'POST', cookie, body: { version, answers } }).then((res) => res.status)),
  ).finally(() => (settled = true));
  const during: number[] = [];
  while (!settled) during.push(await timedRead(url));
  const statuses = await submissions;
  const burstMs = performance.now() - burstStart;

  const counts = [...new Set(statuses)].sort().map((status) => `${statuses.filter((s) => s === status).length}× ${status}`);
  console.log(`${`${BURST} concurrent submissions (${LAB})`.padEnd(34)} ${burstMs.toFixed(0)} ms in all: ${counts.join(', ')}`);
  report('GET /api/labs, during the burst', during);
} finally {
  child.kill('SIGTERM');
  rmSync(dir, { recursive: true, force: true });
}
