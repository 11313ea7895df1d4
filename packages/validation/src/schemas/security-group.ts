import { z } from 'zod';
import type { PathSegment } from '../finding.ts';
import { cidrIpv4, cidrIpv6, int, list, str, tags } from './common.ts';

// EC2 shapes: https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_IpPermission.html
// CloudFormation shapes: https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/aws-resource-ec2-securitygroup.html

const protocol = z
  .union([z.string(), z.number()], { error: 'an IP protocol must be a string such as `tcp` or a protocol number' })
  .refine((v) => ['tcp', 'udp', 'icmp', 'icmpv6', '-1'].includes(String(v).toLowerCase()) || /^(0|[1-9][0-9]{0,2})$/.test(String(v)) && Number(v) <= 255, {
    error: (issue) => `\`${String(issue.input)}\` is not an IP protocol: use \`tcp\`, \`udp\`, \`icmp\`, \`icmpv6\`, \`-1\` (all) or a number 0-255`,
  })
  .describe('`tcp`, `udp`, `icmp`, `icmpv6`, `-1` for every protocol, or an IANA protocol number');
const port = int(-1, 65535, 'a port').describe('The first port (or ICMP type); `-1` with ICMP means every type');
const toPort = int(-1, 65535, 'a port').describe('The last port (or ICMP code); `-1` with ICMP means every code');
const description = str('a rule description', 255, 0).describe('A description of the rule (up to 255 characters)');
const groupId = z.string().regex(/^sg-[0-9a-f]{8,17}$/, { error: (issue) => `\`${String(issue.input)}\` is not a security group id (\`sg-\` and 8 or 17 hex digits)` });

/** One EC2 `IpPermission`: a protocol and port range with its sources (ingress) or destinations (egress). */
export const ipPermissionSchema = z
  .strictObject({
    IpProtocol: protocol,
    FromPort: port.optional(),
    ToPort: toPort.optional(),
    IpRanges: list(z.strictObject({ CidrIp: cidrIpv4, Description: description.optional() }).describe('An IPv4 range'), 'IPv4 ranges', 1000)
      .optional()
      .describe('IPv4 ranges the rule applies to'),
    Ipv6Ranges: list(z.strictObject({ CidrIpv6: cidrIpv6, Description: description.optional() }).describe('An IPv6 range'), 'IPv6 ranges', 1000)
      .optional()
      .describe('IPv6 ranges the rule applies to'),
    PrefixListIds: list(z.strictObject({ PrefixListId: str('a prefix list id', 64).describe('A managed prefix list id (`pl-…`)'), Description: description.optional() }).describe('A prefix list'), 'prefix lists', 1000)
      .optional()
      .describe('Managed prefix lists the rule applies to'),
    UserIdGroupPairs: list(
      z
        .strictObject({
          GroupId: groupId.optional().describe('The referenced security group id'),
          GroupName: str('a group name', 255).optional().describe('The referenced security group name (default VPC only)'),
          UserId: z.string().optional().describe('The account that owns the referenced group'),
          VpcId: z.string().optional().describe('The VPC of the referenced group'),
          VpcPeeringConnectionId: z.string().optional().describe('The peering connection to the referenced group'),
          Description: description.optional(),
        })
        .describe('A referenced security group'),
      'group pairs',
      1000,
    )
      .optional()
      .describe('Security groups the rule applies to'),
  })
  .describe('One security group rule in EC2 `IpPermission` shape');

/** An EC2 security group as `DescribeSecurityGroups` returns it. */
export const ec2SecurityGroupSchema = z
  .strictObject({
    GroupId: groupId.optional().describe('The security group id'),
    GroupName: str('a group name', 255).optional().describe('The group name (up to 255 characters, unique in the VPC)'),
    Description: str('a group description', 255).optional().describe('The group description (up to 255 characters)'),
    VpcId: z.string().optional().describe('The VPC the group belongs to'),
    OwnerId: z.string().optional().describe('The owning account'),
    IpPermissions: list(ipPermissionSchema, 'ingress rules', 1000).optional().describe('Inbound rules'),
    IpPermissionsEgress: list(ipPermissionSchema, 'egress rules', 1000).optional().describe('Outbound rules'),
    Tags: tags.optional(),
  })
  .describe('A security group in EC2 shape');

const cfnRuleFields = {
  IpProtocol: protocol,
  FromPort: port.optional(),
  ToPort: toPort.optional(),
  CidrIp: cidrIpv4.optional(),
  CidrIpv6: cidrIpv6.optional(),
  Description: description.optional(),
};

/** CloudFormation `AWS::EC2::SecurityGroup` properties. */
export const cfnSecurityGroupSchema = z
  .strictObject({
    GroupDescription: str('`GroupDescription`', 255).describe('The group description (required, up to 255 characters)'),
    GroupName: str('`GroupName`', 255).optional().describe('The group name'),
    VpcId: z.string().optional().describe('The VPC the group belongs to'),
    SecurityGroupIngress: list(
      z
        .strictObject({
          ...cfnRuleFields,
          SourcePrefixListId: z.string().optional().describe('A source prefix list'),
          SourceSecurityGroupId: z.string().optional().describe('A source security group id'),
          SourceSecurityGroupName: z.string().optional().describe('A source security group name'),
          SourceSecurityGroupOwnerId: z.string().optional().describe('The account owning the source group'),
        })
        .describe('An inbound rule'),
      'ingress rules',
      1000,
    )
      .optional()
      .describe('Inbound rules'),
    SecurityGroupEgress: list(
      z
        .strictObject({
          ...cfnRuleFields,
          DestinationPrefixListId: z.string().optional().describe('A destination prefix list'),
          DestinationSecurityGroupId: z.string().optional().describe('A destination security group id'),
        })
        .describe('An outbound rule'),
      'egress rules',
      1000,
    )
      .optional()
      .describe('Outbound rules'),
    Tags: tags.optional(),
  })
  .describe('The properties of a CloudFormation `AWS::EC2::SecurityGroup`');

/** Security groups in any of the accepted shapes: EC2 group, `{ SecurityGroups: [...] }`, CloudFormation properties or resource. */
export const securityGroupsSchema = z
  .union([
    z.strictObject({ SecurityGroups: list(ec2SecurityGroupSchema, 'security groups', 2500).describe('Security groups in EC2 shape') }).describe('`DescribeSecurityGroups` output'),
    z.strictObject({ Type: z.literal('AWS::EC2::SecurityGroup').describe('The CloudFormation resource type'), Properties: cfnSecurityGroupSchema }).describe('A CloudFormation resource'),
    cfnSecurityGroupSchema,
    ec2SecurityGroupSchema,
  ])
  .describe('One or more security groups');

/** The schema branch to check a value with, picked from its keys so findings speak about the shape the learner wrote. */
export function securityGroupsShape(value: unknown): z.ZodType {
  const keys = value !== null && typeof value === 'object' ? Object.keys(value) : [];
  if (keys.includes('SecurityGroups')) return z.strictObject({ SecurityGroups: list(ec2SecurityGroupSchema, 'security groups', 2500) });
  if (keys.includes('Type')) return z.strictObject({ Type: z.literal('AWS::EC2::SecurityGroup'), Properties: cfnSecurityGroupSchema });
  if (keys.some((k) => k.startsWith('SecurityGroup') || k === 'GroupDescription')) return cfnSecurityGroupSchema;
  return ec2SecurityGroupSchema;
}

/** One security group rule reduced to what the network rules reason about. */
export interface SgRule {
  direction: 'ingress' | 'egress';
  /** `-1` for every protocol, else lowercase name or number. */
  protocol: string;
  fromPort: number;
  toPort: number;
  /** A CIDR block, or undefined when the peer is a group or prefix list. */
  cidr?: string;
  /** The peer as written, to compare duplicates. */
  peer: string;
  /** Where the rule (the `IpPermission`) sits in the document. */
  path: PathSegment[];
  /** Where the peer sits in the document. */
  peerPath: PathSegment[];
}

const PROTOCOL_NUMBERS: Record<string, string> = { '6': 'tcp', '17': 'udp', '1': 'icmp', '58': 'icmpv6' };

function normaliseProtocol(value: string | number): string {
  const text = String(value).toLowerCase();
  return PROTOCOL_NUMBERS[text] ?? text;
}

function portRange(protocol: string, from: number | undefined, to: number | undefined): [number, number] {
  // Every protocol, or a protocol without ports, covers everything; `-1` ports mean every ICMP type.
  if (protocol === '-1' || (protocol !== 'tcp' && protocol !== 'udp')) return [0, 65535];
  return [from ?? 0, to ?? 65535];
}

type Permission = z.output<typeof ipPermissionSchema>;
type CfnRule = { IpProtocol: string | number; FromPort?: number; ToPort?: number; CidrIp?: string; CidrIpv6?: string } & Record<string, unknown>;

function fromPermission(p: Permission, direction: SgRule['direction'], path: PathSegment[]): SgRule[] {
  const protocol = normaliseProtocol(p.IpProtocol);
  const [fromPort, toPort] = portRange(protocol, p.FromPort, p.ToPort);
  const base = { direction, protocol, fromPort, toPort, path };
  return [
    ...(p.IpRanges ?? []).map((r, i) => ({ ...base, cidr: r.CidrIp, peer: r.CidrIp, peerPath: [...path, 'IpRanges', i, 'CidrIp'] })),
    ...(p.Ipv6Ranges ?? []).map((r, i) => ({ ...base, cidr: r.CidrIpv6, peer: r.CidrIpv6, peerPath: [...path, 'Ipv6Ranges', i, 'CidrIpv6'] })),
    ...(p.PrefixListIds ?? []).map((r, i) => ({ ...base, peer: r.PrefixListId, peerPath: [...path, 'PrefixListIds', i] })),
    ...(p.UserIdGroupPairs ?? []).map((r, i) => ({ ...base, peer: r.GroupId ?? r.GroupName ?? '', peerPath: [...path, 'UserIdGroupPairs', i] })),
  ];
}

function fromCfn(r: CfnRule, direction: SgRule['direction'], path: PathSegment[]): SgRule {
  const protocol = normaliseProtocol(r.IpProtocol);
  const [fromPort, toPort] = portRange(protocol, r.FromPort, r.ToPort);
  const cidrKey = r.CidrIp !== undefined ? 'CidrIp' : r.CidrIpv6 !== undefined ? 'CidrIpv6' : undefined;
  const cidr = r.CidrIp ?? r.CidrIpv6;
  const peerKey = Object.keys(r).find((k) => /^(Source|Destination)(SecurityGroup(Id|Name)|PrefixListId)$/.test(k));
  const peer = cidr ?? String((peerKey && r[peerKey]) ?? '');
  return { direction, protocol, fromPort, toPort, ...(cidr ? { cidr } : {}), peer, path, peerPath: [...path, ...(cidrKey ?? peerKey ? [(cidrKey ?? peerKey) as string] : [])] };
}

/** Every rule of the parsed security groups, flattened with its place in the document. */
export function securityGroupRules(value: z.output<typeof securityGroupsSchema>): SgRule[] {
  const group = (g: z.output<typeof ec2SecurityGroupSchema>, at: PathSegment[]) => [
    ...(g.IpPermissions ?? []).flatMap((p, i) => fromPermission(p, 'ingress', [...at, 'IpPermissions', i])),
    ...(g.IpPermissionsEgress ?? []).flatMap((p, i) => fromPermission(p, 'egress', [...at, 'IpPermissionsEgress', i])),
  ];
  const cfn = (g: z.output<typeof cfnSecurityGroupSchema>, at: PathSegment[]) => [
    ...(g.SecurityGroupIngress ?? []).map((r, i) => fromCfn(r, 'ingress', [...at, 'SecurityGroupIngress', i])),
    ...(g.SecurityGroupEgress ?? []).map((r, i) => fromCfn(r, 'egress', [...at, 'SecurityGroupEgress', i])),
  ];
  if ('SecurityGroups' in value) return value.SecurityGroups.flatMap((g, i) => group(g, ['SecurityGroups', i]));
  if ('Properties' in value) return cfn(value.Properties, ['Properties']);
  if ('GroupDescription' in value) return cfn(value, []);
  return group(value, []);
}
