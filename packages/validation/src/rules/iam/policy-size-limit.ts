import type { Rule } from '../rule.ts';
import type { PolicyInput } from './policy-input.ts';

// Character limits without whitespace (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html#reference_iam-quotas-entity-length,
// S3 and ECR: 20 KB and 10,240 characters). SCPs and session policies count whitespace too: their own rules.
const LIMITS = {
  'iam-identity-policy': { chars: 6144, what: 'a managed policy' },
  'iam-permissions-boundary': { chars: 6144, what: 'a managed policy' },
  'iam-trust-policy': { chars: 2048, what: 'a role trust policy (by default; adjustable to 4096)' },
  'iam-resource-policy': { chars: 20480, what: 'a resource-based policy' },
  's3-bucket-policy': { chars: 20480, what: 'an S3 bucket policy' },
  'ecr-repository-policy': { chars: 10240, what: 'an ECR repository policy' },
} as const;

type SizedKind = keyof typeof LIMITS;

const WHITESPACE = /\s/;

/** What `\s` matches, without building a string per character for the ASCII ones. */
function isWhitespace(c: number): boolean {
  return c <= 32 ? c === 32 || (c >= 9 && c <= 13) : c >= 0xa0 && WHITESPACE.test(String.fromCharCode(c));
}

/** A document over the size limit of its policy type: AWS refuses it. */
export const rule: Rule<PolicyInput> = {
  id: 'iam/policy-size-limit',
  severity: 'error',
  kinds: Object.keys(LIMITS) as SizedKind[],
  help: 'merge statements, use wildcards such as `s3:Get*` where they stay narrow, or split into several policies',
  learnMore: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html',
  check({ text }, { kind }) {
    const limit = LIMITS[kind as SizedKind];
    let chars = 0;
    for (let i = 0; i < text.length; i++) if (!isWhitespace(text.charCodeAt(i))) chars++;
    return chars > limit.chars ? [{ path: [], message: `the policy has ${chars} characters without whitespace, over the limit of ${limit.chars} for ${limit.what}` }] : [];
  },
};
