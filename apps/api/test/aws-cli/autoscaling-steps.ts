import { expect } from 'vitest';

// Auto Scaling with the AWS CLI (Query protocol): a group from the lab's launch template in its two public
// subnets, a target tracking policy, and a capacity outside the group's bounds. The shape is `CliSession` of
// `./session.ts`.
interface Context {
  vars: Record<string, string>;
}

export const session = {
  lab: 'asg-two-az-elb-health-checks',
  steps: [
    {
      name: "finds the lab's two public subnets",
      args: ['elbv2', 'describe-load-balancers'],
      expect: (json: unknown, { vars }: Context) => {
        vars.subnets = (json as { LoadBalancers: { AvailabilityZones: { SubnetId: string }[] }[] }).LoadBalancers[0]!.AvailabilityZones.map((z) => z.SubnetId).join(',');
      },
    },
    {
      name: 'creates a group of two from the launch template',
      args: ({ vars }: Context) => ['autoscaling', 'create-auto-scaling-group', '--auto-scaling-group-name', 'api-asg', '--launch-template', 'LaunchTemplateName=web', '--min-size', '2', '--max-size', '4', '--vpc-zone-identifier', vars.subnets ?? ''],
    },
    {
      name: 'spreads its instances over both zones',
      args: ['autoscaling', 'describe-auto-scaling-groups', '--auto-scaling-group-names', 'api-asg'],
      expect: (json: unknown) => {
        const [group] = (json as { AutoScalingGroups: { Instances: { AvailabilityZone: string }[] }[] }).AutoScalingGroups;
        expect(group).toMatchObject({ AutoScalingGroupName: 'api-asg', DesiredCapacity: 2 });
        expect(new Set(group!.Instances.map((i) => i.AvailabilityZone))).toEqual(new Set(['us-east-1a', 'us-east-1b']));
      },
    },
    {
      name: 'tracks 50% CPU',
      args: ['autoscaling', 'put-scaling-policy', '--auto-scaling-group-name', 'api-asg', '--policy-name', 'cpu-50', '--policy-type', 'TargetTrackingScaling', '--target-tracking-configuration', JSON.stringify({ PredefinedMetricSpecification: { PredefinedMetricType: 'ASGAverageCPUUtilization' }, TargetValue: 50 })],
      expect: (json: unknown) => expect((json as { Alarms: unknown[] }).Alarms).toHaveLength(2),
    },
    { name: 'cannot go past its maximum', args: ['autoscaling', 'set-desired-capacity', '--auto-scaling-group-name', 'api-asg', '--desired-capacity', '9'], error: 'ValidationError' },
  ],
};
