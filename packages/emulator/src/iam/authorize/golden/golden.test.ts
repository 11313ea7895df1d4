import { describe, expect, it } from 'vitest';
import { evaluatePolicies } from '../evaluate.ts';
import { actionsAndResources } from './actions-resources.ts';
import { conditionCases } from './conditions.ts';
import { crossAccountCases } from './cross-account.ts';
import { ALICE, type GoldenCase } from './harness.ts';
import { policyTypeCases } from './policy-types.ts';
import { principalCases } from './principals.ts';
import { variableCases } from './variables.ts';

const TOPICS: Record<string, GoldenCase[]> = {
  'actions and resources': actionsAndResources,
  conditions: conditionCases,
  'policy variables and global keys': variableCases,
  'policy types': policyTypeCases,
  'cross-account': crossAccountCases,
  principals: principalCases,
};

describe('golden cases from the AWS documentation', () => {
  it('has at least 150 cases, each naming its page', () => {
    const all = Object.values(TOPICS).flat();
    expect(all.length).toBeGreaterThanOrEqual(150);
    for (const c of all) expect(c.source).toMatch(/^https:\/\/docs\.aws\.amazon\.com\//);
  });

  for (const [topic, cases] of Object.entries(TOPICS)) {
    describe(topic, () => {
      it.each(cases.map((c) => [c.name, c] as const))('%s', (_name, golden) => {
        const result = evaluatePolicies(golden.policies, { principalArn: ALICE, ...golden.request });
        expect(result.decision, `${golden.source}\n${result.reason}`).toBe(golden.decision);
        expect(result.determinate).toBe(golden.determinate ?? true);
      });
    });
  }
});
