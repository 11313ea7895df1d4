import type { Rule } from '../rule.ts';
import { conditionEntries, conditionKeyType } from './condition-entries.ts';
import { operatorFits } from './condition-operators.ts';
import { ALL_POLICY_KINDS, type PolicyInput } from './policy-input.ts';

/** An operator of the wrong type for its key (`StringEquals` on `aws:SourceIp`) compares nothing useful. */
export const rule: Rule<PolicyInput> = {
  id: 'iam/condition-type-mismatch',
  severity: 'error',
  kinds: ALL_POLICY_KINDS,
  help: 'pick the operator family of the key\'s type: `String…`, `Numeric…`, `Date…`, `Bool`, `IpAddress` or `Arn…`',
  learnMore: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html',
  check({ policy }, { catalogue }) {
    return conditionEntries(policy).flatMap(({ operator, key, keyPath }) => {
      const type = conditionKeyType(catalogue, key);
      if (!operator || !type || operatorFits(operator.family, type)) return [];
      return [{ path: keyPath, onKey: true, message: `\`${operator.name}\` compares ${operator.family} values, but \`${key}\` is of type ${type}` }];
    });
  },
};
