import { describe, expect, it } from 'vitest';
import type { Finding } from '../api/types.ts';
import { liveFindingsSummary, liveLintKind } from './live-lint.ts';

describe('liveLintKind', () => {
  it.each([
    ['iam-policy', 'iam-identity-policy'],
    ['iam-trust-policy', 'iam-trust-policy'],
    ['security-groups', 'security-groups'],
    ['nacl-entries', 'nacl-entries'],
    ['alb-listener-rules', 'alb-rules'],
    ['launch-template', 'launch-template'],
    ['target-group', 'alb-target-group'],
  ])('lints %s answers as %s', (taskKind, artifactKind) => {
    expect(liveLintKind(taskKind)).toBe(artifactKind);
  });

  it.each(['route-table', 'text', '', 'toString', '__proto__'])('has no live lint for %j', (taskKind) => {
    expect(liveLintKind(taskKind)).toBeNull();
  });
});

describe('liveFindingsSummary', () => {
  const at = (line: number) => ({ start: { line, column: 1, offset: 0 }, end: { line, column: 2, offset: 1 } });
  const finding = (severity: Finding['severity'], message: string, line = 1): Finding => ({ ruleId: 'r', severity, path: [], range: at(line), message });

  it('says when there is nothing to fix', () => {
    expect(liveFindingsSummary([])).toBe('As you type: no problems found.');
  });

  it('counts each severity and reads the messages', () => {
    const summary = liveFindingsSummary([finding('security-warning', 'PassRole on *'), finding('suggestion', 'narrow s3:*'), finding('suggestion', 'add a Sid')]);
    expect(summary).toBe('As you type: 1 security warning, 2 suggestions. PassRole on *. narrow s3:*. add a Sid');
  });

  it('does not change when only positions move', () => {
    expect(liveFindingsSummary([finding('error', 'bad', 3)])).toBe(liveFindingsSummary([finding('error', 'bad', 7)]));
  });
});
