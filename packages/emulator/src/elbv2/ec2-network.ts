import { parseCidr } from '../ec2/cidr.ts';
import { evaluateSecurityGroups } from '../ec2/sg-evaluation.ts';
import type { Ec2State } from '../ec2/state.ts';
import type { NetworkView, Reachability } from './network.ts';

/**
 * The network view of an account's EC2: subnets from `ec2.subnets`, and reachability from the load
 * balancer's nodes (private addresses in its subnets, carrying its security groups) to a target by the
 * target's security groups, evaluated by the EC2 engine. A health check needs every node to get through,
 * so each of the load balancer's subnets is checked. Network ACLs are not consulted here.
 */
export function ec2Network(ec2: Ec2State): NetworkView {
  return {
    subnet(id) {
      const s = ec2.subnets[id];
      return s ? { SubnetId: s.SubnetId, AvailabilityZone: s.AvailabilityZone, VpcId: s.VpcId, CidrBlock: s.CidrBlock } : undefined;
    },
    reach(from, target, port): Reachability {
      const instance = ec2.instances[target.Id];
      const groupIds = target.SecurityGroupIds ?? instance?.SecurityGroups.map((g) => g.GroupId);
      if (!groupIds) return { Outcome: 'blocked', Code: 'NO_SECURITY_GROUP_INFO', Explanation: `the target \`${target.Id}\` is not an instance of this account, so its security groups are not known` };
      if (instance && instance.State.Name !== 'running') return { Outcome: 'blocked', Code: 'INSTANCE_NOT_RUNNING', Explanation: `the instance \`${target.Id}\` is ${instance.State.Name}` };
      for (const subnetId of from.SubnetIds) {
        const subnet = ec2.subnets[subnetId];
        const remote = subnet ? parseCidr(subnet.CidrBlock) : undefined;
        if (!remote) return { Outcome: 'blocked', Code: 'SUBNET_NOT_FOUND', Explanation: `the load balancer's subnet \`${subnetId}\` does not exist` };
        const decision = evaluateSecurityGroups(ec2, groupIds, 'ingress', { remote, remoteGroupIds: from.SecurityGroupIds, protocol: 'tcp', port });
        if (decision.decision === 'deny') {
          return {
            Outcome: 'blocked',
            Code: 'ENI_SG_RULES_MISMATCH',
            Explanation: `no inbound rule of ${groupIds.map((g) => `\`${g}\``).join(', ')} admits TCP port ${port} from the load balancer's nodes in \`${subnetId}\` (${subnet?.CidrBlock}) or its security groups ${from.SecurityGroupIds.map((g) => `\`${g}\``).join(', ') || '(none)'}`,
          };
        }
      }
      return { Outcome: 'reachable', Explanation: `the security groups of \`${target.Id}\` admit TCP port ${port} from the load balancer` };
    },
  };
}
