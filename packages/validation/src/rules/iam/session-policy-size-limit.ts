import type { Rule } from '../rule.ts';
import { sizeHit } from './packed-size.ts';
import type { PolicyInput } from './policy-input.ts';

// The plaintext of an inline session policy passed to AssumeRole, AssumeRoleWithSAML, AssumeRoleWithWebIdentity
// or GetFederationToken cannot exceed 2,048 characters, whitespace included; STS packs it further into a binary
// form with its own limit (PackedPolicyTooLarge) that cannot be computed ahead
// (https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRole.html).
const LIMIT = 2048;

/** A session policy over STS's size limit: the call fails and no credentials are issued. */
export const rule: Rule<PolicyInput> = {
  id: 'iam/session-policy-size-limit',
  severity: 'error',
  kinds: ['iam-session-policy'],
  help: 'remove the whitespace outside strings, merge statements, or pass managed policies as `PolicyArns` (up to 10) instead of inline text',
  learnMore: 'https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRole.html',
  check({ text }) {
    return sizeHit(text, LIMIT, 'a session policy');
  },
};
