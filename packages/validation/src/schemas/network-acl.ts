import { z } from 'zod';
import { cidrIpv4, cidrIpv6, int, list, oneOf, tags } from './common.ts';

// https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_NetworkAclEntry.html
// Rule numbers 1-32766 are the learner's; 32767 is the default `*` rule that DescribeNetworkAcls shows.

/** One network ACL entry in EC2 shape. */
export const naclEntrySchema = z
  .strictObject({
    RuleNumber: int(1, 32767, '`RuleNumber`').describe('Evaluation order: the lowest matching number decides (1-32766; 32767 is the default rule)'),
    Protocol: z
      .union([z.string(), z.number()], { error: '`Protocol` must be a protocol number as a string' })
      .transform((v) => String(v).toLowerCase())
      .refine((v) => v === '-1' || ['tcp', 'udp', 'icmp', 'icmpv6', 'all'].includes(v) || (/^(0|[1-9][0-9]{0,2})$/.test(v) && Number(v) <= 255), {
        error: (issue) => `\`${String(issue.input)}\` is not a protocol: use \`-1\` (all), \`6\` (TCP), \`17\` (UDP), \`1\` (ICMP) or another number`,
      })
      .describe('The protocol number (`6` TCP, `17` UDP, `1` ICMP, `58` ICMPv6) or `-1` for all'),
    RuleAction: oneOf(['allow', 'deny'], '`RuleAction`').describe('Whether matching traffic is allowed or denied'),
    Egress: z.boolean({ error: '`Egress` must be true or false' }).describe('True for an outbound rule, false for inbound'),
    CidrBlock: cidrIpv4.optional(),
    Ipv6CidrBlock: cidrIpv6.optional(),
    PortRange: z
      .strictObject({ From: int(0, 65535, '`From`').describe('The first port'), To: int(0, 65535, '`To`').describe('The last port') })
      .optional()
      .describe('The ports, for TCP and UDP'),
    IcmpTypeCode: z
      .strictObject({ Code: int(-1, 255, '`Code`').optional().describe('The ICMP code, `-1` for all'), Type: int(-1, 255, '`Type`').optional().describe('The ICMP type, `-1` for all') })
      .optional()
      .describe('The ICMP type and code, for ICMP'),
  })
  .describe('One network ACL rule');

/** Network ACL entries: `{ Entries: [...] }` (a NACL as EC2 describes it) or a bare list. */
export const naclEntriesSchema = z
  .union([
    z
      .strictObject({
        NetworkAclId: z.string().optional().describe('The network ACL id'),
        VpcId: z.string().optional().describe('The VPC'),
        IsDefault: z.boolean().optional().describe('Whether this is the VPC default ACL'),
        Associations: z.array(z.looseObject({})).optional().describe('Subnet associations'),
        Entries: list(naclEntrySchema, 'entries', 80).describe('The rules, inbound and outbound (at most 40 each by default, 20 adjustable to 40)'),
        Tags: tags.optional(),
      })
      .describe('A network ACL'),
    list(naclEntrySchema, 'entries', 80),
  ])
  .describe('Network ACL entries');
