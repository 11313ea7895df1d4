import { describe, expect, it } from 'vitest';
import {
  closeExamSession,
  extendExamSession,
  findExamResult,
  insertUser,
  listClosedExamSessions,
  listExamAnswers,
  listExamRegrades,
  listVoidedExamItems,
  replaceExamResult,
  saveExamAnswer,
  saveExamResult,
  startExamSession,
  voidExamItem,
  type Db,
} from '../src/index.ts';
import { openDb } from './open-db.ts';

const MINUTE = 60_000;

async function seed(db: Db) {
  await insertUser(db, { id: 'u1', email: 'a@example.com', passwordHash: 'h', createdAt: 0 });
  await insertUser(db, { id: 'u2', email: 'b@example.com', passwordHash: 'h', createdAt: 0 });
}

const session = (id: string, userId = 'u1', examId = 'exam-a') => ({ id, userId, examId, examHash: 'h1', paper: { items: [id] }, startedAt: 1000, deadline: 1000 + 10 * MINUTE });
const answer = (itemId: string, expectedVersion: number, savedAt: number, value: unknown = { choice: 'a' }) => ({ sessionId: 's1', itemId, value, expectedVersion, savedAt });

describe.each(['memory', 'file'] as const)('exam sessions (%s)', (kind) => {
  it('allows one active session per learner and counts attempts per exam', async () => {
    const db = await openDb(kind);
    await seed(db);
    expect(await startExamSession(db, session('s1'), 2)).toMatchObject({ ok: true, session: { status: 'active', version: 1, paper: { items: ['s1'] } } });
    expect(await startExamSession(db, session('s2', 'u1', 'exam-b'), 2)).toEqual({ ok: false, reason: 'active_session' });
    expect(await startExamSession(db, session('s3', 'u2'), 2)).toMatchObject({ ok: true });
    expect(await closeExamSession(db, { id: 's1', status: 'submitted', now: 2000 })).toMatchObject({ status: 'submitted', submittedAt: 2000, version: 2 });
    expect(await startExamSession(db, session('s4'), 2)).toMatchObject({ ok: true });
    expect(await closeExamSession(db, { id: 's4', status: 'submitted', now: 2000 })).toBeDefined();
    expect(await startExamSession(db, session('s5'), 2)).toEqual({ ok: false, reason: 'no_attempts_left' });
    expect((await listClosedExamSessions(db, 'exam-a')).map((s) => s.id)).toEqual(['s1', 's4']);
  });

  it('closes on the right side of the deadline only, and only once', async () => {
    const db = await openDb(kind);
    await seed(db);
    await startExamSession(db, session('s1'), 1);
    const deadline = 1000 + 10 * MINUTE;
    expect(await closeExamSession(db, { id: 's1', status: 'timed-out', now: deadline })).toBeUndefined();
    expect(await closeExamSession(db, { id: 's1', status: 'submitted', now: deadline + 1 })).toBeUndefined();
    expect(await closeExamSession(db, { id: 's1', status: 'timed-out', now: deadline + 1 })).toMatchObject({ status: 'timed-out', submittedAt: deadline });
    expect(await closeExamSession(db, { id: 's1', status: 'timed-out', now: deadline + 2 })).toBeUndefined();
  });

  it('extends only an active session, and records the minutes', async () => {
    const db = await openDb(kind);
    await seed(db);
    await startExamSession(db, session('s1'), 1);
    expect(await extendExamSession(db, 's1', 15)).toMatchObject({ deadline: 1000 + 25 * MINUTE, extensionMinutes: 15, version: 2 });
    expect(await extendExamSession(db, 's1', 5)).toMatchObject({ deadline: 1000 + 30 * MINUTE, extensionMinutes: 20, version: 3 });
    await closeExamSession(db, { id: 's1', status: 'submitted', now: 2000 });
    expect(await extendExamSession(db, 's1', 5)).toBeUndefined();
  });
});

describe.each(['memory', 'file'] as const)('exam answers (%s)', (kind) => {
  it('saves under the item version: of two writes from the same version one lands', async () => {
    const db = await openDb(kind);
    await seed(db);
    await startExamSession(db, session('s1'), 1);
    expect(await saveExamAnswer(db, answer('q1', 0, 2000))).toMatchObject({ ok: true, answer: { version: 1 } });
    expect(await saveExamAnswer(db, answer('q1', 0, 2001))).toEqual({ ok: false });
    const [a, b] = await Promise.all([saveExamAnswer(db, answer('q1', 1, 2002, { choice: 'b' })), saveExamAnswer(db, answer('q1', 1, 2002, { choice: 'c' }))]);
    expect([a?.ok, b?.ok].sort()).toEqual([false, true]);
    expect(await listExamAnswers(db, 's1')).toEqual([{ sessionId: 's1', itemId: 'q1', value: a?.ok ? { choice: 'b' } : { choice: 'c' }, savedAt: 2002, version: 2 }]);
  });

  it('refuses a write past the deadline or after answering ended', async () => {
    const db = await openDb(kind);
    await seed(db);
    await startExamSession(db, session('s1'), 1);
    const deadline = 1000 + 10 * MINUTE;
    expect(await saveExamAnswer(db, answer('q1', 0, deadline))).toMatchObject({ ok: true });
    expect(await saveExamAnswer(db, answer('q2', 0, deadline + 1))).toEqual({ ok: false });
    await extendExamSession(db, 's1', 1);
    expect(await saveExamAnswer(db, answer('q2', 0, deadline + 1))).toMatchObject({ ok: true });
    await closeExamSession(db, { id: 's1', status: 'submitted', now: deadline + 2 });
    expect(await saveExamAnswer(db, answer('q1', 1, deadline + 3))).toEqual({ ok: false });
    expect((await listExamAnswers(db, 's1')).map((row) => row.itemId)).toEqual(['q1', 'q2']);
  });
});

describe.each(['memory', 'file'] as const)('exam results (%s)', (kind) => {
  it('keeps the first result, replaces it with a record of the change, and voids an item once', async () => {
    const db = await openDb(kind);
    await seed(db);
    await startExamSession(db, session('s1'), 1);
    await closeExamSession(db, { id: 's1', status: 'submitted', now: 2000 });
    await saveExamResult(db, { sessionId: 's1', result: { score: 0.5 }, score: 0.5, passed: false, gradedAt: 2000 });
    expect(await saveExamResult(db, { sessionId: 's1', result: { score: 0.9 }, score: 0.9, passed: true, gradedAt: 2001 })).toMatchObject({ score: 0.5, passed: false });
    expect(await voidExamItem(db, { examId: 'exam-a', itemId: 'q1', actorId: 'u2', reason: 'ambiguous', createdAt: 3000 })).toBe(true);
    expect(await voidExamItem(db, { examId: 'exam-a', itemId: 'q1', actorId: 'u2', reason: 'again', createdAt: 3001 })).toBe(false);
    expect((await listVoidedExamItems(db, 'exam-a')).map((row) => row.reason)).toEqual(['ambiguous']);
    await replaceExamResult(db, {
      result: { result: { score: 1 }, score: 1, passed: true, gradedAt: 3000 },
      regrade: { id: 'r1', sessionId: 's1', examId: 'exam-a', kind: 'void', actorId: 'u2', reason: 'ambiguous', changes: [{ itemId: 'q1' }], createdAt: 3000 },
    });
    expect(await findExamResult(db, 's1')).toMatchObject({ score: 1, passed: true, gradedAt: 3000 });
    expect(await listExamRegrades(db, 's1')).toEqual([{ id: 'r1', sessionId: 's1', examId: 'exam-a', kind: 'void', actorId: 'u2', reason: 'ambiguous', changes: [{ itemId: 'q1' }], createdAt: 3000 }]);
  });
});
