import type { Ctx } from '../ctx.ts';
import { AwsError } from '../errors.ts';
import { runInstances, terminateInstances } from '../ec2/instance-operations.ts';
import type { Ec2State } from '../ec2/state.ts';
import type { InstanceIds } from './capacity.ts';
import type { AutoScalingAccount, GroupInstance } from './state.ts';
import { getRecord } from '../records.ts';

// A group's instances are EC2 instances (https://docs.aws.amazon.com/autoscaling/ec2/userguide/ec2-auto-scaling-lifecycle.html):
// when the account has EC2's network, Auto Scaling launches each one with RunInstances from the group's
// launch template into the zone's subnet, tagged `aws:autoscaling:groupName`, and terminates it with
// TerminateInstances, so DescribeInstances, the reachability analyzer and the exposure report see them.
// Without EC2's network (a lab about scaling alone) the instances exist only in the group.

/** Whether the account carries EC2's network and instances, not only launch templates. */
function ec2Of(account: AutoScalingAccount): Ec2State | undefined {
  const ec2 = account.ec2 as Partial<Ec2State> | undefined;
  return ec2?.subnets && ec2.instances && ec2.networkInterfaces ? (ec2 as Ec2State) : undefined;
}

/** Instance ids for an Auto Scaling operation, launching and terminating the instances in EC2 when the account has it. */
export function groupInstances(account: AutoScalingAccount, ctx: Ctx): InstanceIds {
  const ec2 = ec2Of(account);
  if (!ec2) return ctx.ids;
  const state = { ec2 };
  return {
    next: (prefix) => ctx.ids.next(prefix),
    launch(group, instance: GroupInstance) {
      if (!instance.SubnetId) return undefined;
      // EC2 takes the group's instance id, so both services name the instance alike.
      const launchCtx: Ctx = { ...ctx, ids: { next: (prefix) => (prefix === 'i-' ? instance.InstanceId : ctx.ids.next(prefix)) } };
      try {
        runInstances(
          state,
          { LaunchTemplate: { ...group.LaunchTemplate, Version: instance.LaunchTemplate.Version }, SubnetId: instance.SubnetId, MinCount: 1, MaxCount: 1, TagSpecifications: [{ ResourceType: 'instance', Tags: [{ Key: 'aws:autoscaling:groupName', Value: group.AutoScalingGroupName }] }] },
          launchCtx,
        );
        return undefined;
      } catch (e) {
        if (e instanceof AwsError) return `${e.code}: ${e.message}`;
        throw e;
      }
    },
    terminate(instance) {
      if (getRecord(ec2.instances, instance.InstanceId)) terminateInstances(state, { InstanceIds: [instance.InstanceId] }, ctx);
    },
  };
}
