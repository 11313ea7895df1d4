import type { AccountState } from '@skylab/emulator';

/** The ARNs of what the lab's account holds: IAM users, groups, roles, policies and instance profiles, S3 buckets and their objects. */
export function labResourceArns(state: AccountState): string[] {
  const iam = state.iam;
  const arns = [
    ...Object.values(iam.users).map((u) => u.Arn),
    ...Object.values(iam.groups).map((g) => g.Arn),
    ...Object.values(iam.roles).map((r) => r.Arn),
    ...Object.values(iam.policies).map((p) => p.Arn),
    ...Object.values(iam.instanceProfiles).map((p) => p.Arn),
  ];
  for (const [name, bucket] of Object.entries(state.s3.buckets)) {
    arns.push(`arn:aws:s3:::${name}`, ...Object.keys(bucket.Objects).map((key) => `arn:aws:s3:::${name}/${key}`));
  }
  return arns;
}
