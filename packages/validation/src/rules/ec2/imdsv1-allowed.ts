import type { LaunchTemplateInput } from '../../schemas/artifact-kinds.ts';
import type { Rule } from '../rule.ts';

/** IMDSv1 answers any request from the instance, so an SSRF bug can read the role's credentials. */
export const rule: Rule<LaunchTemplateInput> = {
  id: 'ec2/imdsv1-allowed',
  severity: 'security-warning',
  kinds: ['launch-template'],
  help: 'set `MetadataOptions.HttpTokens` to `required` (IMDSv2 only)',
  learnMore: 'https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/configuring-instance-metadata-service.html',
  check: ({ data, at }) => {
    const options = data.MetadataOptions;
    if (options?.HttpEndpoint === 'disabled' || options?.HttpTokens === 'required') return [];
    const path = options?.HttpTokens ? [...at, 'MetadataOptions', 'HttpTokens'] : options ? [...at, 'MetadataOptions'] : at;
    return [{ path, onKey: !options, message: options?.HttpTokens ? '`HttpTokens` is `optional`, so instances also answer IMDSv1 requests' : 'instances launched from this template allow IMDSv1 (`HttpTokens` is not `required`)' }];
  },
};
