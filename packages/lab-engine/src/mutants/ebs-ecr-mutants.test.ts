import { describe, expect, it } from 'vitest';
import { ebsSettingsMutants } from './ebs-settings-mutants.ts';
import { ecrRepositoryMutants } from './ecr-repository-mutants.ts';

const context = { accountId: '111122223333', groupCidrs: new Map(), kmsAliases: ['alias/ebs', 'alias/partner'] };

describe('ebs-settings mutants', () => {
  it('flip encryption, swap or drop keys, and widen, redirect or drop shares', () => {
    const answer = 'EbsEncryptionByDefault: true\nKmsKeyId: alias/ebs\nSnapshotCopies:\n  - { SourceSnapshotId: db, Encrypted: true, KmsKeyId: alias/partner, CreateVolumePermission: { Add: [{ UserId: "444455556666" }] } }\n';
    expect(ebsSettingsMutants('ebs', answer, context).map((m) => m.description)).toEqual([
      '`EbsEncryptionByDefault` set to `false`',
      'the default `KmsKeyId` left out (the AWS managed `aws/ebs`)',
      'the default `KmsKeyId` set to `alias/partner`',
      'copy 1 dropped',
      "copy 1: `KmsKeyId` left out (the source's key, or the default)",
      'copy 1: `KmsKeyId` set to `alias/aws/ebs`',
      'copy 1: not asked to be encrypted',
      'copy 1: the permission for `444455556666` dropped',
      'copy 1: made public instead of shared with `444455556666`',
      'copy 1: shared with `210987654321` instead of `444455556666`',
      'copy 1: shared with `210987654321` too',
      'the source `db` shared with `210987654321` too',
    ]);
  });
});

describe('ecr-repository mutants', () => {
  it('flip settings, widen the policy and shift the lifecycle rules', () => {
    const answer = JSON.stringify({
      imageTagMutability: 'IMMUTABLE',
      policyText: { Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:role/app' }, Action: 'ecr:BatchGetImage' }] },
      lifecyclePolicyText: { rules: [{ rulePriority: 1, selection: { tagStatus: 'tagged', tagPrefixList: ['v'], countType: 'imageCountMoreThan', countNumber: 3 }, action: { type: 'expire' } }] },
    });
    const descriptions = ecrRepositoryMutants('repo', answer, context).map((m) => m.description);
    expect(descriptions).toEqual(
      expect.arrayContaining([
        '`imageTagMutability` set to `MUTABLE`',
        '`scanOnPush` set to `true`',
        '`encryptionType` set to `KMS`',
        'repository policy: statement 1: `Principal` widened to `*`',
        'the repository policy left out',
        'lifecycle rule 1: `countNumber` raised to 4',
        'lifecycle rule 1: `countNumber` lowered to 2',
        'lifecycle rule 1: `tagStatus: any` (every image)',
        'lifecycle rule 1: counting days instead of images',
      ]),
    );
    const widened = ecrRepositoryMutants('repo', answer, context).find((m) => m.description.endsWith('`Principal` widened to `*`'));
    expect(JSON.parse(widened?.answer ?? '{}').policyText.Statement[0].Principal).toBe('*');
  });
});
