import { expect, it } from 'vitest';
import { workerAttempt } from './aws-wire-session.ts';

// Auto Scaling over the Query protocol in workerd: a group launched from the lab's template into its subnets.

it('creates a group in the lab’s two zones and describes its instances', async () => {
  const { send, version } = await workerAttempt('asg-two-az-elb-health-checks');
  const lb = await send('elasticloadbalancing', 'Action=DescribeLoadBalancers&Version=2015-12-01');
  const subnets = [...lb.text.matchAll(/<SubnetId>(subnet-[0-9a-f]+)<\/SubnetId>/g)].map((m) => m[1]);
  expect(subnets).toHaveLength(2);
  const before = await version();

  const params = new URLSearchParams({
    Action: 'CreateAutoScalingGroup',
    Version: '2011-01-01',
    AutoScalingGroupName: 'from-workerd',
    'LaunchTemplate.LaunchTemplateName': 'web',
    MinSize: '2',
    MaxSize: '3',
    VPCZoneIdentifier: subnets.join(','),
  });
  expect((await send('autoscaling', params.toString())).status).toBe(200);
  const described = await send('autoscaling', 'Action=DescribeAutoScalingGroups&Version=2011-01-01&AutoScalingGroupNames.member.1=from-workerd');
  expect(described.status).toBe(200);
  expect([...described.text.matchAll(/<LifecycleState>/g)]).toHaveLength(2);
  expect(await version()).toBe(before + 1);
});
