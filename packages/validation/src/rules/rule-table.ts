import { describe, expect, it } from 'vitest';
import { lint } from '../lint.ts';
import type { ArtifactKind } from '../schemas/artifact-kinds.ts';
import type { LintOptions } from './rule.ts';

/** A policy document around some statements, the shape most IAM rule tables need. */
export function policy(...statements: object[]): object {
  return { Version: '2012-10-17', Statement: statements };
}

/** The findings of one rule for an input given as text or as a value (written out as JSON). */
export function ruleFindings(ruleId: string, kind: ArtifactKind, input: unknown, options?: LintOptions) {
  const text = typeof input === 'string' ? input : JSON.stringify(input, null, 2);
  return lint(kind, text, options).findings.filter((f) => f.ruleId === ruleId);
}

/**
 * The table test every rule ships with: inputs that must trigger the rule and inputs that must not.
 * Triggered findings must read like the project's messages and point into the text.
 */
export function ruleTable(ruleId: string, kind: ArtifactKind, cases: { hit: unknown[]; miss: unknown[] }, options?: LintOptions): void {
  describe(ruleId, () => {
    it.each(cases.hit.map((input, i) => [i, input]))('triggers on case %i', (_i, input) => {
      const findings = ruleFindings(ruleId, kind, input, options);
      expect(findings.length, JSON.stringify(lint(kind, typeof input === 'string' ? input : JSON.stringify(input), options).findings)).toBeGreaterThan(0);
      for (const finding of findings) {
        expect(finding.message).toMatch(/^[a-z`]/);
        expect(finding.message).not.toMatch(/\.$/);
        expect(finding.range?.start.line).toBeGreaterThan(0);
        expect(finding.learnMore).toMatch(/^https:\/\/docs\.aws\.amazon\.com\//);
        expect(finding.help).toBeTruthy();
      }
    });
    it.each(cases.miss.map((input, i) => [i, input]))('stays silent on case %i', (_i, input) => {
      const all = lint(kind, typeof input === 'string' ? input : JSON.stringify(input, null, 2), options).findings;
      expect(all.filter((f) => f.severity === 'error' && f.ruleId !== ruleId), 'a miss case must be otherwise valid').toEqual([]);
      expect(all.filter((f) => f.ruleId === ruleId)).toEqual([]);
    });
  });
}
