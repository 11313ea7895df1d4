import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadLab } from './load-lab.ts';

const GOOD = readFileSync(resolve(import.meta.dirname, '../../../labs/iam-s3-read-only/lab.yaml'), 'utf8');

function lineOf(text: string, needle: string): number {
  return text.slice(0, text.indexOf(needle)).split('\n').length;
}

describe('loadLab', () => {
  it('loads the reference lab', () => {
    const { lab, findings } = loadLab(GOOD, 'labs/iam-s3-read-only/lab.yaml');
    expect(findings).toEqual([]);
    expect(lab?.tasks.map((t) => t.id)).toEqual(['reader-policy']);
    expect(lab?.checks).toHaveLength(10);
  });

  it.each([
    ['labs/iam-s3-read-only/lab.yaml', []],
    ['C:\\labs\\iam-s3-read-only\\lab.yaml', []],
    ['lab.yaml', []],
    [undefined, []],
    ['labs/renamed/lab.yaml', ['labs/renamed/lab.yaml:3:5 lab/id-matches-folder the lab id `iam-s3-read-only` differs from its folder `renamed`']],
  ])('checks that the id equals the folder of %s', (file, expected) => {
    const { lab, findings } = loadLab(GOOD, file);
    const shown = findings.map((f) => `${f.file}:${f.range?.start.line}:${f.range?.start.column} ${f.ruleId} ${f.message}`);
    expect(shown).toEqual(expected);
    expect(lab === undefined).toBe(expected.length > 0);
  });

  it.each<[string, (text: string) => string, string, string, string]>([
    ['a YAML syntax error', (t) => t.replace('difficulty: beginner', 'difficulty: [beginner'), 'yaml/syntax', 'difficulty: [beginner', ''],
    ['an unknown template variable', (t) => t.replace('user/app-reader"', 'user/{{ userName }}"'), 'lab/unknown-template-variable', '{{ userName }}', 'unknown template variable `userName`: declare it under `params`'],
    ['a malformed template', (t) => t.replace('title: The policy for app-reader', 'title: The policy for {{ 1x }}'), 'lab/unknown-template-variable', '{{ 1x }}', '`{{ 1x }}` is not a template variable: write `{{ name }}`'],
    ['a wrong difficulty', (t) => t.replace('difficulty: beginner', 'difficulty: easy'), 'lab/invalid-value', 'difficulty: easy', ''],
    ['an unknown field', (t) => t.replace('estimatedMinutes: 15', 'estimatedMinutes: 15\nestimatedMinute: 3'), 'lab/unknown-element', 'estimatedMinute: 3', 'unknown element `estimatedMinute`'],
    ['a duplicate check id', (t) => t.replace('- id: get-object-any-key', '- id: get-object'), 'lab/duplicate-id', '- id: get-object\n    title: app-reader can read any', 'duplicate check id `get-object`'],
    ['a wrong answer naming no check', (t) => t.replace('fails: [list-bucket, least-privilege]', 'fails: [list-buckets, least-privilege]'), 'lab/unknown-check', 'fails: [list-buckets, least-privilege]', 'there is no check `list-buckets`'],
    ['a solution without an answer', (t) => t.replace('    reader-policy: |\n      {\n        "Version": "2012-10-17",\n        "Statement": [\n          {\n            "Sid": "ListTheBucket"', '    other-task: |\n      {\n        "Version": "2012-10-17",\n        "Statement": [\n          {\n            "Sid": "ListTheBucket"'), 'lab/missing-answer', '    other-task: |', 'the solution has no answer for task `reader-policy`'],
    ['a task without an exhaustive check', (t) => t.replace('      task: reader-policy\n', '      task: reader-policy\n      services: [s3]\n'), 'lab/task-without-exhaustive-check', '- id: reader-policy', 'task `reader-policy` has no `equivalent-access` check over the whole universe: probes alone let wrong answers score 100%. Add one (without `requests` or `services`)'],
    ['a comparison of the wrong kind', (t) => t.replace('    equivalent-access:\n      task: reader-policy\n      principal: "arn:aws:iam::{{ accountId }}:user/app-reader"\n      contexts: [{ aws:SecureTransport: "true" }]', '    equivalent-reachability: { task: reader-policy }'), 'lab/wrong-task-kind', 'equivalent-reachability: { task: reader-policy }', '`equivalent-reachability` cannot compare the answer of `reader-policy`, a `iam-policy` task: use `equivalent-access`'],
    ['an alias', (t) => t.replace('tags: [iam, s3, least-privilege]', 'tags: &t [iam, s3]\nkeywords: *t'), 'yaml/alias', '*t', ''],
  ])('reports %s at its line', (_name, edit, ruleId, needle, message) => {
    const text = edit(GOOD);
    expect(text).not.toBe(GOOD);
    const { lab, findings } = loadLab(text, 'lab.yaml');
    expect(lab).toBeUndefined();
    const finding = findings.find((f) => f.ruleId === ruleId);
    expect(finding, JSON.stringify(findings, null, 1)).toBeDefined();
    expect(finding?.file).toBe('lab.yaml');
    if (message) expect(finding?.message).toBe(message);
    const line = lineOf(text, needle);
    expect(finding?.range?.start.line).toBeGreaterThanOrEqual(line);
    expect(finding?.range?.start.line).toBeLessThanOrEqual(line + 1);
  });

  it('never throws, whatever the text', () => {
    const lines = GOOD.split('\n');
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.array(fc.constantFrom(...lines)).map((l) => l.join('\n')), fc.tuple(fc.nat(lines.length), fc.nat(lines.length)).map(([a, b]) => lines.slice(Math.min(a, b), Math.max(a, b)).join('\n'))), (text) => {
        const { lab, findings } = loadLab(text);
        expect(lab === undefined || findings.every((f) => f.severity !== 'error')).toBe(true);
      }),
      { numRuns: 300 },
    );
  });
});
