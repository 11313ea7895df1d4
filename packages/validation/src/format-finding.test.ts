import { describe, expect, it } from 'vitest';
import type { Finding } from './finding.ts';
import { formatFinding } from './format-finding.ts';

const at = (line: number, column: number) => ({ start: { line, column, offset: 0 }, end: { line, column: column + 1, offset: 1 } });

describe('formatFinding', () => {
  it.each<[Finding, string | undefined, string]>([
    [{ ruleId: 'json/syntax', severity: 'error', path: [], range: at(3, 7), message: 'expected `,`' }, 'policy.json', 'policy.json:3:7 error json/syntax expected `,`'],
    [{ ruleId: 'lab/x', severity: 'warning', path: ['id'], range: at(2, 5), file: 'labs/a/lab.yaml', message: 'm' }, 'ignored', 'labs/a/lab.yaml:2:5 warning lab/x m'],
    [{ ruleId: 'r', severity: 'suggestion', path: [], message: 'no range' }, undefined, '<input>:1:1 suggestion r no range'],
  ])('%#', (finding, file, expected) => {
    expect(formatFinding(finding, file)).toBe(expected);
  });
});
