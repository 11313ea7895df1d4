/**
 * What the UI keeps in the browser: unsaved editor drafts (so a reload loses nothing) and the attempts
 * this browser started. Storage may be full or disabled (private windows); then the UI still works,
 * it just remembers less.
 */
export interface KeyValueStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export function browserStore(): KeyValueStore | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    return null;
  }
}

function read(store: KeyValueStore | null, key: string): string | null {
  try {
    return store?.getItem(key) ?? null;
  } catch {
    return null;
  }
}

function write(store: KeyValueStore | null, key: string, value: string | null): void {
  try {
    if (value === null) store?.removeItem(key);
    else store?.setItem(key, value);
  } catch {
    // Quota exceeded or storage disabled: the draft simply lives in memory only.
  }
}

function draftKey(attemptId: string, taskId: string): string {
  return `skylab:draft:${attemptId}:${taskId}`;
}

export function loadDraft(store: KeyValueStore | null, attemptId: string, taskId: string): string | null {
  return read(store, draftKey(attemptId, taskId));
}

export function saveDraft(store: KeyValueStore | null, attemptId: string, taskId: string, text: string | null): void {
  write(store, draftKey(attemptId, taskId), text);
}
