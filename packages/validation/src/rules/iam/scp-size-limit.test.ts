import { describe, expect, it } from 'vitest';
import { policy, ruleFindings, ruleTable } from '../rule-table.ts';

const deny = (n: number) => Array.from({ length: n }, (_, i) => ({ Sid: `S${i}`, Effect: 'Deny', Action: 's3:DeleteBucket', Resource: `arn:aws:s3:::protected-bucket-${i}` }));
const minified = (n: number) => JSON.stringify(policy(...deny(n)));

describe('fixtures', () => {
  it('sit on either side of the limit', () => {
    expect(minified(45).length).toBeLessThan(5120);
    expect(JSON.stringify(policy(...deny(45)), null, 2).length).toBeGreaterThan(5120);
    expect(minified(52).length).toBeGreaterThan(5120);
  });
});

ruleTable('iam/scp-size-limit', 'iam-scp', { hit: [policy(...deny(45)), minified(52)], miss: [minified(45), policy(...deny(5))] });

describe('iam/scp-size-limit help', () => {
  it('counts whitespace and says how small the minified policy is', () => {
    const [finding] = ruleFindings('iam/scp-size-limit', 'iam-scp', policy(...deny(45)));
    expect(finding?.message).toMatch(/^the policy has \d+ characters, over the limit of 5120 for a service control policy \(whitespace counts\)$/);
    expect(finding?.help).toBe(`remove the whitespace outside strings: minified, the policy has ${minified(45).length} characters`);
  });

  it('keeps strings whole when counting the minified size', () => {
    const text = JSON.stringify(policy({ Sid: 'Wide', Effect: 'Deny', Action: 's3:*', Resource: '*', Condition: { StringEquals: { 'aws:PrincipalTag/team': `a b \\" ${'x'.repeat(5100)}` } } }), null, 2);
    const [finding] = ruleFindings('iam/scp-size-limit', 'iam-scp', text);
    expect(finding?.help).toMatch(/^remove the whitespace outside strings, merge/);
  });

  it('leaves SCPs to their own limit, not the IAM managed policy one', () => {
    expect(ruleFindings('iam/policy-size-limit', 'iam-scp', minified(52))).toEqual([]);
  });
});
