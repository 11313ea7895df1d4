import { describe, expect, it } from 'vitest';
import { deleteRecord, getRecord, hasRecord, parseWithoutPrototypes, records, recordsFrom, setRecord, withoutPrototypes } from './records.ts';
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

describe('restoring records', () => {
  const stored = '{"users":{"__proto__":{"Tags":[{"Key":"constructor"}]},"constructor":{"n":1}},"list":[{"toString":2}]}';

  it.each([
    ['parseWithoutPrototypes', () => parseWithoutPrototypes<Record<string, Record<string, unknown>>>(stored)],
    ['withoutPrototypes after JSON.parse', () => withoutPrototypes(JSON.parse(stored) as Record<string, Record<string, unknown>>)],
    ['withoutPrototypes after structuredClone', () => withoutPrototypes(structuredClone(JSON.parse(stored) as Record<string, Record<string, unknown>>))],
  ])('%s keeps every key and leaves no object with a prototype', (_how, restore) => {
    const restored = restore();
    expect(JSON.stringify(restored)).toBe(stored);
    expect(Object.getPrototypeOf(restored)).toBeNull();
    expect(Object.getPrototypeOf(restored.users)).toBeNull();
    expect(getRecord(restored.users!, '__proto__')).toEqual({ Tags: [{ Key: 'constructor' }] });
    expect(getRecord(restored.users!, 'toString')).toBeUndefined();
    expect(Object.getPrototypeOf((restored.list as unknown as object[])[0])).toBeNull();
  });

  it('builds a record from entries, `__proto__` included', () => {
    expect(Object.keys(recordsFrom([['__proto__', 1], ['a', 2]]))).toEqual(['__proto__', 'a']);
  });
});
