import { useCallback, useEffect, useRef, useState } from 'preact/hooks';
import { api } from './api/client.ts';
import type { AccountSnapshot } from './api/types.ts';

/** How often the console asks again while its tab is visible: the ETag makes an unchanged answer a 304. */
export const ACCOUNT_POLL_MS = 5000;

export interface AccountViewState {
  snapshot: AccountSnapshot | undefined;
  /** The last failure, cleared by the next answer. */
  error: unknown;
  /** When the server last answered (epoch ms). */
  checkedAt: number | undefined;
  refreshing: boolean;
  refresh: () => void;
}

/**
 * The attempt's live account, asked again every few seconds while the page is visible and at once when it
 * becomes visible again, so what the learner's CLI calls change shows up without a reload. A hidden tab
 * asks nothing.
 */
export function useAccountView(attemptId: string, pollMs = ACCOUNT_POLL_MS): AccountViewState {
  const [snapshot, setSnapshot] = useState<AccountSnapshot | undefined>(undefined);
  const [error, setError] = useState<unknown>(undefined);
  const [checkedAt, setCheckedAt] = useState<number | undefined>(undefined);
  const [refreshing, setRefreshing] = useState(false);
  const inFlight = useRef(false);

  const load = useCallback(async () => {
    if (inFlight.current) return;
    inFlight.current = true;
    setRefreshing(true);
    try {
      const next = await api.attemptAccount(attemptId);
      // The same version is the same account: keep the old object so nothing re-renders.
      setSnapshot((previous) => (previous?.version === next.version ? previous : next));
      setError(undefined);
      setCheckedAt(Date.now());
    } catch (failure) {
      setError(failure);
    } finally {
      inFlight.current = false;
      setRefreshing(false);
    }
  }, [attemptId]);

  useEffect(() => {
    let timer: number | undefined;
    const schedule = () => {
      window.clearInterval(timer);
      timer = document.visibilityState === 'visible' ? window.setInterval(() => void load(), pollMs) : undefined;
    };
    const onVisibility = () => {
      if (document.visibilityState === 'visible') void load();
      schedule();
    };
    void load();
    schedule();
    document.addEventListener('visibilitychange', onVisibility);
    return () => {
      window.clearInterval(timer);
      document.removeEventListener('visibilitychange', onVisibility);
    };
  }, [load, pollMs]);

  return { snapshot, error, checkedAt, refreshing, refresh: () => void load() };
}
