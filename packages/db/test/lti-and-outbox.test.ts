import { describe, expect, it } from 'vitest';
import {
  claimDueLtiScores,
  enqueueWebhookEvent,
  findOrCreateLtiUser,
  insertLtiLoginState,
  insertLtiPlatform,
  insertLtiScore,
  insertWebhookEndpoint,
  listLtiScores,
  listWebhookDeliveries,
  pruneOutbox,
  settleLtiScore,
  settleWebhookDelivery,
  useLtiLoginState,
  type Db,
} from '../src/index.ts';
import { openDb } from './open-db.ts';

async function withPlatform(): Promise<Db> {
  const db = await openDb('memory');
  await insertLtiPlatform(db, { id: 'p1', issuer: 'https://lms.example', clientId: 'c', authLoginUrl: 'https://lms.example/a', accessTokenUrl: 'https://lms.example/t', jwksUrl: 'https://lms.example/k', deploymentIds: ['1'], createdAt: 0 });
  return db;
}

describe('LTI login states', () => {
  it('are used once, and tell a replay, an expired and an unknown state apart', async () => {
    const db = await withPlatform();
    await insertLtiLoginState(db, { state: 's1', nonce: 'n1', platformId: 'p1', createdAt: 0, expiresAt: 1000 });
    await insertLtiLoginState(db, { state: 's2', nonce: 'n2', platformId: 'p1', createdAt: 0, expiresAt: 1000 });
    const [first, second] = await Promise.all([useLtiLoginState(db, 's1', 10), useLtiLoginState(db, 's1', 10)]);
    expect([first.ok, second.ok].sort()).toEqual([false, true]);
    expect(await useLtiLoginState(db, 's1', 20)).toEqual({ ok: false, reason: 'used' });
    expect(await useLtiLoginState(db, 's2', 1000)).toEqual({ ok: false, reason: 'expired' });
    expect(await useLtiLoginState(db, 'nope', 10)).toEqual({ ok: false, reason: 'unknown' });
  });
});

describe('LTI users', () => {
  it('are made once per platform identity', async () => {
    const db = await withPlatform();
    const user = (id: string) => ({ id, email: `${id}@lti.invalid`, name: 'n', passwordHash: '!lti', role: 'learner' as const, createdAt: 0 });
    const made = await findOrCreateLtiUser(db, { platformId: 'p1', subject: 'sub-1', user: user('u1') });
    const again = await findOrCreateLtiUser(db, { platformId: 'p1', subject: 'sub-1', user: user('u2') });
    const other = await findOrCreateLtiUser(db, { platformId: 'p1', subject: 'sub-2', user: user('u3') });
    expect([made.id, again.id, other.id]).toEqual(['u1', 'u1', 'u3']);
  });
});

describe('the score outbox', () => {
  const score = (id: string, subject: string, createdAt: number) => ({ id, platformId: 'p1', lineItemUrl: 'https://lms.example/li/1', subject, score: { id }, status: 'pending' as const, nextTryAt: createdAt, createdAt });

  it('lets one sender claim a due score for the lease, and another after the lease runs out', async () => {
    const db = await withPlatform();
    await insertLtiScore(db, score('a', 'sub-1', 0));
    const [one, two] = await Promise.all([claimDueLtiScores(db, 100, 60_000, 10), claimDueLtiScores(db, 100, 60_000, 10)]);
    expect([one.length, two.length].sort()).toEqual([0, 1]);
    expect(await claimDueLtiScores(db, 60_099, 60_000, 10)).toEqual([]);
    expect((await claimDueLtiScores(db, 60_100, 60_000, 10)).map((row) => [row.id, row.tries])).toEqual([['a', 2]]);
  });

  it('replaces a waiting score for the same line item and user, never a delivered one or another user’s', async () => {
    const db = await withPlatform();
    await insertLtiScore(db, score('old', 'sub-1', 0));
    await settleLtiScore(db, 'old', { delivered: true, at: 1 });
    await insertLtiScore(db, score('waiting', 'sub-1', 2));
    await insertLtiScore(db, score('other', 'sub-2', 3));
    await insertLtiScore(db, score('newer', 'sub-1', 4));
    expect((await listLtiScores(db)).map((row) => [row.id, row.status])).toEqual([
      ['old', 'delivered'],
      ['other', 'pending'],
      ['newer', 'pending'],
    ]);
  });
});

describe('pruning the outbox', () => {
  it('forgets settled scores and deliveries (with their tries) made before the cut, never a pending one', async () => {
    const db = await withPlatform();
    await insertWebhookEndpoint(db, { id: 'e1', url: 'https://hooks.example/x', secret: 's', events: ['grade.changed'], createdAt: 0 });
    let n = 0;
    const ids = () => `d${++n}`;
    for (const at of [10, 20, 30]) await enqueueWebhookEvent(db, { event: 'grade.changed', body: '{}', at, ids });
    await settleWebhookDelivery(db, { id: 't1', deliveryId: 'd1', at: 11, responseStatus: 204, error: null, durationMs: 1 }, { delivered: true, at: 11 });
    await settleWebhookDelivery(db, { id: 't2', deliveryId: 'd2', at: 21, responseStatus: 500, error: 'no', durationMs: 1 }, { delivered: false, retryAt: undefined, error: 'no' });
    const score = (id: string, status: 'pending' | 'delivered', createdAt: number) => ({ id, platformId: 'p1', lineItemUrl: `https://lms.example/li/${id}`, subject: 's', score: {}, status, nextTryAt: createdAt, createdAt });
    await insertLtiScore(db, score('old-sent', 'delivered', 5));
    await insertLtiScore(db, score('old-waiting', 'pending', 5));
    await insertLtiScore(db, score('new-sent', 'delivered', 50));

    expect(await pruneOutbox(db, 40)).toEqual({ scores: 1, deliveries: 2 });
    expect((await listLtiScores(db)).map((s) => s.id)).toEqual(['old-waiting', 'new-sent']);
    expect((await listWebhookDeliveries(db, 'e1', 10)).map((d) => d.id)).toEqual(['d3']);
  });
});
