import { claimDueLtiScores, claimDueWebhookDeliveries, pruneOutbox, pruneRateLimits, settleLtiScore, settleWebhookDelivery, type ClaimedDelivery, type OutboxOutcome } from '@skylab/db';
import type { Context } from 'hono';
import type { AppDeps } from './deps.ts';
import { sendScore } from './lti/scores.ts';
import { outbound } from './outbound/guarded-fetch.ts';
import { SIGNATURE_HEADER, signatureHeader } from './webhooks/signature.ts';

const SECOND = 1000;
/** A claimed item is someone else's to retry once its lease runs out (the sender died mid-try). */
const LEASE_MS = 60 * SECOND;
const BATCH = 20;
const TIMEOUT_MS = 10 * SECOND;
/** 30 s, 1 min, 2 min … doubling up to 6 h: 12 tries span about a day and a half before giving up. */
const FIRST_RETRY_MS = 30 * SECOND;
const MAX_RETRY_MS = 6 * 3600 * SECOND;
export const MAX_TRIES = 12;

/** When to try again after the `tries`-th failed try, or `undefined` to give up. */
export function retryAt(now: number, tries: number): number | undefined {
  if (tries >= MAX_TRIES) return undefined;
  return now + Math.min(FIRST_RETRY_MS * 2 ** (tries - 1), MAX_RETRY_MS);
}

export interface DeliveryRun {
  scores: number;
  webhooks: number;
}

/** Sends every due score and webhook once; failures are rescheduled with backoff, never dropped silently. */
// Housekeeping rides on the delivery runs (the Node loop, a Worker's waitUntil), at most once an hour per
// process or isolate: settled outbox rows are kept a month for the delivery log, rate-limit windows a day
// (the longest window is a minute).
const PRUNE_EVERY_MS = 3_600_000;
const OUTBOX_KEPT_MS = 30 * 86_400_000;
const RATE_LIMITS_KEPT_MS = 86_400_000;
let lastPruned = -Infinity;

async function housekeeping(deps: AppDeps, now: number): Promise<void> {
  if (now - lastPruned < PRUNE_EVERY_MS) return;
  lastPruned = now;
  await pruneOutbox(deps.db, now - OUTBOX_KEPT_MS);
  await pruneRateLimits(deps.db, now - RATE_LIMITS_KEPT_MS);
}

export async function deliverDue(deps: AppDeps): Promise<DeliveryRun> {
  const now = deps.clock.now();
  await housekeeping(deps, now);
  const scores = await claimDueLtiScores(deps.db, now, LEASE_MS, BATCH);
  const webhooks = await claimDueWebhookDeliveries(deps.db, now, LEASE_MS, BATCH);
  // Scores one after another, oldest first, so a platform records them in the order they were given.
  const sendScores = async () => {
    for (const row of scores) await settleLtiScore(deps.db, row.id, await attempt(deps, row.tries, () => sendScore(deps, row)));
  };
  await Promise.all([sendScores(), ...webhooks.map((claimed) => deliverWebhook(deps, claimed))]);
  return { scores: scores.length, webhooks: webhooks.length };
}

async function attempt(deps: AppDeps, tries: number, send: () => Promise<void>): Promise<OutboxOutcome> {
  try {
    await send();
    return { delivered: true, at: deps.clock.now() };
  } catch (error) {
    return { delivered: false, retryAt: retryAt(deps.clock.now(), tries), error: error instanceof Error ? error.message : String(error) };
  }
}

async function deliverWebhook(deps: AppDeps, { delivery, endpoint }: ClaimedDelivery): Promise<void> {
  const started = deps.clock.now();
  let responseStatus: number | null = null;
  const outcome = await attempt(deps, delivery.tries, async () => {
    const response = await outbound(deps)(endpoint.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'user-agent': 'Skylab-Webhooks', [SIGNATURE_HEADER]: signatureHeader(endpoint.secret, Math.floor(started / 1000), delivery.body) },
      body: delivery.body,
      redirect: 'manual',
      signal: AbortSignal.timeout(TIMEOUT_MS),
    });
    responseStatus = response.status;
    await response.body?.cancel();
    if (response.status < 200 || response.status >= 300) throw new Error(`the receiver answered ${response.status}`);
  });
  const log = { id: deps.ids.next(), deliveryId: delivery.id, at: started, responseStatus, error: outcome.delivered ? null : outcome.error, durationMs: deps.clock.now() - started };
  await settleWebhookDelivery(deps.db, log, outcome);
}

/**
 * Sends what the request queued after its response: inside `waitUntil` in a Worker (the isolate lives
 * until it settles), by waking the background loop on Node. Without either (tests calling `app.request`)
 * the items wait in the outbox for the next run.
 */
export function scheduleDeliveries(c: Context, deps: AppDeps): void {
  let waitUntil: ((promise: Promise<unknown>) => void) | undefined;
  try {
    const ctx = c.executionCtx;
    waitUntil = (promise) => ctx.waitUntil(promise);
  } catch {
    // no ExecutionContext: Node, where the loop sends them
  }
  if (waitUntil) waitUntil(deliverDue(deps).catch((error: unknown) => deps.log.error('delivery run failed', { error: String(error) })));
  else deps.wakeDeliveries?.();
}

export interface DeliveryLoop {
  wake(): void;
  /** Stops polling and waits for the run in flight. */
  stop(): Promise<void>;
}

/** Node's sender: a run every `intervalMs` (retries fall due) and one right away when woken. */
export function startDeliveryLoop(deps: AppDeps, intervalMs = 5 * SECOND): DeliveryLoop {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running: Promise<void> = Promise.resolve();
  let stopped = false;
  let again = false;
  const run = () => {
    clearTimeout(timer);
    if (stopped) return;
    running = running.then(async () => {
      do {
        again = false;
        const done = await deliverDue(deps).catch((error: unknown) => {
          deps.log.error('delivery run failed', { error: String(error) });
          return { scores: 0, webhooks: 0 };
        });
        // a full batch means more are due right now
        if (done.scores === BATCH || done.webhooks === BATCH) again = true;
      } while (again && !stopped);
      if (!stopped) timer = setTimeout(run, intervalMs);
    });
  };
  run();
  return {
    wake: run,
    stop: async () => {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
