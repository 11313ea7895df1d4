import type { SgRule } from '../../schemas/security-group.ts';
import type { Rule } from '../rule.ts';

/** `FromPort` above `ToPort`: EC2 refuses the rule. */
export const rule: Rule<SgRule[]> = {
  id: 'sg/invalid-port-range',
  severity: 'error',
  kinds: ['security-groups'],
  help: 'swap `FromPort` and `ToPort`',
  learnMore: 'https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_IpPermission.html',
  check: (rules) =>
    rules
      .filter((r, i) => r.fromPort > r.toPort && rules.findIndex((o) => o.path === r.path) === i)
      .map((r) => ({ path: [...r.path, 'FromPort'], message: `\`FromPort\` ${r.fromPort} is above \`ToPort\` ${r.toPort}` })),
};
