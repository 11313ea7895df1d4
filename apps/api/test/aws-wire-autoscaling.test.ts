import {
  AutoScalingClient,
  CreateAutoScalingGroupCommand,
  DescribeAutoScalingGroupsCommand,
  DescribePoliciesCommand,
  DescribeScalingActivitiesCommand,
  PutScalingPolicyCommand,
  SetDesiredCapacityCommand,
  SuspendProcessesCommand,
} from '@aws-sdk/client-auto-scaling';
import { DescribeLoadBalancersCommand, ElasticLoadBalancingV2Client } from '@aws-sdk/client-elastic-load-balancing-v2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { failure, startAwsAttempt, type AwsAttempt } from './support/aws-attempt.ts';

// The real Auto Scaling SDK client (Query protocol, 2011-01-01) against the Node server, in a lab whose setup
// has a VPC with subnets in two zones and the launch template `web`.

let attempt: AwsAttempt;
let asg: AutoScalingClient;
let subnets: string;

beforeAll(async () => {
  attempt = await startAwsAttempt('asg-two-az-elb-health-checks');
  asg = new AutoScalingClient(attempt.clientConfig());
  const elb = new ElasticLoadBalancingV2Client(attempt.clientConfig());
  // The setup's load balancer sits in the two public subnets: their ids, without an EC2 call.
  const lb = (await elb.send(new DescribeLoadBalancersCommand({}))).LoadBalancers![0]!;
  subnets = lb.AvailabilityZones!.map((z) => z.SubnetId!).join(',');
});

afterAll(async () => {
  await attempt.close();
});

const createGroup = (name: string, min: number, max: number) =>
  asg.send(new CreateAutoScalingGroupCommand({ AutoScalingGroupName: name, LaunchTemplate: { LaunchTemplateName: 'web', Version: '$Default' }, MinSize: min, MaxSize: max, VPCZoneIdentifier: subnets }));

describe('Auto Scaling over the wire', () => {
  it('creates a group from a launch template, spreads it over both zones and scales it', async () => {
    await createGroup('api-asg', 2, 4);
    const group = (await asg.send(new DescribeAutoScalingGroupsCommand({ AutoScalingGroupNames: ['api-asg'] }))).AutoScalingGroups![0]!;
    expect(group).toMatchObject({ AutoScalingGroupName: 'api-asg', MinSize: 2, MaxSize: 4, DesiredCapacity: 2, HealthCheckType: 'EC2', LaunchTemplate: { LaunchTemplateName: 'web', Version: '$Default' } });
    expect(group.AutoScalingGroupARN).toMatch(/^arn:aws:autoscaling:us-east-1:\d{12}:autoScalingGroup:[^:]+:autoScalingGroupName\/api-asg$/);
    expect(group.CreatedTime).toBeInstanceOf(Date);
    expect(group.AvailabilityZones!.sort()).toEqual(['us-east-1a', 'us-east-1b']);
    expect(group.Instances).toHaveLength(2);
    expect(new Set(group.Instances!.map((i) => i.AvailabilityZone))).toEqual(new Set(['us-east-1a', 'us-east-1b']));
    expect(Object.keys(group.Instances![0]!).sort()).toEqual(['AvailabilityZone', 'HealthStatus', 'InstanceId', 'InstanceType', 'LaunchTemplate', 'LifecycleState', 'ProtectedFromScaleIn']);

    const policy = await asg.send(new PutScalingPolicyCommand({
      AutoScalingGroupName: 'api-asg',
      PolicyName: 'cpu-50',
      PolicyType: 'TargetTrackingScaling',
      TargetTrackingConfiguration: { PredefinedMetricSpecification: { PredefinedMetricType: 'ASGAverageCPUUtilization' }, TargetValue: 50 },
    }));
    expect(policy.PolicyARN).toMatch(/:scalingPolicy:[^:]+:autoScalingGroupName\/api-asg:policyName\/cpu-50$/);
    // Target tracking creates and owns its two alarms, one to scale out and one to scale in.
    expect(policy.Alarms!.map((a) => a.AlarmName)).toEqual([expect.stringMatching(/^TargetTracking-api-asg-AlarmHigh-/), expect.stringMatching(/^TargetTracking-api-asg-AlarmLow-/)]);
    const policies = (await asg.send(new DescribePoliciesCommand({ AutoScalingGroupName: 'api-asg' }))).ScalingPolicies!;
    expect(policies).toHaveLength(1);
    expect(policies[0]).toMatchObject({ PolicyName: 'cpu-50', PolicyType: 'TargetTrackingScaling', Enabled: true, TargetTrackingConfiguration: { TargetValue: 50 } });

    await asg.send(new SetDesiredCapacityCommand({ AutoScalingGroupName: 'api-asg', DesiredCapacity: 3 }));
    const activities = (await asg.send(new DescribeScalingActivitiesCommand({ AutoScalingGroupName: 'api-asg' }))).Activities!;
    expect(activities[0]!.Cause).toMatch(/a user request explicitly set group desired capacity changing the desired capacity from 2 to 3/);
    expect(activities[0]!.StartTime).toBeInstanceOf(Date);

    const outside = await failure(asg.send(new SetDesiredCapacityCommand({ AutoScalingGroupName: 'api-asg', DesiredCapacity: 9 })));
    expect(outside).toMatchObject({ name: 'ValidationError', $metadata: { httpStatusCode: 400 } });
    expect(outside.message).toBe('New SetDesiredCapacity value 9 is above max value 4 for the AutoScalingGroup.');
  });

  it('pages DescribeAutoScalingGroups with MaxRecords and NextToken', async () => {
    await createGroup('api-asg-2', 0, 1);
    const names: string[] = [];
    let token: string | undefined;
    do {
      const page = await asg.send(new DescribeAutoScalingGroupsCommand({ MaxRecords: 1, ...(token ? { NextToken: token } : {}) }));
      expect(page.AutoScalingGroups!.length).toBeLessThanOrEqual(1);
      names.push(...page.AutoScalingGroups!.map((g) => g.AutoScalingGroupName!));
      token = page.NextToken;
    } while (token);
    expect(names).toEqual(expect.arrayContaining(['api-asg', 'api-asg-2']));
    expect(new Set(names).size).toBe(names.length);
    expect((await failure(asg.send(new DescribeAutoScalingGroupsCommand({ NextToken: 'forged' })))).name).toBe('InvalidNextToken');
    // A filter the engine would ignore is refused rather than answered with every group.
    const filtered = await failure(asg.send(new DescribeAutoScalingGroupsCommand({ Filters: [{ Name: 'tag:team', Values: ['web'] }] })));
    expect(filtered.message).toBe('the parameter `Filters` is not modelled by the emulator yet');
  });

  it("refuses an IAM user its policy does not allow, in AWS's words", async () => {
    const { arn, keys } = await attempt.restrictedUser('asg-reader', {
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: 'autoscaling:Describe*', Resource: '*' }],
    });
    const reader = new AutoScalingClient(attempt.clientConfig(keys));
    expect((await reader.send(new DescribeAutoScalingGroupsCommand({ AutoScalingGroupNames: ['api-asg'] }))).AutoScalingGroups).toHaveLength(1);
    const denied = await failure(reader.send(new SetDesiredCapacityCommand({ AutoScalingGroupName: 'api-asg', DesiredCapacity: 2 })));
    expect(denied).toMatchObject({ name: 'AccessDenied', $metadata: { httpStatusCode: 403 } });
    expect(denied.message).toMatch(
      new RegExp(`^User: ${arn} is not authorized to perform: autoscaling:SetDesiredCapacity on resource: arn:aws:autoscaling:us-east-1:${attempt.credentials.accountId}:autoScalingGroup:[^:]+:autoScalingGroupName/api-asg because no identity-based policy allows the autoscaling:SetDesiredCapacity action$`),
    );
    const create = await failure(reader.send(new CreateAutoScalingGroupCommand({ AutoScalingGroupName: 'sneaky', LaunchTemplate: { LaunchTemplateName: 'web' }, MinSize: 0, MaxSize: 1, VPCZoneIdentifier: subnets })));
    expect(create.message).toContain(`on resource: arn:aws:autoscaling:us-east-1:${attempt.credentials.accountId}:autoScalingGroup:*:autoScalingGroupName/sneaky because`);
  });

  it('answers an operation the emulator does not model with NotImplemented, never a fake success', async () => {
    const refused = await failure(asg.send(new SuspendProcessesCommand({ AutoScalingGroupName: 'api-asg', ScalingProcesses: ['Launch'] })));
    expect(refused).toMatchObject({ name: 'NotImplemented', $metadata: { httpStatusCode: 501 } });
    expect(refused.message).toBe('the emulated account does not model `autoscaling:SuspendProcesses` yet');
  });
});
