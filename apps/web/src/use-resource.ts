import { useCallback, useEffect, useRef, useState } from 'preact/hooks';

export type Resource<T> =
  | { state: 'loading'; reload: () => void }
  | { state: 'error'; error: unknown; reload: () => void }
  | { state: 'ready'; data: T; reload: () => void };

/**
 * Loads data for a page and reloads it when `key` changes. A response that arrives after the key moved
 * on is dropped, so a slow request for the previous page can never overwrite the current one.
 */
export function useResource<T>(key: string, load: () => Promise<T>): Resource<T> {
  const [result, setResult] = useState<{ key: string; state: 'loading' } | { key: string; state: 'error'; error: unknown } | { key: string; state: 'ready'; data: T }>({ key, state: 'loading' });
  const [generation, setGeneration] = useState(0);
  const loadRef = useRef(load);
  loadRef.current = load;

  useEffect(() => {
    let current = true;
    loadRef.current().then(
      (data) => current && setResult({ key, state: 'ready', data }),
      (error: unknown) => current && setResult({ key, state: 'error', error }),
    );
    return () => {
      current = false;
    };
  }, [key, generation]);

  const reload = useCallback(() => setGeneration((n) => n + 1), []);
  if (result.key !== key || result.state === 'loading') return { state: 'loading', reload };
  return result.state === 'error' ? { state: 'error', error: result.error, reload } : { state: 'ready', data: result.data, reload };
}
