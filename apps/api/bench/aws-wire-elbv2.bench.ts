// `npm run bench` (apps/api): ELBv2 over the wire, one read and one write, with the real SDK client.
import { CreateTargetGroupCommand, DescribeLoadBalancersCommand, ElasticLoadBalancingV2Client, ModifyTargetGroupAttributesCommand } from '@aws-sdk/client-elastic-load-balancing-v2';
import { startAwsAttempt } from '../test/support/aws-attempt.ts';
import { roundTrips } from './aws-wire-rate.ts';

const attempt = await startAwsAttempt('asg-two-az-elb-health-checks');
const elb = new ElasticLoadBalancingV2Client(attempt.clientConfig());
const vpcId = (await elb.send(new DescribeLoadBalancersCommand({}))).LoadBalancers![0]!.VpcId;
const group = (await elb.send(new CreateTargetGroupCommand({ Name: 'bench', Protocol: 'HTTP', Port: 80, VpcId: vpcId }))).TargetGroups![0]!;
await roundTrips('ELBv2 DescribeLoadBalancers (read)', 300, () => elb.send(new DescribeLoadBalancersCommand({})));
// Alternating values, so every call changes and stores the account.
await roundTrips('ELBv2 ModifyTargetGroupAttributes (write)', 300, (i) =>
  elb.send(new ModifyTargetGroupAttributesCommand({ TargetGroupArn: group.TargetGroupArn, Attributes: [{ Key: 'deregistration_delay.timeout_seconds', Value: String(60 + (i % 2)) }] })),
);
await attempt.close();
