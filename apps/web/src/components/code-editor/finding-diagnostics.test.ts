import { describe, expect, it } from 'vitest';
import type { Finding } from '../../api/types.ts';
import { findingDiagnostics } from './finding-diagnostics.ts';

const placed = (severity: Finding['severity'], from: number, to: number, extra: Partial<Finding> = {}): Finding => ({
  ruleId: 'iam/rule',
  severity,
  path: [],
  message: 'message',
  range: { start: { line: 1, column: from + 1, offset: from }, end: { line: 1, column: to + 1, offset: to } },
  ...extra,
});

describe('findingDiagnostics', () => {
  it.each([
    ['error', 'error', 'Error: message'],
    ['security-warning', 'warning', 'Security warning: message'],
    ['warning', 'warning', 'Warning: message'],
    ['suggestion', 'info', 'Suggestion: message'],
  ] as const)('underlines a %s as a CodeMirror %s, its severity spoken in words', (severity, expected, message) => {
    expect(findingDiagnostics([placed(severity, 2, 5)], 10)).toEqual([{ from: 2, to: 5, severity: expected, source: 'iam/rule', markClass: `cm-finding-${severity}`, message }]);
  });

  it('adds the finding’s help to its message', () => {
    expect(findingDiagnostics([placed('warning', 0, 1, { help: 'name the bucket' })], 10)[0]?.message).toBe('Warning: message — name the bucket');
  });

  it.each([
    ['past the end of a shortened text', 8, 12, 6, [6, 6]],
    ['ending past the end', 2, 12, 6, [2, 6]],
    ['with its end before its start', 4, 3, 6, [4, 4]],
  ])('clamps a range %s', (_, from, to, length, expected) => {
    const [diagnostic] = findingDiagnostics([placed('error', from, to)], length);
    expect([diagnostic?.from, diagnostic?.to]).toEqual(expected);
  });

  it('leaves out findings about the whole answer and underlines a repeated one once, in text order', () => {
    const whole: Finding = { ruleId: 'lab/missing', severity: 'error', path: [], message: 'no answer' };
    const diagnostics = findingDiagnostics([placed('warning', 5, 6), whole, placed('error', 1, 2), placed('warning', 5, 6)], 10);
    expect(diagnostics.map((d) => [d.from, d.severity])).toEqual([
      [1, 'error'],
      [5, 'warning'],
    ]);
  });
});
