import type { Rule } from '../rule.ts';
import { conditionEntries } from './condition-entries.ts';
import { globalConditionKey } from './global-condition-keys.ts';
import { ALL_POLICY_KINDS, type PolicyInput } from './policy-input.ts';

/** `…IfExists` on a key every request carries adds nothing and suggests a misunderstanding. */
export const rule: Rule<PolicyInput> = {
  id: 'iam/if-exists-always-present',
  severity: 'suggestion',
  kinds: ALL_POLICY_KINDS,
  help: 'drop the `IfExists` suffix',
  learnMore: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_IfExists',
  check({ policy }) {
    return conditionEntries(policy).flatMap(({ operator, key, keyPath }) =>
      operator?.ifExists && globalConditionKey(key)?.alwaysPresent
        ? [{ path: keyPath, onKey: true, message: `\`${key}\` is in every request, so \`IfExists\` in \`${operator.name}\` changes nothing` }]
        : [],
    );
  },
};
