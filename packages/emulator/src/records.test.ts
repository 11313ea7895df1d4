import { describe, expect, it } from 'vitest';
import { deleteRecord, getRecord, hasRecord, records, recordsFrom, restoreRecordsAt, setRecord } from './records.ts';
import { HOSTILE_NAMES } from './test-names.ts';

// Plain objects (`{}`, JSON.parse, structuredClone) and prototype-less ones must answer alike.
const KINDS: [string, () => Record<string, number>][] = [
  ['a plain object', () => ({})],
  ['a prototype-less record', records],
  ['a parsed JSON object', () => JSON.parse('{}') as Record<string, number>],
];

describe.each(KINDS)('records helpers on %s', (_kind, make) => {
  it.each(HOSTILE_NAMES)('hold nothing under `%s` until it is set, then exactly what was set', (key) => {
    const record = make();
    expect(getRecord(record, key)).toBeUndefined();
    expect(hasRecord(record, key)).toBe(false);
    setRecord(record, key, 7);
    expect(getRecord(record, key)).toBe(7);
    expect(Object.keys(record)).toEqual([key]);
    expect(JSON.parse(JSON.stringify(record))).toEqual(JSON.parse(`{${JSON.stringify(key)}:7}`));
    deleteRecord(record, key);
    expect(hasRecord(record, key)).toBe(false);
    expect(Object.getPrototypeOf(make())).toBe(Object.getPrototypeOf(record));
  });
});

describe('restoreRecordsAt', () => {
  const stored = '{"users":{"__proto__":{"Policies":{"constructor":"doc"},"Tags":[{"Key":"k"}]},"constructor":{"Policies":{}}},"settings":{"a":1}}';

  it.each([
    ['JSON.parse', () => JSON.parse(stored) as Record<string, unknown>],
    ['structuredClone', () => structuredClone(JSON.parse(stored) as Record<string, unknown>)],
  ])('gives the records at the paths after %s no prototype, keeping every key and leaving other objects alone', (_how, read) => {
    const root = read();
    restoreRecordsAt(root, ['users', 'users.*.Policies']);
    expect(JSON.stringify(root)).toBe(stored);
    const users = root.users as Record<string, { Policies: Record<string, string> }>;
    expect(Object.getPrototypeOf(users)).toBeNull();
    expect(Object.getPrototypeOf(getRecord(users, '__proto__')!.Policies)).toBeNull();
    expect(Object.getPrototypeOf(getRecord(users, 'constructor')!.Policies)).toBeNull();
    expect(Object.getPrototypeOf(root)).toBe(Object.prototype);
    expect(Object.getPrototypeOf(getRecord(users, '__proto__'))).toBe(Object.prototype);
    expect(Object.getPrototypeOf(root.settings)).toBe(Object.prototype);
  });

  it('builds a record from entries, `__proto__` included', () => {
    expect(Object.keys(recordsFrom([['__proto__', 1], ['a', 2]]))).toEqual(['__proto__', 'a']);
  });
});
