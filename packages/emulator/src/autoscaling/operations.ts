import type { NetworkCtx } from '../elbv2/network.ts';
import { putMetricAlarm, deleteAlarms } from '../cloudwatch/alarms.ts';
import { causeTime, reconcileCapacity, resolveGroupTemplate } from './capacity.ts';
import { parseCron, validateTimeZone } from './cron.ts';
import { groupInstances } from './ec2-instances.ts';
import { rebalanceZones } from './rebalance.ts';
import { AlreadyExists, ResourceInUse, ValidationError } from './errors.ts';
import { targetTrackingAlarms, validateStepAdjustments } from './scaling.ts';
import type { Activity, AutoScalingAccount, AutoScalingGroup, LaunchTemplateSpecification, ScalingPolicy, ScheduledUpdateGroupAction, TerminationPolicy } from './state.ts';
import { deleteRecord, getRecord, setRecord } from '../records.ts';

// One function per EC2 Auto Scaling action (https://docs.aws.amazon.com/autoscaling/ec2/APIReference/API_Operations.html).

const q = (s: string | number) => `\`${s}\``;
const TERMINATION_POLICIES: TerminationPolicy[] = ['Default', 'OldestInstance', 'NewestInstance', 'OldestLaunchTemplate', 'ClosestToNextInstanceHour'];

function groupOf(state: AutoScalingAccount, name: string): AutoScalingGroup {
  const group = getRecord(state.autoscaling.groups, name);
  if (!group) throw new ValidationError(`AutoScalingGroup name not found - AutoScalingGroup ${name} not found`);
  return group;
}

// Desired capacity must lie within [MinSize, MaxSize] (API_CreateAutoScalingGroup).
function checkSizes(min: number, max: number, desired: number): void {
  for (const [name, v] of [['MinSize', min], ['MaxSize', max], ['DesiredCapacity', desired]] as const) {
    if (!Number.isInteger(v) || v < 0) throw new ValidationError(`${name} must be a non-negative integer, got ${v}`);
  }
  if (min > max) throw new ValidationError(`the min size (${min}) must not be greater than the max size (${max})`);
  if (desired < min || desired > max) throw new ValidationError(`Desired capacity:${desired} must be between the specified min size:${min} and max size:${max}`);
}

function subnetZones(ids: string[], ctx: NetworkCtx): Map<string, string> {
  if (!ctx.network) throw new ValidationError('no network is attached, so the subnets of `VPCZoneIdentifier` cannot be looked up');
  const zones = new Map<string, string>();
  for (const id of ids) {
    const subnet = ctx.network.subnet(id);
    if (!subnet) throw new ValidationError(`The subnet ID '${id}' does not exist`);
    if (!zones.has(subnet.AvailabilityZone)) zones.set(subnet.AvailabilityZone, id);
  }
  return zones;
}

/** The zone → subnet map of a group, for launching. */
export function groupSubnets(group: AutoScalingGroup, ctx: Pick<NetworkCtx, 'network'>): Map<string, string> {
  const ids = (group.VPCZoneIdentifier ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  const zones = new Map<string, string>();
  for (const id of ids) {
    const zone = ctx.network?.subnet(id)?.AvailabilityZone;
    if (zone && !zones.has(zone)) zones.set(zone, id);
  }
  return zones;
}

function checkLaunchTemplate(state: AutoScalingAccount, spec: LaunchTemplateSpecification | undefined): LaunchTemplateSpecification {
  if (!spec || (spec.LaunchTemplateId === undefined) === (spec.LaunchTemplateName === undefined)) throw new ValidationError('a launch template is required: give exactly one of `LaunchTemplateId` and `LaunchTemplateName`');
  if (spec.Version !== undefined && !/^(\$Latest|\$Default|\d+)$/.test(spec.Version)) throw new ValidationError(`the launch template version ${q(spec.Version)} must be a number, \`$Latest\` or \`$Default\``);
  if (state.ec2 && !resolveGroupTemplate(state, spec)) throw new ValidationError(`You must use a valid fully-formed launch template. The launch template ${spec.LaunchTemplateId ?? spec.LaunchTemplateName} does not exist`);
  return spec;
}

/** The input of CreateAutoScalingGroup (the modelled parameters). */
export interface CreateAutoScalingGroupInput {
  AutoScalingGroupName: string;
  LaunchTemplate: LaunchTemplateSpecification;
  MinSize: number;
  MaxSize: number;
  DesiredCapacity?: number;
  DefaultCooldown?: number;
  DefaultInstanceWarmup?: number;
  AvailabilityZones?: string[];
  VPCZoneIdentifier?: string;
  TargetGroupARNs?: string[];
  HealthCheckType?: 'EC2' | 'ELB';
  HealthCheckGracePeriod?: number;
  TerminationPolicies?: string[];
  NewInstancesProtectedFromScaleIn?: boolean;
}

/** CreateAutoScalingGroup: validated sizes, subnets across zones, and the first instances launched. */
export function createAutoScalingGroup(state: AutoScalingAccount, input: CreateAutoScalingGroupInput, ctx: NetworkCtx): Record<string, never> {
  if (!/^[\S ]{1,255}$/.test(input.AutoScalingGroupName) || input.AutoScalingGroupName.includes(':')) throw new ValidationError('the group name must be 1 to 255 characters without `:`');
  if (getRecord(state.autoscaling.groups, input.AutoScalingGroupName)) throw new AlreadyExists(`AutoScalingGroup by this name already exists - A group with the name ${input.AutoScalingGroupName} already exists`);
  const desired = input.DesiredCapacity ?? input.MinSize;
  checkSizes(input.MinSize, input.MaxSize, desired);
  const launchTemplate = checkLaunchTemplate(state, input.LaunchTemplate);
  let zones: string[];
  if (input.VPCZoneIdentifier) zones = [...subnetZones(input.VPCZoneIdentifier.split(',').map((s) => s.trim()), ctx).keys()];
  else if (input.AvailabilityZones && input.AvailabilityZones.length > 0) zones = input.AvailabilityZones;
  else throw new ValidationError('At least one Availability Zone or VPC Subnet is required');
  const healthCheckType = input.HealthCheckType ?? 'EC2';
  if (healthCheckType !== 'EC2' && healthCheckType !== 'ELB') throw new ValidationError(`the health check type ${q(healthCheckType)} must be EC2 or ELB`);
  for (const arn of input.TargetGroupARNs ?? []) {
    if (state.elbv2 && !getRecord(state.elbv2.targetGroups, arn)) throw new ValidationError(`the target group ${q(arn)} does not exist`);
  }
  const policies = (input.TerminationPolicies ?? ['Default']).map((p) => {
    if (!TERMINATION_POLICIES.includes(p as TerminationPolicy)) throw new ValidationError(`the termination policy ${q(p)} is not modelled: use one of ${TERMINATION_POLICIES.join(', ')}`);
    return p as TerminationPolicy;
  });
  const now = ctx.clock.now();
  const group: AutoScalingGroup = {
    AutoScalingGroupName: input.AutoScalingGroupName,
    AutoScalingGroupARN: `arn:aws:autoscaling:${ctx.region}:${ctx.accountId}:autoScalingGroup:${ctx.ids.next('')}:autoScalingGroupName/${input.AutoScalingGroupName}`,
    LaunchTemplate: launchTemplate,
    MinSize: input.MinSize,
    MaxSize: input.MaxSize,
    DesiredCapacity: desired,
    DefaultCooldown: input.DefaultCooldown ?? 300,
    ...(input.DefaultInstanceWarmup !== undefined ? { DefaultInstanceWarmup: input.DefaultInstanceWarmup } : {}),
    AvailabilityZones: zones,
    ...(input.VPCZoneIdentifier !== undefined ? { VPCZoneIdentifier: input.VPCZoneIdentifier } : {}),
    TargetGroupARNs: input.TargetGroupARNs ?? [],
    HealthCheckType: healthCheckType,
    HealthCheckGracePeriod: input.HealthCheckGracePeriod ?? 0,
    TerminationPolicies: policies,
    NewInstancesProtectedFromScaleIn: input.NewInstancesProtectedFromScaleIn ?? false,
    Instances: [],
    CreatedTime: new Date(now).toISOString(),
  };
  setRecord(state.autoscaling.groups, group.AutoScalingGroupName, group);
  reconcileCapacity(state, group, now, groupInstances(state, ctx), groupSubnets(group, ctx), `At ${causeTime(now)} a user request created an AutoScalingGroup changing the desired capacity from 0 to ${desired}. `);
  return {};
}

/** UpdateAutoScalingGroup: sizes (desired clamped into the new bounds when not given), health checks, cooldown, and zones (rebalanced). */
export function updateAutoScalingGroup(state: AutoScalingAccount, input: Partial<CreateAutoScalingGroupInput> & { AutoScalingGroupName: string }, ctx: NetworkCtx): Record<string, never> {
  const group = groupOf(state, input.AutoScalingGroupName);
  const min = input.MinSize ?? group.MinSize;
  const max = input.MaxSize ?? group.MaxSize;
  // Changing only min or max moves the desired capacity into the new range.
  const desired = input.DesiredCapacity ?? Math.min(max, Math.max(min, group.DesiredCapacity));
  checkSizes(min, max, desired);
  if (input.LaunchTemplate) group.LaunchTemplate = checkLaunchTemplate(state, input.LaunchTemplate);
  if (input.HealthCheckType !== undefined) group.HealthCheckType = input.HealthCheckType;
  if (input.HealthCheckGracePeriod !== undefined) group.HealthCheckGracePeriod = input.HealthCheckGracePeriod;
  if (input.DefaultCooldown !== undefined) group.DefaultCooldown = input.DefaultCooldown;
  if (input.DefaultInstanceWarmup !== undefined) group.DefaultInstanceWarmup = input.DefaultInstanceWarmup;
  // New subnets or zones move instances: those outside are replaced, and the zones are evened out.
  const zonesBefore = group.AvailabilityZones.join(',');
  if (input.VPCZoneIdentifier !== undefined) {
    group.AvailabilityZones = [...subnetZones(input.VPCZoneIdentifier.split(',').map((s) => s.trim()), ctx).keys()];
    group.VPCZoneIdentifier = input.VPCZoneIdentifier;
  } else if (input.AvailabilityZones !== undefined && input.AvailabilityZones.length > 0) group.AvailabilityZones = input.AvailabilityZones;
  const from = group.DesiredCapacity;
  Object.assign(group, { MinSize: min, MaxSize: max, DesiredCapacity: desired });
  const now = ctx.clock.now();
  const subnets = groupSubnets(group, ctx);
  reconcileCapacity(state, group, now, groupInstances(state, ctx), subnets, `At ${causeTime(now)} a user request update of AutoScalingGroup constraints to min: ${min}, max: ${max}, desired: ${desired} changing the desired capacity from ${from} to ${desired}. `);
  if (group.AvailabilityZones.join(',') !== zonesBefore) rebalanceZones(state, group, now, groupInstances(state, ctx), subnets);
  return {};
}

/** SetDesiredCapacity within [MinSize, MaxSize]. */
export function setDesiredCapacity(state: AutoScalingAccount, input: { AutoScalingGroupName: string; DesiredCapacity: number; HonorCooldown?: boolean }, ctx: NetworkCtx): Record<string, never> {
  const group = groupOf(state, input.AutoScalingGroupName);
  if (input.DesiredCapacity < group.MinSize || input.DesiredCapacity > group.MaxSize) {
    throw new ValidationError(`New SetDesiredCapacity value ${input.DesiredCapacity} is ${input.DesiredCapacity < group.MinSize ? 'below min value' : 'above max value'} ${input.DesiredCapacity < group.MinSize ? group.MinSize : group.MaxSize} for the AutoScalingGroup.`);
  }
  const from = group.DesiredCapacity;
  group.DesiredCapacity = input.DesiredCapacity;
  const now = ctx.clock.now();
  reconcileCapacity(state, group, now, groupInstances(state, ctx), groupSubnets(group, ctx), `At ${causeTime(now)} a user request explicitly set group desired capacity changing the desired capacity from ${from} to ${input.DesiredCapacity}. `);
  return {};
}

/** DescribeAutoScalingGroups. */
export function describeAutoScalingGroups(state: AutoScalingAccount, input: { AutoScalingGroupNames?: string[] }, _ctx: NetworkCtx): { AutoScalingGroups: AutoScalingGroup[] } {
  return { AutoScalingGroups: Object.values(state.autoscaling.groups).filter((g) => input.AutoScalingGroupNames === undefined || input.AutoScalingGroupNames.includes(g.AutoScalingGroupName)) };
}

/** DeleteAutoScalingGroup: refused while instances remain unless ForceDelete; its policies and their alarms go too. */
export function deleteAutoScalingGroup(state: AutoScalingAccount, input: { AutoScalingGroupName: string; ForceDelete?: boolean }, ctx: NetworkCtx): Record<string, never> {
  const group = groupOf(state, input.AutoScalingGroupName);
  if (group.Instances.length > 0 && !input.ForceDelete) throw new ResourceInUse(`You cannot delete an AutoScalingGroup while there are instances or pending Spot instance request(s) still in the group`);
  // ForceDelete terminates the group's instances with it.
  const instances = groupInstances(state, ctx);
  for (const instance of group.Instances) instances.terminate?.(instance);
  for (const policy of Object.values(state.autoscaling.policies)) if (policy.AutoScalingGroupName === group.AutoScalingGroupName) deletePolicy(state, { AutoScalingGroupName: group.AutoScalingGroupName, PolicyName: policy.PolicyName }, ctx);
  for (const [key, action] of Object.entries(state.autoscaling.scheduledActions)) if (action.AutoScalingGroupName === group.AutoScalingGroupName) deleteRecord(state.autoscaling.scheduledActions, key);
  deleteRecord(state.autoscaling.groups, group.AutoScalingGroupName);
  return {};
}

/** SetInstanceHealth: an Unhealthy instance is replaced at the next health check. */
export function setInstanceHealth(state: AutoScalingAccount, input: { InstanceId: string; HealthStatus: 'Healthy' | 'Unhealthy' }, _ctx: NetworkCtx): Record<string, never> {
  for (const group of Object.values(state.autoscaling.groups)) {
    const instance = group.Instances.find((i) => i.InstanceId === input.InstanceId);
    if (instance) {
      instance.HealthStatus = input.HealthStatus;
      return {};
    }
  }
  throw new ValidationError(`Instance Id not found - No managed instance found for instance ID: ${input.InstanceId}`);
}

/** DescribeScalingActivities, newest first. */
export function describeScalingActivities(state: AutoScalingAccount, input: { AutoScalingGroupName?: string }, _ctx: NetworkCtx): { Activities: Activity[] } {
  return { Activities: state.autoscaling.activities.filter((a) => input.AutoScalingGroupName === undefined || a.AutoScalingGroupName === input.AutoScalingGroupName).reverse() };
}

/** The input of PutScalingPolicy. */
export type PutScalingPolicyInput = Omit<ScalingPolicy, 'PolicyARN' | 'Alarms' | 'Enabled' | 'PolicyType'> & { PolicyType?: ScalingPolicy['PolicyType'] | 'PredictiveScaling'; Enabled?: boolean };

/** PutScalingPolicy: simple, step or target tracking (target tracking creates and owns its two alarms). */
export function putScalingPolicy(state: AutoScalingAccount, input: PutScalingPolicyInput, ctx: NetworkCtx): { PolicyARN: string; Alarms: ScalingPolicy['Alarms'] } {
  const group = groupOf(state, input.AutoScalingGroupName);
  const type = input.PolicyType ?? 'SimpleScaling';
  if (type === 'PredictiveScaling') throw new ValidationError('predictive scaling is not modelled by the emulator');
  if (!['SimpleScaling', 'StepScaling', 'TargetTrackingScaling'].includes(type)) throw new ValidationError(`the policy type ${q(type)} must be SimpleScaling, StepScaling or TargetTrackingScaling`);
  if (input.MinAdjustmentMagnitude !== undefined && input.AdjustmentType !== 'PercentChangeInCapacity') throw new ValidationError('MinAdjustmentMagnitude may only be used with the PercentChangeInCapacity adjustment type');
  if (type !== 'TargetTrackingScaling' && !input.AdjustmentType) throw new ValidationError('AdjustmentType is required for simple and step scaling policies');
  if (type === 'SimpleScaling' && input.ScalingAdjustment === undefined) throw new ValidationError('ScalingAdjustment is required for a simple scaling policy');
  if (type !== 'SimpleScaling' && input.Cooldown !== undefined) throw new ValidationError('Cooldown is only supported by simple scaling policies');
  if (type === 'StepScaling') validateStepAdjustments(input.StepAdjustments ?? []);
  if (input.AdjustmentType === 'ExactCapacity' && (input.ScalingAdjustment ?? 0) < 0) throw new ValidationError('an ExactCapacity adjustment must not be negative');
  if (type === 'TargetTrackingScaling') {
    const config = input.TargetTrackingConfiguration;
    if (!config || !(config.TargetValue > 0)) throw new ValidationError('TargetTrackingConfiguration with a positive TargetValue is required');
    const predefined = config.PredefinedMetricSpecification;
    if (!predefined && !config.CustomizedMetricSpecification) throw new ValidationError('a target tracking policy needs a predefined or a customized metric');
    if (predefined?.PredefinedMetricType === 'ALBRequestCountPerTarget') {
      const label = predefined.ResourceLabel ?? '';
      if (!/^app\/[^/]+\/[^/]+\/targetgroup\/[^/]+\/[^/]+$/.test(label)) throw new ValidationError('ALBRequestCountPerTarget needs a ResourceLabel `app/<load-balancer-name>/<id>/targetgroup/<target-group-name>/<id>`');
      const tg = label.slice(label.indexOf('targetgroup/'));
      if (!group.TargetGroupARNs.some((arn) => arn.endsWith(tg))) throw new ValidationError(`the target group of ${q(label)} is not attached to the group`);
    }
  }
  const existing = Object.values(state.autoscaling.policies).find((p) => p.AutoScalingGroupName === group.AutoScalingGroupName && p.PolicyName === input.PolicyName);
  const arn = existing?.PolicyARN ?? `arn:aws:autoscaling:${ctx.region}:${ctx.accountId}:scalingPolicy:${ctx.ids.next('')}:autoScalingGroupName/${group.AutoScalingGroupName}:policyName/${input.PolicyName}`;
  if (existing) for (const alarm of existing.Alarms.filter((a) => a.AlarmName.startsWith('TargetTracking-'))) deleteRecord(state.cloudwatch.alarms, alarm.AlarmName);
  const { Enabled, PolicyType: _type, ...rest } = input;
  const policy: ScalingPolicy = { ...rest, PolicyType: type, PolicyARN: arn, Alarms: [], Enabled: Enabled ?? true };
  if (type === 'StepScaling') policy.MetricAggregationType = input.MetricAggregationType ?? 'Average';
  if (type === 'TargetTrackingScaling') {
    for (const alarm of targetTrackingAlarms(group, policy, ctx.ids.next('').toLowerCase())) {
      putMetricAlarm(state, alarm, ctx);
      policy.Alarms.push({ AlarmName: alarm.AlarmName, AlarmARN: `arn:aws:cloudwatch:${ctx.region}:${ctx.accountId}:alarm:${alarm.AlarmName}` });
    }
  } else {
    policy.Alarms = Object.values(state.cloudwatch.alarms).filter((a) => a.AlarmActions.includes(arn)).map((a) => ({ AlarmName: a.AlarmName, AlarmARN: a.AlarmArn }));
  }
  setRecord(state.autoscaling.policies, arn, policy);
  return { PolicyARN: arn, Alarms: policy.Alarms };
}

/** DescribePolicies, with the alarms that invoke each policy now. */
export function describePolicies(state: AutoScalingAccount, input: { AutoScalingGroupName?: string; PolicyNames?: string[] }, _ctx: NetworkCtx): { ScalingPolicies: ScalingPolicy[] } {
  return {
    ScalingPolicies: Object.values(state.autoscaling.policies)
      .filter((p) => (input.AutoScalingGroupName === undefined || p.AutoScalingGroupName === input.AutoScalingGroupName) && (input.PolicyNames === undefined || input.PolicyNames.includes(p.PolicyName)))
      .map((p) => ({ ...p, Alarms: Object.values(state.cloudwatch.alarms).filter((a) => a.AlarmActions.includes(p.PolicyARN)).map((a) => ({ AlarmName: a.AlarmName, AlarmARN: a.AlarmArn })) })),
  };
}

/** DeletePolicy; a target tracking policy's alarms are deleted with it. */
export function deletePolicy(state: AutoScalingAccount, input: { AutoScalingGroupName?: string; PolicyName: string }, ctx: NetworkCtx): Record<string, never> {
  const policy = Object.values(state.autoscaling.policies).find((p) => p.PolicyName === input.PolicyName && (input.AutoScalingGroupName === undefined || p.AutoScalingGroupName === input.AutoScalingGroupName));
  if (!policy) throw new ValidationError(`the policy ${q(input.PolicyName)} does not exist`);
  if (policy.PolicyType === 'TargetTrackingScaling') {
    const names = policy.Alarms.map((a) => a.AlarmName).filter((n) => getRecord(state.cloudwatch.alarms, n));
    if (names.length > 0) deleteAlarms(state, { AlarmNames: names }, ctx);
  }
  deleteRecord(state.autoscaling.policies, policy.PolicyARN);
  return {};
}

/** PutScheduledUpdateGroupAction: a one-off StartTime or a cron Recurrence in a TimeZone, with at least one size. */
export function putScheduledUpdateGroupAction(state: AutoScalingAccount, input: Omit<ScheduledUpdateGroupAction, 'ScheduledActionARN'>, ctx: NetworkCtx): Record<string, never> {
  const group = groupOf(state, input.AutoScalingGroupName);
  if (input.MinSize === undefined && input.MaxSize === undefined && input.DesiredCapacity === undefined) throw new ValidationError('at least one of MinSize, MaxSize and DesiredCapacity must be specified');
  if (input.Recurrence === undefined && input.StartTime === undefined) throw new ValidationError('a scheduled action needs a StartTime or a Recurrence');
  if (input.Recurrence !== undefined) parseCron(input.Recurrence);
  if (input.TimeZone !== undefined) validateTimeZone(input.TimeZone);
  for (const t of [input.StartTime, input.EndTime]) if (t !== undefined && Number.isNaN(Date.parse(t))) throw new ValidationError(`the time ${q(t)} is not an ISO 8601 date`);
  if (input.StartTime && input.EndTime && Date.parse(input.EndTime) <= Date.parse(input.StartTime)) throw new ValidationError('EndTime must be after StartTime');
  const min = input.MinSize ?? group.MinSize;
  const max = input.MaxSize ?? group.MaxSize;
  if (min > max) throw new ValidationError(`the scheduled min size (${min}) must not be greater than the max size (${max})`);
  if (input.DesiredCapacity !== undefined && (input.DesiredCapacity < min || input.DesiredCapacity > max)) throw new ValidationError(`Desired capacity:${input.DesiredCapacity} must be between the specified min size:${min} and max size:${max}`);
  const key = `${group.AutoScalingGroupName}/${input.ScheduledActionName}`;
  setRecord(state.autoscaling.scheduledActions, key, {
    ...input,
    ScheduledActionARN: `arn:aws:autoscaling:${ctx.region}:${ctx.accountId}:scheduledUpdateGroupAction:${ctx.ids.next('')}:autoScalingGroupName/${group.AutoScalingGroupName}:scheduledActionName/${input.ScheduledActionName}`,
  });
  return {};
}

/** DescribeScheduledActions. */
export function describeScheduledActions(state: AutoScalingAccount, input: { AutoScalingGroupName?: string }, _ctx: NetworkCtx): { ScheduledUpdateGroupActions: ScheduledUpdateGroupAction[] } {
  return { ScheduledUpdateGroupActions: Object.values(state.autoscaling.scheduledActions).filter((a) => input.AutoScalingGroupName === undefined || a.AutoScalingGroupName === input.AutoScalingGroupName) };
}

/** DeleteScheduledAction. */
export function deleteScheduledAction(state: AutoScalingAccount, input: { AutoScalingGroupName: string; ScheduledActionName: string }, _ctx: NetworkCtx): Record<string, never> {
  const key = `${input.AutoScalingGroupName}/${input.ScheduledActionName}`;
  if (!getRecord(state.autoscaling.scheduledActions, key)) throw new ValidationError(`the scheduled action ${q(input.ScheduledActionName)} does not exist`);
  deleteRecord(state.autoscaling.scheduledActions, key);
  return {};
}
