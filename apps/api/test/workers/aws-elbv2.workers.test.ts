import { expect, it } from 'vitest';
import { workerAttempt } from './aws-wire-session.ts';

// ELBv2 over the Query protocol in workerd: a read of the lab's load balancer and a write kept in the attempt.

it('describes the lab’s load balancer and keeps a new target group', async () => {
  const { send, version } = await workerAttempt('asg-two-az-elb-health-checks');
  const described = await send('elasticloadbalancing', 'Action=DescribeLoadBalancers&Version=2015-12-01');
  expect(described.status).toBe(200);
  const vpcId = /<VpcId>(vpc-[0-9a-f]+)<\/VpcId>/.exec(described.text)?.[1];
  expect(vpcId).toBeDefined();
  const before = await version();

  const created = await send('elasticloadbalancing', `Action=CreateTargetGroup&Version=2015-12-01&Name=from-workerd&Protocol=HTTP&Port=8080&VpcId=${vpcId}`);
  expect(created.status).toBe(200);
  expect(created.text).toContain('<TargetGroupName>from-workerd</TargetGroupName>');
  const listed = await send('elasticloadbalancing', 'Action=DescribeTargetGroups&Version=2015-12-01&Names.member.1=from-workerd');
  expect(listed.text).toContain('<Port>8080</Port>');
  expect(await version()).toBe(before + 1);

  const unmodelled = await send('elasticloadbalancing', 'Action=SetSubnets&Version=2015-12-01&LoadBalancerArn=x');
  expect(unmodelled.status).toBe(501);
  expect(unmodelled.text).toContain('<Code>NotImplemented</Code>');
});
