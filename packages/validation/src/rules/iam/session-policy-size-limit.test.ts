import { describe, expect, it } from 'vitest';
import { policy, ruleFindings, ruleTable } from '../rule-table.ts';

const allow = (n: number) => Array.from({ length: n }, (_, i) => ({ Sid: `S${i}`, Effect: 'Allow', Action: 's3:GetObject', Resource: `arn:aws:s3:::bucket-number-${i}/*` }));
const minified = (n: number) => JSON.stringify(policy(...allow(n)));

describe('fixtures', () => {
  it('sit on either side of the limit', () => {
    expect(minified(20).length).toBeLessThan(2048);
    expect(JSON.stringify(policy(...allow(20)), null, 2).length).toBeGreaterThan(2048);
    expect(minified(24).length).toBeGreaterThan(2048);
  });
});

ruleTable('iam/session-policy-size-limit', 'iam-session-policy', { hit: [policy(...allow(20)), minified(24)], miss: [minified(20), policy(...allow(5))] });

describe('iam/session-policy-size-limit help', () => {
  it('says how small the minified policy is when that fits', () => {
    const [finding] = ruleFindings('iam/session-policy-size-limit', 'iam-session-policy', policy(...allow(20)));
    expect(finding?.message).toMatch(/^the policy has \d+ characters, over the limit of 2048 for a session policy \(whitespace counts\)$/);
    expect(finding?.help).toBe(`remove the whitespace outside strings: minified, the policy has ${minified(20).length} characters`);
  });

  it('leaves session policies to their own limit, not the IAM managed policy one', () => {
    expect(ruleFindings('iam/policy-size-limit', 'iam-session-policy', minified(24))).toEqual([]);
  });
});
