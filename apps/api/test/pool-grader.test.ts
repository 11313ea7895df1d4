import { findAttemptById, listSubmissions } from '@skylab/db';
import { restoreAccountState } from '@skylab/emulator';
import { drawPaper } from '@skylab/lab-engine';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { threadId } from 'node:worker_threads';
import { Piscina } from 'piscina';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { createApp } from '../src/app.ts';
import { attemptAccount } from '../src/attempt-account.ts';
import { parseEnv } from '../src/env.ts';
import { createInProcessGrader, labRef, LabChanged, type AccountJob } from '../src/grader.ts';
import { labFromSource } from '../src/lab-source-cache.ts';
import { createNodeDeps } from '../src/node-deps.ts';
import { createPoolGrader, type PoolGrader } from '../src/pool-grader.ts';
import { createAgent } from './scenarios/client.ts';
import { RIGHT_POLICY, S3_STAR_POLICY, startAttempt, submit } from './scenarios/labs.ts';
import { PASSWORD } from './scenarios/scenario.ts';
import { FIXTURE_EXAMS } from './fixtures/exams.ts';
import { FIXED_NOW } from './support/deterministic.ts';
import { repoExams, repoLabs, testApp } from './support/test-app.ts';
import { REPO_ROOT } from './support/test-deps.ts';

const LABS_DIR = join(REPO_ROOT, 'labs');
const pools: PoolGrader[] = [];
afterAll(() => Promise.all(pools.map((pool) => pool.close())));

function poolGrader(options: { maxQueue?: number } = {}): PoolGrader {
  const pool = createPoolGrader({ labsDir: LABS_DIR, threads: 1, ...options });
  pools.push(pool);
  return pool;
}

async function signedUp(app: Awaited<ReturnType<typeof testApp>>) {
  const learner = createAgent(app.fetch, 'http://localhost');
  expect((await learner.post('/api/auth/sign-up', { email: 'ada@example.com', password: PASSWORD })).status).toBe(201);
  return learner;
}

/** An attempt with one submission stored, as a job: the live account drifts once the learner deleted the user the policy goes to. */
async function submittedJob(options: { drifted: boolean }): Promise<AccountJob> {
  const app = await testApp();
  const learner = await signedUp(app);
  const { id } = await startAttempt(learner);
  expect((await submit(learner, id, 1, S3_STAR_POLICY)).status).toBe(201);
  const attempt = (await findAttemptById(app.deps.db, id))!;
  const state = restoreAccountState(attempt.state);
  if (options.drifted) delete state.iam.users['app-reader'];
  const account = attemptAccount({ ...attempt, state }, await listSubmissions(app.deps.db, id), app.deps.config);
  return { lab: labRef(repoLabs().get(attempt.labId)!), account };
}

describe('grading in worker threads', () => {
  const inProcess = createInProcessGrader(repoLabs());

  it.each([
    ['a right answer on an untouched account', false, RIGHT_POLICY],
    ['an over-grant on an account the learner changed', true, S3_STAR_POLICY],
    ['answers that cannot be graded', true, '{"Version": '],
  ])('gives the same grade, live account and drift as in process, for %s', async (_label, drifted, policy) => {
    const job = await submittedJob({ drifted });
    const submission = { ...job, answers: { 'reader-policy': policy }, time: job.account.createdAt + 60_000, revealedHints: [1] };
    const pool = poolGrader();
    const [pooled, local] = await Promise.all([pool.grade(submission), inProcess.grade(submission)]);
    const same = (a: unknown, b: unknown) => {
      expect(a).toStrictEqual(b);
      expect(JSON.stringify(a)).toBe(JSON.stringify(b));
    };
    same(pooled, local);
    same(await pool.drift(job), await inProcess.drift(job));
    same(await pool.resetAccount(job), await inProcess.resetAccount(job));
    if (drifted) expect(await pool.drift(job)).toContainEqual(expect.objectContaining({ message: expect.stringContaining('app-reader') }));
  });

  it('grades a lab published to a course, which the threads never loaded, from the text the job carries', async () => {
    const job = await submittedJob({ drifted: false });
    const text = readFileSync(join(REPO_ROOT, repoLabs().get('iam-s3-read-only')!.path), 'utf8').replace('id: iam-s3-read-only', 'id: pool-course-lab');
    const registered = labFromSource(text, repoLabs().misconceptions()).registered!;
    const submission = { ...job, lab: labRef(registered), answers: { 'reader-policy': RIGHT_POLICY }, time: job.account.createdAt + 60_000, revealedHints: [] };
    expect(submission.lab).toMatchObject({ id: 'pool-course-lab', source: text });
    const [pooled, local] = await Promise.all([poolGrader().grade(submission), inProcess.grade(submission)]);
    expect(pooled).toStrictEqual(local);
    expect(pooled).toMatchObject({ ok: true, grade: { score: 1 } });
    await expect(poolGrader().grade({ ...submission, lab: { ...submission.lab, version: 'stale' } })).rejects.toBeInstanceOf(LabChanged);
  });

  it('draws and grades an exam paper, hands-on item included, as in process', async () => {
    const registered = repoExams().get(FIXTURE_EXAMS.afterSubmit)!;
    const labs = [labRef(repoLabs().get('iam-s3-read-only')!)];
    const paper = await poolGrader().drawExam({ exam: registered.exam, seed: 'pool-exam', labs });
    expect(paper).toStrictEqual(drawPaper(registered.exam, { seed: 'pool-exam', labs: (id) => repoLabs().get(id)?.lab }));
    const job = { paper, answers: { 'h-reader': { text: RIGHT_POLICY }, 'q-single': { picks: ['scp'] } }, voided: ['q-order'], labs, startedAt: FIXED_NOW, region: 'us-east-1' };
    const [pooled, local] = await Promise.all([poolGrader().gradeExam(job), inProcess.gradeExam(job)]);
    expect(pooled).toStrictEqual(local);
    expect(local.items.map((item) => [item.id, item.status])).toEqual(expect.arrayContaining([['h-reader', 'correct'], ['q-single', 'incorrect'], ['q-order', 'voided']]));
    await expect(poolGrader().gradeExam({ ...job, labs: [{ ...labs[0]!, version: 'stale' }] })).rejects.toBeInstanceOf(LabChanged);
  });

  it('previews a lab text in a thread exactly as in process', async () => {
    const text = readFileSync(join(REPO_ROOT, repoLabs().get('iam-s3-read-only')!.path), 'utf8');
    const job = { text, seed: 'preview', time: Date.UTC(2026, 0, 5), region: 'us-east-1' };
    const [threaded, local] = await Promise.all([poolGrader().previewLab(job), inProcess.previewLab(job)]);
    expect(threaded).toEqual(local);
    expect(threaded.ok).toBe(true);
  });

  it('refuses a job for another version of the lab than the threads loaded', async () => {
    const job = await submittedJob({ drifted: false });
    const stale = { ...job, lab: { ...job.lab, version: '0123456789abcdef' } };
    for (const grader of [poolGrader(), inProcess]) {
      const refused = grader.drift(stale);
      await expect(refused).rejects.toBeInstanceOf(LabChanged);
      await expect(refused).rejects.toMatchObject({
        status: 503,
        code: 'lab_changed',
        message: `the lab \`iam-s3-read-only\` changed since the server started (it shows version \`0123456789ab\`, grading has version \`${job.lab.version.slice(0, 12)}\`): restart the server so it grades the lab it shows`,
      });
    }
  });

  it('answers 503 grading_busy with Retry-After when the queue is full, and leaves the attempt as it was', async () => {
    const pool = poolGrader({ maxQueue: 0 });
    const ahead: Promise<unknown>[] = [];
    // Another learner's job takes the only thread just before this submission arrives.
    const app = await testApp({ grading: { ...pool, grade: (job) => (ahead.push(pool.grade(job)), pool.grade(job)) } });
    const learner = await signedUp(app);
    const { id } = await startAttempt(learner);
    const refused = await submit(learner, id, 1, RIGHT_POLICY);
    expect(refused.status).toBe(503);
    expect(refused.headers.get('retry-after')).toBe('10');
    expect(refused.body).toEqual({ error: { code: 'grading_busy', message: 'the grading queue is full (0 jobs waiting for 1 thread): try again in a moment' } });
    await Promise.all(ahead);
    expect((await learner.get(`/api/attempts/${id}`)).body.attempt).toMatchObject({ version: 1, submissionCount: 0 });
  });
});

describe('the Node deps', () => {
  const closers: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const close of closers.splice(0)) await close();
    vi.restoreAllMocks();
  });

  it('grade submissions in a worker thread of their pool', async () => {
    const run = vi.spyOn(Piscina.prototype, 'run');
    const env = parseEnv({ DATABASE_URL: `file:${join(mkdtempSync(join(tmpdir(), 'skylab-pool-')), 'skylab.db')}` });
    const { deps, close } = await createNodeDeps(env, REPO_ROOT);
    closers.push(close);
    // `app.request` has no socket to take the client's address from: the agents name theirs as in Workers.
    const app = createApp({ ...deps, socketAddress: (c) => c.req.header('cf-connecting-ip') });
    const learner = createAgent((url, init) => app.request(url, init), 'http://localhost');
    expect((await learner.post('/api/auth/sign-up', { email: 'ada@example.com', password: PASSWORD })).status).toBe(201);
    const { id } = await startAttempt(learner);
    const submitted = await submit(learner, id, 1, RIGHT_POLICY);
    expect(submitted.status).toBe(201);
    const graded = run.mock.calls.findIndex(([job]) => (job as { fn: string }).fn === 'grade');
    expect(graded).toBeGreaterThanOrEqual(0);
    expect((await run.mock.results[graded]!.value).value.grade.score).toBe(submitted.body.submission.grade.score);
    const workers = (run.mock.contexts[graded] as Piscina).threads.map((worker) => worker.threadId);
    expect(workers.length).toBeGreaterThan(0);
    expect(workers).not.toContain(threadId);
  });
});
