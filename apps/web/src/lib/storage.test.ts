import { describe, expect, it } from 'vitest';
import { loadDraft, saveDraft } from './storage.ts';
import type { KeyValueStore } from './storage.ts';

function memoryStore(): KeyValueStore & { data: Map<string, string> } {
  const data = new Map<string, string>();
  return {
    data,
    getItem: (key) => data.get(key) ?? null,
    setItem: (key, value) => void data.set(key, value),
    removeItem: (key) => void data.delete(key),
  };
}

const brokenStore: KeyValueStore = {
  getItem: () => {
    throw new Error('SecurityError');
  },
  setItem: () => {
    throw new Error('QuotaExceededError');
  },
  removeItem: () => {
    throw new Error('SecurityError');
  },
};

describe('drafts', () => {
  it('are kept per attempt and task', () => {
    const store = memoryStore();
    saveDraft(store, 'a1', 'policy', '{ "Version": "2012-10-17" }');
    saveDraft(store, 'a2', 'policy', 'other attempt');
    expect(loadDraft(store, 'a1', 'policy')).toBe('{ "Version": "2012-10-17" }');
    expect(loadDraft(store, 'a1', 'trust')).toBeNull();
    saveDraft(store, 'a1', 'policy', null);
    expect(loadDraft(store, 'a1', 'policy')).toBeNull();
    expect(loadDraft(store, 'a2', 'policy')).toBe('other attempt');
  });

  it('degrade to nothing when storage is missing or refuses', () => {
    expect(() => saveDraft(brokenStore, 'a', 't', 'x')).not.toThrow();
    expect(loadDraft(brokenStore, 'a', 't')).toBeNull();
    expect(loadDraft(null, 'a', 't')).toBeNull();
  });
});
