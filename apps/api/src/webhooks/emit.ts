import { enqueueWebhookEvent, type WebhookEvent } from '@skylab/db';
import type { AppDeps } from '../deps.ts';

/**
 * Queues `event` for every endpoint that subscribed to it; delivery happens after the response (see
 * `deliveries.ts`). The body is `{ id, type, createdAt, data }` and the same bytes are sent on every retry.
 */
export async function emitWebhook(deps: AppDeps, event: WebhookEvent, data: Record<string, unknown>): Promise<number> {
  const at = deps.clock.now();
  const body = JSON.stringify({ id: deps.ids.next(), type: event, createdAt: new Date(at).toISOString(), data });
  return enqueueWebhookEvent(deps.db, { event, body, at, ids: () => deps.ids.next() });
}

/** A closed exam session's first grade: submitted by the learner or timed out at its deadline. */
export interface ExamSubmitted {
  examId: string;
  sessionId: string;
  userId: string;
  status: 'active' | 'submitted' | 'timed-out';
  score: number;
  passed: boolean;
}

/** Queues `exam.submitted` when a session's first grade is stored; the route then calls `scheduleDeliveries`. */
export function emitExamSubmitted(deps: AppDeps, exam: ExamSubmitted): Promise<number> {
  return emitWebhook(deps, 'exam.submitted', { ...exam });
}
