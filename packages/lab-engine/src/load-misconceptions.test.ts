import { describe, expect, it } from 'vitest';
import { loadLab } from './load-lab.ts';
import { loadMisconceptions } from './load-misconceptions.ts';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';

const ENTRY = (id: string) => `  - id: ${id}\n    title: A title\n    explanation: Why the belief is wrong.\n`;

describe('loadMisconceptions', () => {
  it('maps each entry by id', () => {
    const { catalogue, findings } = loadMisconceptions(`apiVersion: skylab.dev/v1\nmisconceptions:\n${ENTRY('a-b')}${ENTRY('c')}`);
    expect(findings).toEqual([]);
    expect([...(catalogue?.keys() ?? [])]).toEqual(['a-b', 'c']);
  });

  it.each([
    ['a duplicate id, at the second', `apiVersion: skylab.dev/v1\nmisconceptions:\n${ENTRY('a')}${ENTRY('a')}`, 'misconceptions/duplicate-id', 6],
    ['an id that is not kebab-case', `apiVersion: skylab.dev/v1\nmisconceptions:\n${ENTRY('Not_Kebab')}`, 'misconceptions/invalid-format', 3],
    ['a missing explanation', 'apiVersion: skylab.dev/v1\nmisconceptions:\n  - id: a\n    title: t\n', 'misconceptions/invalid-type', 3],
    ['a key the format does not know', `apiVersion: skylab.dev/v1\nmisconceptions:\n${ENTRY('a')}    tilte: x\n`, 'misconceptions/unknown-element', 6],
  ])('refuses %s with a finding at its line', (_what, text, ruleId, line) => {
    const { catalogue, findings } = loadMisconceptions(text, 'labs/misconceptions.yaml');
    expect(catalogue).toBeUndefined();
    expect(findings).toContainEqual(expect.objectContaining({ ruleId, file: 'labs/misconceptions.yaml', range: expect.objectContaining({ start: expect.objectContaining({ line }) }) }));
  });
});

describe('loadLab with a catalogue', () => {
  const text = readFileSync(resolve(import.meta.dirname, '../../../labs/iam-s3-read-only/lab.yaml'), 'utf8');

  it('refuses a check tag the catalogue lacks, at the tag', () => {
    const { lab, findings } = loadLab(text, 'labs/iam-s3-read-only/lab.yaml', { misconceptions: new Set(['wildcard-action']) });
    expect(lab).toBeUndefined();
    const unknown = findings.filter((f) => f.ruleId === 'lab/unknown-misconception');
    expect(unknown.length).toBeGreaterThan(0);
    expect(unknown[0]?.path.slice(0, 1).concat(unknown[0]?.path.slice(2, 3) ?? [])).toEqual(['checks', 'misconceptions']);
    expect(unknown[0]?.range).toBeDefined();
  });

  it('loads without a catalogue, tags unchecked', () => {
    expect(loadLab(text, 'labs/iam-s3-read-only/lab.yaml').lab).toBeDefined();
  });
});
