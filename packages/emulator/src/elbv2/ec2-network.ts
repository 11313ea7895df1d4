import type { PortInterval } from '../ec2/acl-evaluation.ts';
import { parseCidr, type IpRange } from '../ec2/cidr.ts';
import { DEFAULT_CLIENT_PORTS } from '../ec2/reachability.ts';
import { checkAcl, Walk } from '../ec2/reachability-checks.ts';
import { evaluateSecurityGroups } from '../ec2/sg-evaluation.ts';
import type { Ec2State, Subnet } from '../ec2/state.ts';
import type { NetworkView, Reachability } from './network.ts';
import { getRecord } from '../records.ts';

/**
 * The network view of an account's EC2: subnets from `ec2.subnets`, and reachability from the load
 * balancer's nodes (private addresses in its subnets, carrying its security groups) to a target, evaluated
 * by the EC2 engine hop by hop as Reachability Analyzer walks a path. A health check needs every node to
 * get through, so each of the load balancer's subnets is checked. Between different subnets the request
 * crosses the node subnet's network ACL outbound and the target subnet's inbound, then the target's
 * security groups; the reply crosses both ACLs again towards the node's ephemeral ports, because ACLs are
 * stateless (https://docs.aws.amazon.com/vpc/latest/userguide/nacl-ephemeral-ports.html, and the rules ELB
 * recommends for instance subnets: https://docs.aws.amazon.com/elasticloadbalancing/latest/classic/elb-instances-network-acls.html).
 * A target that is not an instance of the account (launched by a simulated Auto Scaling group) is taken
 * to be anywhere in its subnet, so an ACL must admit the whole subnet.
 */
export function ec2Network(ec2: Ec2State): NetworkView {
  return {
    subnet(id) {
      const s = getRecord(ec2.subnets, id);
      return s ? { SubnetId: s.SubnetId, AvailabilityZone: s.AvailabilityZone, VpcId: s.VpcId, CidrBlock: s.CidrBlock } : undefined;
    },
    reach(from, target, port): Reachability {
      const instance = getRecord(ec2.instances, target.Id);
      const groupIds = target.SecurityGroupIds ?? instance?.SecurityGroups.map((g) => g.GroupId);
      if (!groupIds) return { Outcome: 'blocked', Code: 'NO_SECURITY_GROUP_INFO', Explanation: `the target \`${target.Id}\` is not an instance of this account, so its security groups are not known` };
      if (instance && instance.State.Name !== 'running') return { Outcome: 'blocked', Code: 'INSTANCE_NOT_RUNNING', Explanation: `the instance \`${target.Id}\` is ${instance.State.Name}` };
      const targetSubnet = getRecord(ec2.subnets, target.SubnetId ?? instance?.SubnetId ?? '');
      const targetRange = targetAddress(ec2, target.Id) ?? (targetSubnet ? parseCidr(targetSubnet.CidrBlock) : undefined);
      for (const subnetId of from.SubnetIds) {
        const subnet = getRecord(ec2.subnets, subnetId);
        const remote = subnet ? parseCidr(subnet.CidrBlock) : undefined;
        if (!subnet || !remote) return { Outcome: 'blocked', Code: 'SUBNET_NOT_FOUND', Explanation: `the load balancer's subnet \`${subnetId}\` does not exist` };
        if (targetSubnet && targetRange && targetSubnet.SubnetId !== subnet.SubnetId) {
          const blocked = aclsBlock(ec2, subnet, remote, targetSubnet, targetRange, port);
          if (blocked) return blocked;
        }
        // The load balancer's own groups must let the health check out too (https://docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-update-security-groups.html:
        // outbound to the instance listener and health check ports).
        const out = targetRange && from.SecurityGroupIds.length > 0 ? evaluateSecurityGroups(ec2, from.SecurityGroupIds, 'egress', { remote: targetRange, remoteGroupIds: groupIds, protocol: 'tcp', port }) : undefined;
        if (out?.decision === 'deny') {
          return { Outcome: 'blocked', Code: 'ENI_SG_RULES_MISMATCH', Explanation: `no outbound rule of the load balancer's security groups ${from.SecurityGroupIds.map((g) => `\`${g}\``).join(', ')} lets TCP port ${port} out to \`${target.Id}\`` };
        }
        const decision = evaluateSecurityGroups(ec2, groupIds, 'ingress', { remote, remoteGroupIds: from.SecurityGroupIds, protocol: 'tcp', port });
        if (decision.decision === 'deny') {
          return {
            Outcome: 'blocked',
            Code: 'ENI_SG_RULES_MISMATCH',
            Explanation: `no inbound rule of ${groupIds.map((g) => `\`${g}\``).join(', ')} admits TCP port ${port} from the load balancer's nodes in \`${subnetId}\` (${subnet.CidrBlock}) or its security groups ${from.SecurityGroupIds.map((g) => `\`${g}\``).join(', ') || '(none)'}`,
          };
        }
      }
      return { Outcome: 'reachable', Explanation: `the network acls and security groups of \`${target.Id}\` admit TCP port ${port} from the load balancer` };
    },
  };
}

/** The target's primary private address, when it is an instance of the account. */
function targetAddress(ec2: Ec2State, id: string): IpRange | undefined {
  const eniId = getRecord(ec2.instances, id)?.NetworkInterfaceIds[0];
  const address = eniId ? getRecord(ec2.networkInterfaces, eniId)?.PrivateIpAddress : undefined;
  return address ? parseCidr(`${address}/32`) : undefined;
}

/**
 * The four network ACL hops of a health check between a node's subnet and the target's, in path order,
 * with the EC2 analyzer's own checks; the first that denies is answered with its explanation.
 */
function aclsBlock(ec2: Ec2State, nodeSubnet: Subnet, nodeRange: IpRange, targetSubnet: Subnet, targetRange: IpRange, port: number): Reachability | undefined {
  const walk = new Walk(ec2, { protocolName: 'tcp', protocolNumber: '6', port, clientPorts: DEFAULT_CLIENT_PORTS });
  const request: PortInterval = { From: port, To: port };
  const passes =
    checkAcl(walk, 'forward', nodeSubnet, true, { remote: targetRange, protocol: '6', ports: request }) &&
    checkAcl(walk, 'forward', targetSubnet, false, { remote: nodeRange, protocol: '6', ports: request }) &&
    checkAcl(walk, 'return', targetSubnet, true, { remote: nodeRange, protocol: '6', ports: DEFAULT_CLIENT_PORTS }) &&
    checkAcl(walk, 'return', nodeSubnet, false, { remote: targetRange, protocol: '6', ports: DEFAULT_CLIENT_PORTS });
  if (passes) return undefined;
  const why = walk.explanations[0];
  return { Outcome: 'blocked', Code: why?.ExplanationCode ?? 'SUBNET_ACL_RESTRICTION', Explanation: why?.Reason ?? 'a network acl denies the health check' };
}
