import type { Rule } from '../rule.ts';
import type { PolicyInput } from '../iam/policy-input.ts';

/** Without a Deny on `aws:SecureTransport` = `false`, clients may read and write the bucket over plain HTTP. */
export const rule: Rule<PolicyInput> = {
  id: 's3/missing-secure-transport',
  severity: 'suggestion',
  kinds: ['s3-bucket-policy'],
  help: 'add a statement denying `s3:*` when `"Bool": {"aws:SecureTransport": "false"}`',
  learnMore: 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/security-best-practices.html',
  check({ policy }) {
    const enforced = policy.Statement.some(
      (s) => s.Effect === 'Deny' && Object.entries(s.Condition ?? {}).some(([op, block]) => op.startsWith('Bool') && Object.entries(block).some(([key, values]) => key.toLowerCase() === 'aws:securetransport' && values.includes('false'))),
    );
    return enforced ? [] : [{ path: ['Statement'], onKey: true, message: 'the bucket policy does not deny requests over plain HTTP (`aws:SecureTransport` = `false`)' }];
  },
};
