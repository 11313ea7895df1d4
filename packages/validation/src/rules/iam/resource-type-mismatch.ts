import type { Rule } from '../rule.ts';
import { resourceCanMatch } from './arn-pattern.ts';
import { ALL_POLICY_KINDS, actionEntries, exactAction, type PolicyInput } from './policy-input.ts';

/** Every resource of the statement is of a type the action cannot act on, such as `s3:GetObject` on a bucket ARN. */
export const rule: Rule<PolicyInput> = {
  id: 'iam/resource-type-mismatch',
  severity: 'error',
  kinds: ALL_POLICY_KINDS,
  help: 'name a resource of the type the action acts on (for S3 objects add `/*` or a key to the bucket ARN), or move the action to its own statement',
  learnMore: 'https://docs.aws.amazon.com/service-authorization/latest/reference/reference_policies_actions-resources-contextkeys.html',
  check({ policy }, { catalogue }) {
    return actionEntries(policy).flatMap(({ statement, action, path }) => {
      const known = exactAction(catalogue, action);
      const resources = statement.Resource;
      if (!known || known.resourceTypes.length === 0 || !resources) return [];
      if (resources.some((r) => known.resourceTypes.some((t) => resourceCanMatch(r, t.arn)))) return [];
      const types = known.resourceTypes.map((t) => `\`${t.name}\` (\`${t.arn}\`)`).join(' or ');
      return [{ path, message: `\`${action}\` acts on ${types}, which no resource of this statement can match` }];
    });
  },
};
