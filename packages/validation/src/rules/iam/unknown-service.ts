import type { Rule } from '../rule.ts';
import { ALL_POLICY_KINDS, splitAction, type PolicyInput } from './policy-input.ts';

/** An action whose service prefix no AWS service uses: the statement can never match it. */
export const rule: Rule<PolicyInput> = {
  id: 'iam/unknown-service',
  severity: 'error',
  kinds: ALL_POLICY_KINDS,
  help: 'use the service prefix from the Service Authorization Reference, such as `s3`, `ec2` or `iam`',
  learnMore: 'https://docs.aws.amazon.com/service-authorization/latest/reference/reference_policies_actions-resources-contextkeys.html',
  check({ policy }, { catalogue }) {
    return policy.Statement.flatMap((statement, index) =>
      (['Action', 'NotAction'] as const).flatMap((element) =>
        (statement[element] ?? []).flatMap((action, i) => {
          const [service] = splitAction(action);
          if (action === '*' || /[*?]/.test(service) || catalogue.hasService(service)) return [];
          return [{ path: ['Statement', index, element, i], message: `\`${service}\` in \`${action}\` is not an AWS service prefix` }];
        }),
      ),
    );
  },
};
