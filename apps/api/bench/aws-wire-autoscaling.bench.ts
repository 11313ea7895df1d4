// `npm run bench` (apps/api): Auto Scaling over the wire, one read and one write, with the real SDK client.
import { AutoScalingClient, CreateAutoScalingGroupCommand, DescribeAutoScalingGroupsCommand, UpdateAutoScalingGroupCommand } from '@aws-sdk/client-auto-scaling';
import { DescribeLoadBalancersCommand, ElasticLoadBalancingV2Client } from '@aws-sdk/client-elastic-load-balancing-v2';
import { startAwsAttempt } from '../test/support/aws-attempt.ts';
import { roundTrips } from './aws-wire-rate.ts';

const attempt = await startAwsAttempt('asg-two-az-elb-health-checks');
const asg = new AutoScalingClient(attempt.clientConfig());
const lb = (await new ElasticLoadBalancingV2Client(attempt.clientConfig()).send(new DescribeLoadBalancersCommand({}))).LoadBalancers![0]!;
const subnets = lb.AvailabilityZones!.map((z) => z.SubnetId!).join(',');
await asg.send(new CreateAutoScalingGroupCommand({ AutoScalingGroupName: 'bench', LaunchTemplate: { LaunchTemplateName: 'web' }, MinSize: 2, MaxSize: 4, VPCZoneIdentifier: subnets }));
await roundTrips('Auto Scaling DescribeAutoScalingGroups (read)', 300, () => asg.send(new DescribeAutoScalingGroupsCommand({ AutoScalingGroupNames: ['bench'] })));
// Alternating values, so every call changes and stores the account (without launching instances).
await roundTrips('Auto Scaling UpdateAutoScalingGroup (write)', 300, (i) => asg.send(new UpdateAutoScalingGroupCommand({ AutoScalingGroupName: 'bench', HealthCheckGracePeriod: 300 + (i % 2) })));
await attempt.close();
