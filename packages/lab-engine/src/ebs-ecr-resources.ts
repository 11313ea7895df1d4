import { repositoryView, type AccountState } from '@skylab/emulator';
import { snapshotNamed } from './provision-ebs-ecr.ts';

// EBS and ECR resources as a `resource` check reads them: the shapes of GetEbsEncryptionByDefault with
// GetEbsDefaultKmsKeyId, DescribeSnapshots (with DescribeSnapshotAttribute's `CreateVolumePermissions`) and
// DescribeRepositories, KMS key ARNs turned into the aliases a lab names keys by.

/** The alias of a key ARN (`alias/aws/ebs` for the AWS managed key), else the ARN. */
export function keyAlias(state: AccountState, arn: string | undefined): string | undefined {
  if (arn === undefined) return undefined;
  const id = arn.split('/').pop() ?? '';
  return Object.entries(state.kms.aliases).find(([, target]) => target === id)?.[0] ?? arn;
}

/** The resource of an EBS or ECR `resource` check, by its name, or undefined when the account has none. */
export function ebsEcrResourceView(state: AccountState, type: 'ebs-encryption' | 'snapshot' | 'ecr-repository', name: string): unknown {
  if (type === 'ebs-encryption') {
    const settings = state.ec2.ebsEncryption[name];
    return { EbsEncryptionByDefault: settings?.EbsEncryptionByDefault ?? false, KmsKeyId: keyAlias(state, settings?.KmsKeyId) ?? 'alias/aws/ebs' };
  }
  if (type === 'snapshot') {
    const snapshot = snapshotNamed(state, name);
    return snapshot && { ...snapshot, KmsKeyId: keyAlias(state, snapshot.KmsKeyId) };
  }
  const repository = state.ecr.repositories[name];
  return repository && repositoryView(repository);
}
