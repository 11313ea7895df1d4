import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { PathSegment } from '../finding.ts';
import { SOURCE_LIMITS } from '../source.ts';
import { parseJson } from './parse-json.ts';

describe('parseJson', () => {
  it.each([
    ['{}', {}],
    ['[]', []],
    ['  {"a": [1, 2.5, -3e2, true, false, null, "x"]}  ', { a: [1, 2.5, -300, true, false, null, 'x'] }],
    ['"\\u00e9\\n\\"\\\\\\/"', 'é\n"\\/'],
    ['\ufeff{"bom": 1}', { bom: 1 }],
    ['[[[]]]', [[[]]]],
  ])('parses %j', (text, expected) => {
    const doc = parseJson(text);
    expect(doc.findings).toEqual([]);
    expect(doc.value).toEqual(expected);
  });

  it.each([
    ['', 1, 1, 'the text is empty, expected a JSON value'],
    ['{', 1, 2, 'expected a member name in double quotes, found the end of the text'],
    ['{"a": 1,}', 1, 9, 'expected a member name in double quotes, found `}`'],
    ['{\n  "a": 1\n  "b": 2\n}', 3, 3, 'expected `,` or `}` after the member, found `"`'],
    ['[1 2]', 1, 4, 'expected `,` or `]` after the element, found `2`'],
    ['{"a": tru}', 1, 7, 'expected a value, found `t`'],
    ['"abc', 1, 1, 'unterminated string'],
    ['"a\\qb"', 1, 3, 'invalid escape `\\q` in a string'],
    ['01', 1, 2, 'unexpected `1` after the JSON value'],
    ['[1.]', 1, 4, 'expected a digit after the decimal point'],
    ["{'a': 1}", 1, 2, 'expected a member name in double quotes, found `\'`'],
    ['"tab\there"', 1, 5, 'control characters in a string must be escaped (`\\n`, `\\t` …)'],
    ['{}\r\n\r\n x', 3, 2, 'unexpected `x` after the JSON value'],
  ])('reports a syntax error in %j at %i:%i', (text, line, column, message) => {
    const doc = parseJson(text);
    expect(doc.value).toBeUndefined();
    expect(doc.findings).toHaveLength(1);
    expect(doc.findings[0]).toMatchObject({ ruleId: 'json/syntax', severity: 'error', message });
    expect(doc.findings[0]?.range?.start).toMatchObject({ line, column });
  });

  it('reports duplicate keys at the second key and keeps the last value, as JSON.parse does', () => {
    const doc = parseJson('{"Effect": "Allow",\n "Effect": "Deny"}');
    expect(doc.value).toEqual({ Effect: 'Deny' });
    expect(doc.findings).toMatchObject([{ ruleId: 'json/duplicate-key', path: ['Effect'], message: 'duplicate key `Effect`: only the last one would count' }]);
  });

  it('keeps a `__proto__` key as data', () => {
    const doc = parseJson('{"__proto__": {"polluted": true}}');
    const value = doc.value as Record<string, unknown>;
    expect(Object.getPrototypeOf(value)).toBe(Object.prototype);
    expect(Object.keys(value)).toEqual(['__proto__']);
  });

  it.each([
    ['depth', '['.repeat(SOURCE_LIMITS.maxDepth + 1) + ']'.repeat(SOURCE_LIMITS.maxDepth + 1), 'json/too-deep', 'nests deeper than 64 levels'],
    ['depth of a megabyte of brackets', '['.repeat(SOURCE_LIMITS.maxBytes), 'json/too-deep', 'nests deeper than 64 levels'],
    ['nodes', `[${'0,'.repeat(SOURCE_LIMITS.maxNodes)}0]`, 'json/too-many-nodes', 'more than 10000 values'],
    ['size', `"${'x'.repeat(SOURCE_LIMITS.maxBytes)}"`, 'json/too-large', 'over the limit of 1048576 bytes'],
  ])('refuses input over the %s limit with a finding', (_name, text, ruleId, message) => {
    const doc = parseJson(text);
    expect(doc.value).toBeUndefined();
    expect(doc.findings[0]?.ruleId).toBe(ruleId);
    expect(doc.findings[0]?.message).toContain(message);
  });

  it('accepts nesting at exactly the depth limit', () => {
    const depth = SOURCE_LIMITS.maxDepth;
    expect(parseJson('['.repeat(depth) + ']'.repeat(depth)).findings).toEqual([]);
  });

  it.each<[string, PathSegment[], string]>([
    ['{"a": {"b": [10, "x"]}}', ['a', 'b', 1], '"x"'],
    ['{"a": {"b": [10, "x"]}}', ['a', 'b'], '[10, "x"]'],
    ['{"a": {"b": [10, "x"]}}', ['a'], '{"b": [10, "x"]}'],
    ['{"a": {"b": [10, "x"]}}', [], '{"a": {"b": [10, "x"]}}'],
    ['{"0": 1, "x": [2]}', ['0'], '1'],
  ])('locates %s at %j', (text, path, expected) => {
    const range = parseJson(text).locate(path);
    expect(range && text.slice(range.start.offset, range.end.offset)).toBe(expected);
  });

  it('distinguishes an array index from a numeric key and reports key ranges', () => {
    const doc = parseJson('{"0": [5]}');
    expect(doc.locate([0])).toBeUndefined();
    const key = doc.locateKey(['0']);
    expect(key?.start).toMatchObject({ line: 1, column: 2 });
    expect(key?.end.column).toBe(5);
  });

  it('never throws on arbitrary text', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: fc.constantFrom('{', '}', '[', ']', '"', ',', ':', '1', 'e', '-', '\\', ' ', '\n', 'n', 'u', 'l') })), (text) => {
        const doc = parseJson(text);
        expect(doc.value === undefined || doc.findings.every((f) => f.ruleId !== 'json/syntax')).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('agrees with JSON.parse on what is valid', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom('{', '}', '[', ']', '"', ',', ':', '1', '0', '.', 'e', '-', ' ', 'a') }), (text) => {
        let expected: unknown;
        let valid = true;
        try {
          expected = JSON.parse(text);
        } catch {
          valid = false;
        }
        const doc = parseJson(text);
        const ok = !doc.findings.some((f) => f.ruleId === 'json/syntax');
        expect(ok).toBe(valid);
        if (valid) expect(doc.value).toEqual(expected);
      }),
      { numRuns: 3000 },
    );
  });

  it('round-trips any JSON value', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.constantFrom(undefined, 2), (value, indent) => {
        const doc = parseJson(JSON.stringify(value, null, indent));
        expect(doc.findings).toEqual([]);
        expect(doc.value).toStrictEqual(JSON.parse(JSON.stringify(value)));
      }),
    );
  });

  it('locates every element at text that parses back to the element', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), (value) => {
        const text = JSON.stringify(value, null, 1);
        const doc = parseJson(text);
        const walk = (node: unknown, path: PathSegment[]): void => {
          const range = doc.locate(path);
          expect(range).toBeDefined();
          expect(JSON.parse(text.slice(range!.start.offset, range!.end.offset))).toStrictEqual(node);
          if (Array.isArray(node)) node.forEach((child, i) => walk(child, [...path, i]));
          else if (node && typeof node === 'object') for (const [k, child] of Object.entries(node)) walk(child, [...path, k]);
        };
        walk(JSON.parse(text), []);
      }),
    );
  });
});
