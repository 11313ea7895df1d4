import type { PathSegment } from '../../finding.ts';
import type { Rule } from '../rule.ts';
import { ALL_POLICY_KINDS, type PolicyInput } from './policy-input.ts';

/** Under `2008-10-17` (or without a `Version`), `${aws:username}` is a literal string, not a variable. */
export const rule: Rule<PolicyInput> = {
  id: 'iam/policy-variable-old-version',
  severity: 'error',
  kinds: ALL_POLICY_KINDS,
  help: 'add `"Version": "2012-10-17"` so that IAM replaces the variables',
  learnMore: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html',
  check({ policy }) {
    if (policy.Version === '2012-10-17') return [];
    const hits: { path: PathSegment[]; message: string }[] = [];
    const look = (value: string, path: PathSegment[]) => {
      const variable = /\$\{[^}]+\}/.exec(value)?.[0];
      if (variable) hits.push({ path, message: `\`${variable}\` is read as literal text because the policy version is not \`2012-10-17\`` });
    };
    policy.Statement.forEach((statement, index) => {
      for (const element of ['Resource', 'NotResource'] as const) statement[element]?.forEach((r, i) => look(r, ['Statement', index, element, i]));
      for (const [operator, block] of Object.entries(statement.Condition ?? {})) {
        for (const [key, values] of Object.entries(block)) values.forEach((v, i) => look(v, ['Statement', index, 'Condition', operator, key, i]));
      }
    });
    return hits;
  },
};
