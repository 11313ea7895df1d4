import { describe, expect, it } from 'vitest';
import {
  closeAttempt,
  ensureAttemptAccessKey,
  findProgress,
  findUserAttempt,
  insertAttempt,
  insertUser,
  listSubmissions,
  recordHintReveal,
  recordSubmission,
  writeAttemptState,
  type Db,
} from '../src/index.ts';
import { openDb } from './open-db.ts';

async function seed(db: Db) {
  await insertUser(db, { id: 'u1', email: 'a@example.com', passwordHash: 'h', createdAt: 0 });
  await insertUser(db, { id: 'u2', email: 'b@example.com', passwordHash: 'h', createdAt: 0 });
  return insertAttempt(db, {
    id: 'a1',
    userId: 'u1',
    labId: 'lab-x',
    labVersion: 'v1',
    seed: 's',
    params: { bucket: 'b' },
    state: { s3: { buckets: ['b'] } },
    version: 1,
    status: 'in-progress',
    createdAt: 100,
    updatedAt: 100,
  });
}

function submission(id: string, score: number, createdAt: number) {
  return { id, answers: { policy: '{}' }, grade: { score }, findings: [], score, createdAt };
}

describe.each(['memory', 'file'] as const)('attempts and submissions (%s)', (kind) => {
  it('finds an attempt only for its owner', async () => {
    const db = await openDb(kind);
    await seed(db);
    expect(await findUserAttempt(db, 'a1', 'u1')).toMatchObject({ params: { bucket: 'b' }, state: { s3: { buckets: ['b'] } } });
    expect(await findUserAttempt(db, 'a1', 'u2')).toBeUndefined();
  });

  it('records a submission, bumps the version and keeps the best score', async () => {
    const db = await openDb(kind);
    const attempt = await seed(db);
    const first = await recordSubmission(db, { attempt, expectedVersion: 1, submission: submission('s1', 0.5, 200), state: { n: 1 }, completed: false });
    expect(first).toMatchObject({ ok: true, attempt: { version: 2, submissionCount: 1, bestScore: 0.5, status: 'in-progress', updatedAt: 200, state: { n: 1 } } });
    const second = await recordSubmission(db, { attempt, expectedVersion: 2, submission: submission('s2', 0.25, 300), state: { n: 2 }, completed: false });
    expect(second).toMatchObject({ ok: true, attempt: { version: 3, bestScore: 0.5 } });
    const third = await recordSubmission(db, { attempt, expectedVersion: 3, submission: submission('s3', 1, 400), state: { n: 3 }, completed: true });
    expect(third).toMatchObject({ ok: true, attempt: { version: 4, bestScore: 1, status: 'completed' } });
    expect((await listSubmissions(db, 'a1')).map((s) => s.id)).toEqual(['s1', 's2', 's3']);
    expect(await findUserAttempt(db, 'a1', 'u1')).toMatchObject({ version: 4, submissionCount: 3, state: { n: 3 }, bestScore: 1, status: 'completed' });
  });

  it('completes an attempt that passed every check even when hint costs kept its score below 1', async () => {
    const db = await openDb(kind);
    const attempt = await seed(db);
    const written = await recordSubmission(db, { attempt, expectedVersion: 1, submission: submission('s1', 0.9, 200), state: {}, completed: true });
    expect(written).toMatchObject({ ok: true, attempt: { bestScore: 0.9, status: 'completed' } });
    const later = await recordSubmission(db, { attempt, expectedVersion: 2, submission: submission('s2', 0.4, 300), state: {}, completed: false });
    expect(later).toMatchObject({ ok: true, attempt: { bestScore: 0.9, status: 'completed' } });
    expect(await findProgress(db, 'u1')).toMatchObject([{ labId: attempt.labId, bestScore: 0.9, completed: true }]);
  });

  it('counts submissions apart from the version, which hint reveals and account writes move too', async () => {
    const db = await openDb(kind);
    const attempt = await seed(db);
    expect(attempt).toMatchObject({ revealedHints: [], submissionCount: 0 });
    const revealed = await recordHintReveal(db, { attempt, index: 1, updatedAt: 150 });
    expect(await writeAttemptState(db, { id: 'a1', expectedVersion: 2, state: { n: 0 }, updatedAt: 160 })).toBe(true);
    const submitted = await recordSubmission(db, { attempt, expectedVersion: 3, submission: submission('s1', 0.5, 200), state: { n: 1 }, completed: false });
    expect(revealed).toMatchObject({ ok: true, attempt: { version: 2, revealedHints: [1], submissionCount: 0, updatedAt: 150 } });
    expect(submitted).toMatchObject({ ok: true, attempt: { version: 4, submissionCount: 1 } });
  });

  it.each<[string, number[], number, number[], number]>([
    ['a first hint', [], 2, [2], 2],
    ['a second hint, kept in index order', [3], 1, [1, 3], 2],
    ['a hint already revealed: no write, the version stays', [1, 2], 2, [1, 2], 1],
  ])('records a revealed hint: %s', async (_name, before, index, after, version) => {
    const db = await openDb(kind);
    const attempt = { ...(await seed(db)), revealedHints: before };
    await db.$client.execute({ sql: 'update attempts set revealed_hints = ? where id = ?', args: [JSON.stringify(before), 'a1'] });
    expect(await recordHintReveal(db, { attempt, index, updatedAt: 150 })).toMatchObject({ ok: true, attempt: { revealedHints: after, version } });
    expect(await findUserAttempt(db, 'a1', 'u1')).toMatchObject({ revealedHints: after, version });
  });

  it('refuses a hint reveal from a stale version, so two concurrent reveals never lose one', async () => {
    const db = await openDb(kind);
    const attempt = await seed(db);
    const results = await Promise.all([1, 2].map((index) => recordHintReveal(db, { attempt, index, updatedAt: 150 })));
    expect(results.map((r) => r.ok).sort()).toEqual([false, true]);
    const stored = await findUserAttempt(db, 'a1', 'u1');
    expect(stored).toMatchObject({ version: 2, revealedHints: [results[0]?.ok ? 1 : 2] });
    expect(await recordHintReveal(db, { attempt: stored!, index: results[0]?.ok ? 2 : 1, updatedAt: 160 })).toMatchObject({ ok: true, attempt: { version: 3, revealedHints: [1, 2] } });
    expect(await recordSubmission(db, { attempt, expectedVersion: 1, submission: submission('s1', 1, 200), state: {}, completed: true })).toEqual({ ok: false, reason: 'version_conflict' });
  });

  it('refuses a stale version and writes nothing', async () => {
    const db = await openDb(kind);
    const attempt = await seed(db);
    expect(await recordSubmission(db, { attempt, expectedVersion: 7, submission: submission('s1', 1, 200), state: {}, completed: true })).toEqual({
      ok: false,
      reason: 'version_conflict',
    });
    expect(await listSubmissions(db, 'a1')).toEqual([]);
    expect(await findUserAttempt(db, 'a1', 'u1')).toMatchObject({ version: 1, bestScore: null });
  });

  it('lets exactly one of two concurrent submissions at the same version land', async () => {
    const db = await openDb(kind);
    const attempt = await seed(db);
    const results = await Promise.all(
      ['s1', 's2'].map((id, i) => recordSubmission(db, { attempt, expectedVersion: 1, submission: submission(id, i, 200), state: { id }, completed: false })),
    );
    expect(results.map((r) => r.ok).sort()).toEqual([false, true]);
    const landed = results.find((r) => r.ok);
    expect(await listSubmissions(db, 'a1')).toMatchObject([{ attemptVersion: 1 }]);
    expect((await findUserAttempt(db, 'a1', 'u1'))?.state).toEqual(landed?.ok && landed.attempt.state);
  });

  it('sums progress per lab with the newest attempt', async () => {
    const db = await openDb(kind);
    const attempt = await seed(db);
    await recordSubmission(db, { attempt, expectedVersion: 1, submission: submission('s1', 0.5, 200), state: {}, completed: false });
    await insertAttempt(db, { ...attempt, id: 'a2', version: 1, bestScore: null, createdAt: 500, updatedAt: 500 });
    expect(await findProgress(db, 'u1')).toEqual([{ labId: 'lab-x', attempts: 2, bestScore: 0.5, completed: false, lastActivityAt: 500, latestAttemptId: 'a2' }]);
    expect(await findProgress(db, 'u2')).toEqual([]);
  });

  it('gives an attempt without an access key one, once, and keeps the first of two concurrent ones', async () => {
    const db = await openDb(kind);
    const attempt = await seed(db);
    expect(attempt).toMatchObject({ awsAccessKeyId: null, awsSecretAccessKey: null });
    const [a, b] = await Promise.all([
      ensureAttemptAccessKey(db, attempt, { accessKeyId: 'AKIAFIRST', secretAccessKey: 'first' }),
      ensureAttemptAccessKey(db, attempt, { accessKeyId: 'AKIASECOND', secretAccessKey: 'second' }),
    ]);
    expect(a).toEqual(b);
    const stored = await findUserAttempt(db, 'a1', 'u1');
    expect(stored).toMatchObject({ awsAccessKeyId: a.accessKeyId, awsSecretAccessKey: a.secretAccessKey, version: 1 });
    expect(await ensureAttemptAccessKey(db, stored!, { accessKeyId: 'AKIATHIRD', secretAccessKey: 'third' })).toEqual(a);
  });

  it('closes an attempt under its version, once', async () => {
    const db = await openDb(kind);
    const attempt = await seed(db);
    const closed = await closeAttempt(db, attempt, 500);
    expect(closed).toMatchObject({ ok: true, attempt: { closedAt: 500, version: 2, updatedAt: 500 } });
    expect(await closeAttempt(db, { ...attempt, closedAt: null }, 600)).toEqual({ ok: false, reason: 'version_conflict' });
    if (!closed.ok) throw new Error('not closed');
    expect(await closeAttempt(db, closed.attempt, 700)).toEqual(closed);
    const late = await recordSubmission(db, { attempt, expectedVersion: 1, submission: submission('s1', 1, 800), state: {}, completed: true });
    expect(late).toEqual({ ok: false, reason: 'version_conflict' });
  });
});
