import type { Ctx } from '../ctx.ts';
import { cidrContains } from './match.ts';

// What the load balancer and Auto Scaling need to know of the VPC. The emulator's EC2 engine answers it
// for a whole account; `staticNetwork` answers it from EC2 `Describe*` shapes for tests, labs and the CLI.

/** A subnet as the load balancer needs it. */
export interface SubnetView {
  SubnetId: string;
  AvailabilityZone: string;
  VpcId: string;
  CidrBlock?: string;
}

/** Whether traffic gets from the load balancer to a target, and why not. */
export interface Reachability {
  Outcome: 'reachable' | 'blocked';
  Explanation: string;
  /** A blocking component code in the spirit of VPC Reachability Analyzer (`ENI_SG_RULES_MISMATCH` …). */
  Code?: string;
}

/** A target as the network sees it: its id and, when known, its security groups and subnet. */
export interface NetworkTarget {
  Id: string;
  SecurityGroupIds?: string[];
  SubnetId?: string;
}

/** The network questions ELBv2 and Auto Scaling ask. */
export interface NetworkView {
  subnet(subnetId: string): SubnetView | undefined;
  /** Whether the load balancer (its security groups, in its subnets) reaches the target on `port` over TCP. */
  reach(from: { SecurityGroupIds: string[]; SubnetIds: string[] }, target: NetworkTarget, port: number): Reachability;
}

/** The context ELBv2 and Auto Scaling operations take: the core `Ctx` plus an optional network view. */
export type NetworkCtx = Ctx & { network?: NetworkView };

/** An ingress permission in the EC2 `IpPermissions` shape (only what the check reads). */
export interface IpPermission {
  IpProtocol: string;
  FromPort?: number;
  ToPort?: number;
  IpRanges?: { CidrIp: string }[];
  UserIdGroupPairs?: { GroupId: string }[];
}

/** A security group in the EC2 `DescribeSecurityGroups` shape (only what the check reads). */
export interface SecurityGroupView {
  GroupId: string;
  IpPermissions: IpPermission[];
}

function admitsPort(permission: IpPermission, port: number): boolean {
  if (permission.IpProtocol === '-1' || permission.IpProtocol === 'all') return true;
  if (permission.IpProtocol !== 'tcp' && permission.IpProtocol !== '6') return false;
  return (permission.FromPort ?? 0) <= port && port <= (permission.ToPort ?? 65535);
}

/**
 * A network from EC2 `Describe*` shapes. Security groups are stateful and allow only what an inbound rule
 * admits (https://docs.aws.amazon.com/vpc/latest/userguide/vpc-security-group-rules.html): a rule admits
 * the load balancer when it names one of the load balancer's groups or a CIDR holding all its subnets.
 * Network ACLs and route tables are not modelled here; the EC2 engine's view (`ec2Network`) checks network ACLs.
 */
export function staticNetwork(input: {
  Subnets?: SubnetView[];
  SecurityGroups?: SecurityGroupView[];
  /** The security groups of targets that are not in `Targets` by id (instances launched by Auto Scaling …). */
  Targets?: NetworkTarget[];
}): NetworkView {
  const subnets = new Map((input.Subnets ?? []).map((s) => [s.SubnetId, s]));
  const groups = new Map((input.SecurityGroups ?? []).map((g) => [g.GroupId, g]));
  const targets = new Map((input.Targets ?? []).map((t) => [t.Id, t]));
  return {
    subnet: (id) => subnets.get(id),
    reach(from, target, port) {
      const known = targets.get(target.Id);
      const groupIds = target.SecurityGroupIds ?? known?.SecurityGroupIds;
      if (!groupIds) return { Outcome: 'blocked', Code: 'NO_SECURITY_GROUP_INFO', Explanation: `the security groups of target \`${target.Id}\` are not known` };
      const sourceCidrs = from.SubnetIds.map((id) => subnets.get(id)?.CidrBlock);
      for (const groupId of groupIds) {
        const group = groups.get(groupId);
        if (!group) continue;
        for (const permission of group.IpPermissions) {
          if (!admitsPort(permission, port)) continue;
          const pair = permission.UserIdGroupPairs?.find((p) => from.SecurityGroupIds.includes(p.GroupId));
          if (pair) return { Outcome: 'reachable', Explanation: `\`${groupId}\` admits port ${port} from the load balancer's security group \`${pair.GroupId}\`` };
          const range = permission.IpRanges?.find(
            (r) => sourceCidrs.length > 0 && sourceCidrs.every((c) => c !== undefined && cidrContains(r.CidrIp, c.split('/')[0] ?? '')),
          );
          if (range) return { Outcome: 'reachable', Explanation: `\`${groupId}\` admits port ${port} from \`${range.CidrIp}\`, which holds the load balancer's subnets` };
        }
      }
      return {
        Outcome: 'blocked',
        Code: 'ENI_SG_RULES_MISMATCH',
        Explanation: `no inbound rule of ${groupIds.map((g) => `\`${g}\``).join(', ') || 'the target'} admits TCP port ${port} from the load balancer's security groups ${from.SecurityGroupIds.map((g) => `\`${g}\``).join(', ')}`,
      };
    },
  };
}

/**
 * A network that admits every load balancer to every target, for labs that are about routing or scaling and
 * not about security groups. Each answer says it was assumed, so a grade never hides it.
 */
export function openNetwork(subnets: SubnetView[] = []): NetworkView {
  const byId = new Map(subnets.map((s) => [s.SubnetId, s]));
  return {
    subnet: (id) => byId.get(id),
    reach: (_from, target, port) => ({ Outcome: 'reachable', Explanation: `assumed: the network is open, so \`${target.Id}\` is reachable on port ${port}` }),
  };
}
