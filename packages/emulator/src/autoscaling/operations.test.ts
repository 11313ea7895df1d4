import { describe, expect, it } from 'vitest';
import { emptyCloudWatchState } from '../cloudwatch/state.ts';
import type { Ctx } from '../ctx.ts';
import { createLaunchTemplate, createLaunchTemplateVersion, modifyLaunchTemplate } from '../ec2/launch-template-operations.ts';
import { emptyEc2State } from '../ec2/state.ts';
import { openNetwork, type NetworkCtx } from '../elbv2/network.ts';
import {
  createAutoScalingGroup,
  deleteAutoScalingGroup,
  deletePolicy,
  describeAutoScalingGroups,
  describeScalingActivities,
  putScalingPolicy,
  putScheduledUpdateGroupAction,
  setDesiredCapacity,
  updateAutoScalingGroup,
} from './operations.ts';
import { emptyAutoScalingState, type AutoScalingAccount } from './state.ts';

const T0 = Date.UTC(2024, 0, 8);

function setup() {
  let n = 0;
  const base: Ctx = { clock: { now: () => T0 }, ids: { next: (p) => `${p}${(++n).toString(16).padStart(17, '0')}` }, accountId: '123456789012', region: 'us-east-1' };
  const ctx: NetworkCtx = { ...base, network: openNetwork([{ SubnetId: 'subnet-a', AvailabilityZone: 'us-east-1a', VpcId: 'v' }, { SubnetId: 'subnet-b', AvailabilityZone: 'us-east-1b', VpcId: 'v' }]) };
  const state: AutoScalingAccount = {
    autoscaling: emptyAutoScalingState(),
    cloudwatch: emptyCloudWatchState(),
    ec2: { launchTemplates: { 'lt-1': { LaunchTemplateId: 'lt-1', LaunchTemplateName: 'web', DefaultVersionNumber: 1, LatestVersionNumber: 2, CreateTime: '', Versions: [{ VersionNumber: 1, CreateTime: '', LaunchTemplateData: { InstanceType: 't3.micro' } }, { VersionNumber: 2, CreateTime: '', LaunchTemplateData: { InstanceType: 'm5.large' } }] } } },
  };
  createAutoScalingGroup(state, { AutoScalingGroupName: 'web', LaunchTemplate: { LaunchTemplateName: 'web', Version: '$Latest' }, MinSize: 1, MaxSize: 4, DesiredCapacity: 2, VPCZoneIdentifier: 'subnet-a,subnet-b' }, ctx);
  return { state, ctx };
}

describe('auto scaling operations', () => {
  it('resolves `$Default`, `$Latest` and numbers with EC2\'s own launch templates, and reports a missing version as a ValidationError', () => {
    const { ctx } = setup();
    const state = { autoscaling: emptyAutoScalingState(), cloudwatch: emptyCloudWatchState(), ec2: emptyEc2State() };
    const { LaunchTemplateId } = createLaunchTemplate(state, { LaunchTemplateName: 'app', LaunchTemplateData: { InstanceType: 't3.micro' } }, ctx).LaunchTemplate;
    createLaunchTemplateVersion(state, { LaunchTemplateId, LaunchTemplateData: { InstanceType: 'm5.large' } }, ctx);
    createLaunchTemplateVersion(state, { LaunchTemplateId, LaunchTemplateData: { InstanceType: 'c5.large' } }, ctx);
    // ModifyLaunchTemplate moves `$Default` to version 2 while `$Latest` is 3 (ec2-launch-templates.html, "Set the default version").
    modifyLaunchTemplate(state, { LaunchTemplateId, DefaultVersion: '2' });
    // Only the templates: with EC2's network the instances would also be launched in EC2 (ec2-instances.test.ts).
    const account = { autoscaling: state.autoscaling, cloudwatch: state.cloudwatch, ec2: { launchTemplates: state.ec2.launchTemplates } };
    const launched = (name: string, Version?: string) => {
      createAutoScalingGroup(account, { AutoScalingGroupName: name, LaunchTemplate: { LaunchTemplateName: 'app', ...(Version ? { Version } : {}) }, MinSize: 1, MaxSize: 1, VPCZoneIdentifier: 'subnet-a' }, ctx);
      return account.autoscaling.groups[name]!.Instances.map((i) => [i.InstanceType, i.LaunchTemplate.Version])[0];
    };
    expect(launched('default')).toEqual(['m5.large', '2']);
    expect(launched('default-named', '$Default')).toEqual(['m5.large', '2']);
    expect(launched('latest', '$Latest')).toEqual(['c5.large', '3']);
    expect(launched('first', '1')).toEqual(['t3.micro', '1']);
    expect(() => launched('missing', '7')).toThrow(expect.objectContaining({ code: 'ValidationError', message: expect.stringMatching(/^You must use a valid fully-formed launch template\. version `7` of launch template `lt-\w+` does not exist$/) }));
  });

  it('launches the desired instances across zones from the resolved template version, with AWS activity wording', () => {
    const { state, ctx } = setup();
    const group = describeAutoScalingGroups(state, {}, ctx).AutoScalingGroups[0]!;
    expect(group.Instances.map((i) => [i.AvailabilityZone, i.InstanceType, i.LaunchTemplate.Version])).toEqual([['us-east-1a', 'm5.large', '2'], ['us-east-1b', 'm5.large', '2']]);
    expect(describeScalingActivities(state, {}, ctx).Activities[0]?.Cause).toBe(
      'At 2024-01-08T00:00:00Z a user request created an AutoScalingGroup changing the desired capacity from 0 to 2. At 2024-01-08T00:00:00Z an instance was started in response to a difference between desired and actual capacity, increasing the capacity from 0 to 2.',
    );
  });

  it('moves desired capacity into new bounds when only min or max changes, and terminates from the fullest zone', () => {
    const { state, ctx } = setup();
    setDesiredCapacity(state, { AutoScalingGroupName: 'web', DesiredCapacity: 3 }, ctx);
    updateAutoScalingGroup(state, { AutoScalingGroupName: 'web', MaxSize: 1 }, ctx);
    const group = state.autoscaling.groups.web!;
    expect([group.DesiredCapacity, group.Instances.length]).toEqual([1, 1]);
    expect(describeScalingActivities(state, {}, ctx).Activities[0]?.Cause).toMatch(/selected for termination \(us-east-1\w has the most instances/);
  });

  const failures: { name: string; run(s: ReturnType<typeof setup>): unknown; code: string; message?: RegExp }[] = [
    { name: 'a duplicate group', run: ({ state, ctx }) => createAutoScalingGroup(state, { AutoScalingGroupName: 'web', LaunchTemplate: { LaunchTemplateName: 'web' }, MinSize: 0, MaxSize: 1, AvailabilityZones: ['us-east-1a'] }, ctx), code: 'AlreadyExists' },
    { name: 'desired above max', run: ({ state, ctx }) => createAutoScalingGroup(state, { AutoScalingGroupName: 'x', LaunchTemplate: { LaunchTemplateName: 'web' }, MinSize: 1, MaxSize: 3, DesiredCapacity: 5, AvailabilityZones: ['us-east-1a'] }, ctx), code: 'ValidationError', message: /Desired capacity:5 must be between the specified min size:1 and max size:3/ },
    { name: 'min above max', run: ({ state, ctx }) => createAutoScalingGroup(state, { AutoScalingGroupName: 'x', LaunchTemplate: { LaunchTemplateName: 'web' }, MinSize: 4, MaxSize: 3, AvailabilityZones: ['us-east-1a'] }, ctx), code: 'ValidationError' },
    { name: 'a missing launch template', run: ({ state, ctx }) => createAutoScalingGroup(state, { AutoScalingGroupName: 'x', LaunchTemplate: { LaunchTemplateName: 'nope' }, MinSize: 0, MaxSize: 1, AvailabilityZones: ['us-east-1a'] }, ctx), code: 'ValidationError' },
    { name: 'a missing template version', run: ({ state, ctx }) => createAutoScalingGroup(state, { AutoScalingGroupName: 'x', LaunchTemplate: { LaunchTemplateName: 'web', Version: '9' }, MinSize: 0, MaxSize: 1, AvailabilityZones: ['us-east-1a'] }, ctx), code: 'ValidationError' },
    { name: 'an unmodelled termination policy', run: ({ state, ctx }) => createAutoScalingGroup(state, { AutoScalingGroupName: 'x', LaunchTemplate: { LaunchTemplateName: 'web' }, MinSize: 0, MaxSize: 1, AvailabilityZones: ['us-east-1a'], TerminationPolicies: ['AllocationStrategy'] }, ctx), code: 'ValidationError' },
    { name: 'SetDesiredCapacity above max', run: ({ state, ctx }) => setDesiredCapacity(state, { AutoScalingGroupName: 'web', DesiredCapacity: 9 }, ctx), code: 'ValidationError' },
    { name: 'overlapping step adjustments', run: ({ state, ctx }) => putScalingPolicy(state, { AutoScalingGroupName: 'web', PolicyName: 'p', PolicyType: 'StepScaling', AdjustmentType: 'ChangeInCapacity', StepAdjustments: [{ MetricIntervalLowerBound: 0, MetricIntervalUpperBound: 20, ScalingAdjustment: 1 }, { MetricIntervalLowerBound: 10, ScalingAdjustment: 2 }] }, ctx), code: 'ValidationError', message: /overlap/ },
    { name: 'a gap between step adjustments', run: ({ state, ctx }) => putScalingPolicy(state, { AutoScalingGroupName: 'web', PolicyName: 'p', PolicyType: 'StepScaling', AdjustmentType: 'ChangeInCapacity', StepAdjustments: [{ MetricIntervalLowerBound: 0, MetricIntervalUpperBound: 10, ScalingAdjustment: 1 }, { MetricIntervalLowerBound: 20, ScalingAdjustment: 2 }] }, ctx), code: 'ValidationError', message: /gap/ },
    { name: 'MinAdjustmentMagnitude without a percentage', run: ({ state, ctx }) => putScalingPolicy(state, { AutoScalingGroupName: 'web', PolicyName: 'p', AdjustmentType: 'ChangeInCapacity', ScalingAdjustment: 1, MinAdjustmentMagnitude: 2 }, ctx), code: 'ValidationError' },
    { name: 'a cooldown on a step policy', run: ({ state, ctx }) => putScalingPolicy(state, { AutoScalingGroupName: 'web', PolicyName: 'p', PolicyType: 'StepScaling', AdjustmentType: 'ChangeInCapacity', Cooldown: 60, StepAdjustments: [{ MetricIntervalLowerBound: 0, ScalingAdjustment: 1 }] }, ctx), code: 'ValidationError' },
    { name: 'predictive scaling (not modelled)', run: ({ state, ctx }) => putScalingPolicy(state, { AutoScalingGroupName: 'web', PolicyName: 'p', PolicyType: 'PredictiveScaling' }, ctx), code: 'ValidationError' },
    { name: 'ALBRequestCountPerTarget without a resource label', run: ({ state, ctx }) => putScalingPolicy(state, { AutoScalingGroupName: 'web', PolicyName: 'p', PolicyType: 'TargetTrackingScaling', TargetTrackingConfiguration: { PredefinedMetricSpecification: { PredefinedMetricType: 'ALBRequestCountPerTarget' }, TargetValue: 100 } }, ctx), code: 'ValidationError' },
    { name: 'a malformed recurrence', run: ({ state, ctx }) => putScheduledUpdateGroupAction(state, { AutoScalingGroupName: 'web', ScheduledActionName: 's', Recurrence: '0 25 * * *', MinSize: 1 }, ctx), code: 'ValidationError' },
    { name: 'an unknown time zone', run: ({ state, ctx }) => putScheduledUpdateGroupAction(state, { AutoScalingGroupName: 'web', ScheduledActionName: 's', Recurrence: '0 9 * * *', TimeZone: 'Mars/Olympus', MinSize: 1 }, ctx), code: 'ValidationError' },
    { name: 'a scheduled action without sizes', run: ({ state, ctx }) => putScheduledUpdateGroupAction(state, { AutoScalingGroupName: 'web', ScheduledActionName: 's', StartTime: '2024-02-01T00:00:00Z' }, ctx), code: 'ValidationError' },
    { name: 'deleting a group with instances', run: ({ state, ctx }) => deleteAutoScalingGroup(state, { AutoScalingGroupName: 'web' }, ctx), code: 'ResourceInUse' },
  ];
  it.each(failures)('rejects $name', ({ run, code, message }) => {
    const s = setup();
    expect(() => run(s)).toThrow(expect.objectContaining({ code, ...(message ? { message: expect.stringMatching(message) } : {}) }));
  });

  it('creates target tracking alarms with the policy and deletes them with it', () => {
    const { state, ctx } = setup();
    putScalingPolicy(state, { AutoScalingGroupName: 'web', PolicyName: 'cpu', PolicyType: 'TargetTrackingScaling', TargetTrackingConfiguration: { PredefinedMetricSpecification: { PredefinedMetricType: 'ASGAverageCPUUtilization' }, TargetValue: 40 } }, ctx);
    const alarms = Object.values(state.cloudwatch.alarms);
    expect(alarms.map((a) => [a.EvaluationPeriods, a.Threshold, a.ComparisonOperator])).toEqual([[3, 40, 'GreaterThanThreshold'], [15, 36, 'LessThanThreshold']]);
    deletePolicy(state, { AutoScalingGroupName: 'web', PolicyName: 'cpu' }, ctx);
    expect(state.cloudwatch.alarms).toEqual({});
  });
});
