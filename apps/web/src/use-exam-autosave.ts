import { useEffect, useRef, useState } from 'preact/hooks';
import { api, isApiError } from './api/client.ts';
import type { ExamItemAnswer, ExamSession } from './api/exam-types.ts';
import { debounce, type Debounced } from './lib/debounce.ts';

export type SaveState = { state: 'saved' } | { state: 'saving' } | { state: 'failed'; message: string };

/** Typing in a hands-on answer is saved once the learner pauses this long; a pick is saved at once. */
const TEXT_PAUSE_MS = 800;

/**
 * Saves each answer as the learner gives it, one request per item at a time, with the item's version as
 * `If-Match`. A save that lost to another tab, or failed on the network, is shown as failed with a retry
 * that saves this page's answer over it. When the server says the time is over or the exam was submitted,
 * `onEnded` reloads the session (the server has closed it).
 */
export function useExamAutosave(session: ExamSession, onEnded: () => void) {
  const [answers, setAnswers] = useState<Record<string, ExamItemAnswer>>(() => Object.fromEntries(Object.entries(session.answers).map(([id, saved]) => [id, saved.value])));
  const [saves, setSaves] = useState<Record<string, SaveState>>({});
  const versions = useRef<Record<string, number>>(Object.fromEntries(Object.entries(session.answers).map(([id, saved]) => [id, saved.version])));
  const pending = useRef<Record<string, ExamItemAnswer>>({});
  const inFlight = useRef(new Map<string, Promise<void>>());
  const timers = useRef<Record<string, Debounced<[]>>>({});
  const endedRef = useRef(onEnded);
  endedRef.current = onEnded;

  useEffect(() => () => Object.values(timers.current).forEach((timer) => timer.cancel()), []);

  const mark = (itemId: string, state: SaveState) => setSaves((current) => ({ ...current, [itemId]: state }));

  function flush(itemId: string): Promise<void> {
    const running = inFlight.current.get(itemId);
    if (running) return running;
    const value = pending.current[itemId];
    if (value === undefined) return Promise.resolve();
    const saving = save(itemId, value).finally(() => inFlight.current.delete(itemId));
    inFlight.current.set(itemId, saving);
    return saving;
  }

  async function save(itemId: string, value: ExamItemAnswer): Promise<void> {
    mark(itemId, { state: 'saving' });
    let again = false;
    try {
      const saved = await api.saveExamAnswer(session.id, itemId, versions.current[itemId] ?? 0, value);
      versions.current[itemId] = saved.version;
      if (pending.current[itemId] === value) {
        delete pending.current[itemId];
        mark(itemId, { state: 'saved' });
      } else again = true;
    } catch (error) {
      if (isApiError(error, 'exam_time_over') || isApiError(error, 'exam_submitted')) {
        endedRef.current();
        return;
      }
      if (isApiError(error, 'version_conflict')) {
        // Another tab saved this item: learn its version, so a retry saves this page's answer over it.
        const fresh = await api.examSession(session.id).catch(() => null);
        if (fresh) versions.current[itemId] = fresh.answers[itemId]?.version ?? 0;
        mark(itemId, { state: 'failed', message: 'changed in another window' });
      } else mark(itemId, { state: 'failed', message: error instanceof Error ? error.message : 'not saved' });
    }
    // Changed while it was saving: save the newer answer once this request has settled.
    if (again) setTimeout(() => void flush(itemId), 0);
  }

  const setAnswer = (itemId: string, value: ExamItemAnswer) => {
    setAnswers((current) => ({ ...current, [itemId]: value }));
    pending.current[itemId] = value;
    if ('text' in value) {
      timers.current[itemId] ??= debounce(() => void flush(itemId), TEXT_PAUSE_MS);
      mark(itemId, { state: 'saving' });
      timers.current[itemId]();
    } else void flush(itemId);
  };

  /** Saves what is waiting now (before a submit): typing that has not paused yet included. */
  const flushAll = async () => {
    Object.values(timers.current).forEach((timer) => timer.cancel());
    await Promise.all([...inFlight.current.values()]);
    await Promise.all(Object.keys(pending.current).map((itemId) => flush(itemId)));
  };

  return { answers, saves, setAnswer, retry: (itemId: string) => void flush(itemId), flushAll };
}
