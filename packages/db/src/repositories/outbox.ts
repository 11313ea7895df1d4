import { and, asc, desc, eq, inArray, lt, lte, ne } from 'drizzle-orm';
import type { Db } from '../client.ts';
import {
  ltiScoreOutbox,
  webhookDeliveries,
  webhookDeliveryAttempts,
  webhookEndpoints,
  type LtiScoreOutboxRow,
  type WebhookDeliveryAttemptRow,
  type WebhookDeliveryRow,
  type WebhookEndpointRow,
  type WebhookEvent,
} from '../schema.ts';

/** What a try of an outbox item came to: delivered, or when to try again (`undefined`: give up). */
export type OutboxOutcome = { delivered: true; at: number } | { delivered: false; retryAt: number | undefined; error: string };

/**
 * Queues a score, replacing any still queued for the same line item and user in the same batch: the newer
 * score is the attempt's current one, and an older one sent after it (a retry) would overwrite it.
 */
export async function insertLtiScore(db: Db, row: typeof ltiScoreOutbox.$inferInsert): Promise<void> {
  await db.batch([
    db
      .delete(ltiScoreOutbox)
      .where(and(eq(ltiScoreOutbox.status, 'pending'), eq(ltiScoreOutbox.lineItemUrl, row.lineItemUrl), eq(ltiScoreOutbox.subject, row.subject))),
    db.insert(ltiScoreOutbox).values(row),
  ]);
}

/**
 * Takes up to `limit` due scores for `leaseMs`: each is pushed past the lease by a guarded update, so two
 * senders (two isolates, two processes) never send the same one at once. Oldest first: a changed score
 * must reach the platform after the one it replaces.
 */
export async function claimDueLtiScores(db: Db, now: number, leaseMs: number, limit: number): Promise<LtiScoreOutboxRow[]> {
  const due = await db
    .select()
    .from(ltiScoreOutbox)
    .where(and(eq(ltiScoreOutbox.status, 'pending'), lte(ltiScoreOutbox.nextTryAt, now)))
    .orderBy(asc(ltiScoreOutbox.createdAt), asc(ltiScoreOutbox.id))
    .limit(limit);
  const claimed: LtiScoreOutboxRow[] = [];
  for (const row of due) {
    const [taken] = await db
      .update(ltiScoreOutbox)
      .set({ nextTryAt: now + leaseMs, tries: row.tries + 1 })
      .where(and(eq(ltiScoreOutbox.id, row.id), eq(ltiScoreOutbox.nextTryAt, row.nextTryAt), eq(ltiScoreOutbox.status, 'pending')))
      .returning();
    if (taken) claimed.push(taken);
  }
  return claimed;
}

export async function settleLtiScore(db: Db, id: string, outcome: OutboxOutcome): Promise<void> {
  await db.update(ltiScoreOutbox).set(settled(outcome)).where(eq(ltiScoreOutbox.id, id));
}

export async function listLtiScores(db: Db): Promise<LtiScoreOutboxRow[]> {
  return db.select().from(ltiScoreOutbox).orderBy(asc(ltiScoreOutbox.createdAt), asc(ltiScoreOutbox.id));
}

function settled(outcome: OutboxOutcome) {
  if (outcome.delivered) return { status: 'delivered' as const, deliveredAt: outcome.at, lastError: null };
  return outcome.retryAt === undefined
    ? { status: 'failed' as const, lastError: outcome.error }
    : { status: 'pending' as const, nextTryAt: outcome.retryAt, lastError: outcome.error };
}

export async function insertWebhookEndpoint(db: Db, row: WebhookEndpointRow): Promise<void> {
  await db.insert(webhookEndpoints).values(row);
}

export async function listWebhookEndpoints(db: Db): Promise<WebhookEndpointRow[]> {
  return db.select().from(webhookEndpoints).orderBy(asc(webhookEndpoints.createdAt), asc(webhookEndpoints.id));
}

export async function findWebhookEndpoint(db: Db, id: string): Promise<WebhookEndpointRow | undefined> {
  return db.query.webhookEndpoints.findFirst({ where: eq(webhookEndpoints.id, id) });
}

/** Removes an endpoint and its delivery log; false when there was none. */
export async function deleteWebhookEndpoint(db: Db, id: string): Promise<boolean> {
  const deleted = await db.delete(webhookEndpoints).where(eq(webhookEndpoints.id, id)).returning({ id: webhookEndpoints.id });
  return deleted.length === 1;
}

export interface NewWebhookEvent {
  event: WebhookEvent;
  body: string;
  at: number;
  /** One id per endpoint that takes the event. */
  ids: () => string;
}

/** Queues the event for every endpoint subscribed to it; the number queued. */
export async function enqueueWebhookEvent(db: Db, event: NewWebhookEvent): Promise<number> {
  const endpoints = (await listWebhookEndpoints(db)).filter((endpoint) => endpoint.events.includes(event.event));
  if (endpoints.length === 0) return 0;
  await db.insert(webhookDeliveries).values(
    endpoints.map((endpoint) => ({
      id: event.ids(),
      endpointId: endpoint.id,
      event: event.event,
      body: event.body,
      status: 'pending' as const,
      nextTryAt: event.at,
      createdAt: event.at,
    })),
  );
  return endpoints.length;
}

export interface ClaimedDelivery {
  delivery: WebhookDeliveryRow;
  endpoint: WebhookEndpointRow;
}

/** Takes due deliveries for `leaseMs`, as `claimDueLtiScores` does scores. */
export async function claimDueWebhookDeliveries(db: Db, now: number, leaseMs: number, limit: number): Promise<ClaimedDelivery[]> {
  const due = await db
    .select({ delivery: webhookDeliveries, endpoint: webhookEndpoints })
    .from(webhookDeliveries)
    .innerJoin(webhookEndpoints, eq(webhookEndpoints.id, webhookDeliveries.endpointId))
    .where(and(eq(webhookDeliveries.status, 'pending'), lte(webhookDeliveries.nextTryAt, now)))
    .orderBy(asc(webhookDeliveries.createdAt), asc(webhookDeliveries.id))
    .limit(limit);
  const claimed: ClaimedDelivery[] = [];
  for (const { delivery, endpoint } of due) {
    const [taken] = await db
      .update(webhookDeliveries)
      .set({ nextTryAt: now + leaseMs, tries: delivery.tries + 1 })
      .where(and(eq(webhookDeliveries.id, delivery.id), eq(webhookDeliveries.nextTryAt, delivery.nextTryAt), eq(webhookDeliveries.status, 'pending')))
      .returning();
    if (taken) claimed.push({ delivery: taken, endpoint });
  }
  return claimed;
}

/** Records one try in the log and the delivery's new status, in one batch. */
export async function settleWebhookDelivery(db: Db, attempt: WebhookDeliveryAttemptRow, outcome: OutboxOutcome): Promise<void> {
  const { lastError: _unused, ...change } = settled(outcome);
  await db.batch([db.insert(webhookDeliveryAttempts).values(attempt), db.update(webhookDeliveries).set(change).where(eq(webhookDeliveries.id, attempt.deliveryId))]);
}

export interface DeliveryLogEntry extends WebhookDeliveryRow {
  attempts: WebhookDeliveryAttemptRow[];
}

/** An endpoint's deliveries, newest first, each with its tries oldest first. */
export async function listWebhookDeliveries(db: Db, endpointId: string, limit: number): Promise<DeliveryLogEntry[]> {
  const deliveries = await db
    .select()
    .from(webhookDeliveries)
    .where(eq(webhookDeliveries.endpointId, endpointId))
    .orderBy(desc(webhookDeliveries.createdAt), desc(webhookDeliveries.id))
    .limit(limit);
  const attempts = await db.query.webhookDeliveryAttempts.findMany({
    where: (table, { inArray }) => inArray(table.deliveryId, deliveries.map((delivery) => delivery.id)),
    orderBy: (table) => [asc(table.at), asc(table.id)],
  });
  return deliveries.map((delivery) => ({ ...delivery, attempts: attempts.filter((attempt) => attempt.deliveryId === delivery.id) }));
}

/**
 * Forgets what was settled before `before`: delivered or abandoned scores and webhook deliveries with their
 * tries. Pending items stay whatever their age; the log an admin reads keeps the recent past.
 */
export async function pruneOutbox(db: Db, before: number): Promise<{ scores: number; deliveries: number }> {
  const settledBefore = <T extends typeof ltiScoreOutbox | typeof webhookDeliveries>(table: T) => and(ne(table.status, 'pending'), lt(table.createdAt, before));
  const old = db.select({ id: webhookDeliveries.id }).from(webhookDeliveries).where(settledBefore(webhookDeliveries));
  const [, deliveries, scores] = await db.batch([
    db.delete(webhookDeliveryAttempts).where(inArray(webhookDeliveryAttempts.deliveryId, old)),
    db.delete(webhookDeliveries).where(settledBefore(webhookDeliveries)).returning({ id: webhookDeliveries.id }),
    db.delete(ltiScoreOutbox).where(settledBefore(ltiScoreOutbox)).returning({ id: ltiScoreOutbox.id }),
  ]);
  return { scores: scores.length, deliveries: deliveries.length };
}
