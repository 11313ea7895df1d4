import type { Rule } from '../rule.ts';
import { ALL_POLICY_KINDS, globRegExp, splitAction, type PolicyInput } from './policy-input.ts';

/** An action, or an action pattern, that matches none of the service's actions. */
export const rule: Rule<PolicyInput> = {
  id: 'iam/unknown-action',
  severity: 'error',
  kinds: ALL_POLICY_KINDS,
  help: 'check the spelling against the service\'s list of actions; action names are the API operation names',
  learnMore: 'https://docs.aws.amazon.com/service-authorization/latest/reference/reference_policies_actions-resources-contextkeys.html',
  check({ policy }, { catalogue }) {
    return policy.Statement.flatMap((statement, index) =>
      (['Action', 'NotAction'] as const).flatMap((element) =>
        (statement[element] ?? []).flatMap((action, i) => {
          const [service, name] = splitAction(action);
          const known = /[*?]/.test(service) ? undefined : catalogue.actions(service);
          if (!known) return [];
          // An exact name is one case-insensitive lookup; a pattern is matched against the names alone, compiled once.
          const pattern = /[*?]/.test(name) ? globRegExp(name, true) : undefined;
          if (pattern ? known.some((a) => pattern.test(a.name)) : catalogue.action(service, name)) return [];
          const message = pattern ? `\`${action}\` matches no \`${service}\` action` : `\`${service}\` has no action \`${name}\``;
          return [{ path: ['Statement', index, element, i], message }];
        }),
      ),
    );
  },
};
