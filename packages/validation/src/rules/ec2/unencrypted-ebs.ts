import type { LaunchTemplateInput } from '../../schemas/artifact-kinds.ts';
import type { Rule } from '../rule.ts';

/** An EBS volume without `Encrypted: true` stays unencrypted unless the account turned on encryption by default. */
export const rule: Rule<LaunchTemplateInput> = {
  id: 'ec2/unencrypted-ebs',
  severity: 'warning',
  kinds: ['launch-template'],
  help: 'set `Ebs.Encrypted` to `true` (optionally with a `KmsKeyId`)',
  learnMore: 'https://docs.aws.amazon.com/ebs/latest/userguide/ebs-encryption.html',
  check: ({ data, at }) =>
    (data.BlockDeviceMappings ?? []).flatMap((mapping, i) =>
      mapping.Ebs && mapping.Ebs.Encrypted !== true
        ? [{ path: [...at, 'BlockDeviceMappings', i, 'Ebs'], message: `the EBS volume \`${mapping.DeviceName ?? `#${i + 1}`}\` is not encrypted` }]
        : [],
    ),
};
