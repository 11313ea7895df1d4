import { describe, expect, it } from 'vitest';
import { findProgress, findUserAttempt, insertAttempt, insertUser, listSubmissions, recordSubmission, type Db } from '../src/index.ts';
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
    const first = await recordSubmission(db, { attempt, expectedVersion: 1, submission: submission('s1', 0.5, 200), state: { n: 1 } });
    expect(first).toMatchObject({ ok: true, attempt: { version: 2, bestScore: 0.5, status: 'in-progress', updatedAt: 200, state: { n: 1 } } });
    const second = await recordSubmission(db, { attempt, expectedVersion: 2, submission: submission('s2', 0.25, 300), state: { n: 2 } });
    expect(second).toMatchObject({ ok: true, attempt: { version: 3, bestScore: 0.5 } });
    const third = await recordSubmission(db, { attempt, expectedVersion: 3, submission: submission('s3', 1, 400), state: { n: 3 } });
    expect(third).toMatchObject({ ok: true, attempt: { version: 4, bestScore: 1, status: 'completed' } });
    expect((await listSubmissions(db, 'a1')).map((s) => s.id)).toEqual(['s1', 's2', 's3']);
    expect(await findUserAttempt(db, 'a1', 'u1')).toMatchObject({ version: 4, state: { n: 3 }, bestScore: 1, status: 'completed' });
  });

  it('refuses a stale version and writes nothing', async () => {
    const db = await openDb(kind);
    const attempt = await seed(db);
    expect(await recordSubmission(db, { attempt, expectedVersion: 7, submission: submission('s1', 1, 200), state: {} })).toEqual({
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
      ['s1', 's2'].map((id, i) => recordSubmission(db, { attempt, expectedVersion: 1, submission: submission(id, i, 200), state: { id } })),
    );
    expect(results.map((r) => r.ok).sort()).toEqual([false, true]);
    const landed = results.find((r) => r.ok);
    expect(await listSubmissions(db, 'a1')).toMatchObject([{ attemptVersion: 1 }]);
    expect((await findUserAttempt(db, 'a1', 'u1'))?.state).toEqual(landed?.ok && landed.attempt.state);
  });

  it('sums progress per lab with the newest attempt', async () => {
    const db = await openDb(kind);
    const attempt = await seed(db);
    await recordSubmission(db, { attempt, expectedVersion: 1, submission: submission('s1', 0.5, 200), state: {} });
    await insertAttempt(db, { ...attempt, id: 'a2', version: 1, bestScore: null, createdAt: 500, updatedAt: 500 });
    expect(await findProgress(db, 'u1')).toEqual([{ labId: 'lab-x', attempts: 2, bestScore: 0.5, lastActivityAt: 500, latestAttemptId: 'a2' }]);
    expect(await findProgress(db, 'u2')).toEqual([]);
  });
});
