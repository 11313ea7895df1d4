import fc from 'fast-check';
import { stringify } from 'yaml';
import { describe, expect, it } from 'vitest';
import { SOURCE_LIMITS } from '../source.ts';
import { loadYaml } from './load-yaml.ts';

describe('loadYaml', () => {
  it('loads plain data with positions', () => {
    const text = 'id: demo\ntags:\n  - iam\n  - s3\nsetup:\n  users:\n    - UserName: app-reader\n';
    const doc = loadYaml(text);
    expect(doc.findings).toEqual([]);
    expect(doc.value).toEqual({ id: 'demo', tags: ['iam', 's3'], setup: { users: [{ UserName: 'app-reader' }] } });
    const range = doc.locate(['setup', 'users', 0, 'UserName']);
    expect(range?.start).toMatchObject({ line: 7, column: 17 });
    expect(text.slice(range!.start.offset, range!.end.offset)).toBe('app-reader');
    expect(doc.locateKey(['tags'])?.start).toMatchObject({ line: 2, column: 1 });
  });

  it.each([
    ['an alias', 'a: &x 1\nb: *x\n', 'yaml/alias', 2],
    ['an anchor', 'a: &x 1\n', 'yaml/anchor', 1],
    ['a custom tag', 'a: !Ref x\n', 'yaml/custom-tag', 1],
    ['a merge key', 'base: {a: 1}\nb:\n  <<: {a: 1}\n', 'yaml/merge-key', 3],
    ['a duplicate key', 'a: 1\na: 2\n', 'yaml/duplicate-key', 2],
    ['a syntax error', 'a: [1, 2\n', 'yaml/syntax', 2],
    ['two documents', 'a: 1\n---\nb: 2\n', 'yaml/syntax', 2],
    ['an infinite number', 'a: .inf\n', 'yaml/non-finite-number', 1],
    ['a complex key', '? [a]\n: 1\n', 'yaml/complex-key', 1],
  ])('refuses %s with a finding on its line', (_name, text, ruleId, line) => {
    const doc = loadYaml(text);
    expect(doc.value).toBeUndefined();
    const finding = doc.findings.find((f) => f.ruleId === ruleId);
    expect(finding, JSON.stringify(doc.findings)).toBeDefined();
    expect(finding?.range?.start.line).toBe(line);
  });

  it.each([
    ['depth', `${'['.repeat(SOURCE_LIMITS.maxDepth + 1)}${']'.repeat(SOURCE_LIMITS.maxDepth + 1)}`, 'too-deep'],
    ['deep block nesting', Array.from({ length: 200 }, (_, i) => `${' '.repeat(i)}a:`).join('\n'), 'too-deep'],
    ['two hundred thousand brackets', '['.repeat(200_000), ''],
    ['nodes', `[${'1,'.repeat(SOURCE_LIMITS.maxNodes)}1]`, 'too-many-nodes'],
    ['size', `a: "${'x'.repeat(SOURCE_LIMITS.maxBytes)}"`, 'too-large'],
  ])('refuses input over the %s limit without throwing', (_name, text, rule) => {
    const doc = loadYaml(text);
    expect(doc.value).toBeUndefined();
    expect(doc.findings.length).toBeGreaterThan(0);
    if (rule) expect(doc.findings.map((f) => f.ruleId)).toContain(`yaml/${rule}`);
  });

  it('keeps YAML 1.2 core-schema scalars (no `yes` booleans)', () => {
    expect(loadYaml('a: yes\nb: 0x1F\nc: ~\nd: "1"\n').value).toEqual({ a: 'yes', b: 31, c: null, d: '1' });
  });

  it('never throws on arbitrary text', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: fc.constantFrom('a', ':', ' ', '\n', '-', '[', ']', '{', '}', '&', '*', '!', '<', '"', "'", '#', '?', '|') })), (text) => {
        expect(Array.isArray(loadYaml(text).findings)).toBe(true);
      }),
      { numRuns: 1000 },
    );
  });

  // Two values the YAML writer emits in a form this loader reads differently, on purpose: a key `<<` comes out
  // plain, which is a merge key and refused (quoted, it is an ordinary key); a string starting with U+FEFF comes
  // out unquoted, and a leading U+FEFF is a byte order mark that YAML readers drop.
  const writtenAsIs = (value: unknown) => {
    const json = JSON.stringify(value);
    return !json.includes('"<<"') && !json.includes('\ufeff');
  };

  it.each([
    ['<<: 1\n', ['yaml/merge-key']],
    ["'<<': 1\n", []],
  ])('reads %j with findings %j', (text, ruleIds) => {
    expect(loadYaml(text).findings.map((f) => f.ruleId)).toEqual(ruleIds);
  });

  it('round-trips JSON values written as YAML', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }).filter(writtenAsIs), (value) => {
        const plain = JSON.parse(JSON.stringify(value)) as unknown;
        const doc = loadYaml(stringify(plain, { aliasDuplicateObjects: false }));
        expect(doc.findings).toEqual([]);
        expect(doc.value).toStrictEqual(plain);
      }),
    );
  });
});
