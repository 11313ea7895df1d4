import type { AccountState } from '@skylab/emulator';
import { iamView } from './account-view/iam-view.ts';
import { loadBalancerViews, targetGroupViews } from './account-view/load-balancing-view.ts';
import { alarmViews, autoScalingGroupViews, bucketViews } from './account-view/operations-view.ts';
import type { AccountView } from './account-view/types.ts';
import { vpcViews } from './account-view/vpc-view.ts';

/**
 * The account as a read-only console shows it: IAM with its documents, VPCs with their subnets by
 * Availability Zone, load balancers, Auto Scaling groups, alarms and buckets. Built field by field from
 * the state, so no secret in it (access key secrets, passwords, session credentials, object bodies, user
 * data) can reach the learner's screen.
 */
export function accountView(state: AccountState): AccountView {
  return {
    Iam: iamView(state),
    Vpcs: vpcViews(state),
    LoadBalancers: loadBalancerViews(state),
    TargetGroups: targetGroupViews(state),
    AutoScalingGroups: autoScalingGroupViews(state),
    Alarms: alarmViews(state),
    Buckets: bucketViews(state),
  };
}
