import type { Rule } from '../rule.ts';
import { sizeHit } from './packed-size.ts';
import type { PolicyInput } from './policy-input.ts';

// Every character of an SCP counts against its 5,120-character maximum, whitespace included
// (https://docs.aws.amazon.com/organizations/latest/userguide/orgs_manage_policies_scps_syntax.html,
// https://docs.aws.amazon.com/organizations/latest/userguide/orgs_reference_limits.html).
const LIMIT = 5120;

/** An SCP over AWS Organizations' size limit: `CreatePolicy` and `UpdatePolicy` refuse it. */
export const rule: Rule<PolicyInput> = {
  id: 'iam/scp-size-limit',
  severity: 'error',
  kinds: ['iam-scp'],
  help: 'remove the whitespace outside strings, merge statements with the same effect, or split the policy into several SCPs (up to 5 per target)',
  learnMore: 'https://docs.aws.amazon.com/organizations/latest/userguide/orgs_reference_limits.html',
  check({ text }) {
    return sizeHit(text, LIMIT, 'a service control policy');
  },
};
