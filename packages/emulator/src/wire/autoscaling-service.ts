import { autoscalingActions } from '../autoscaling/actions.ts';
import type { AutoScalingGroup } from '../autoscaling/state.ts';
import { getRecord } from '../records.ts';
import type { AccountState } from '../state.ts';
import { withAccountNetwork } from './account-network.ts';
import type { FieldSpec, InputSpec } from './input.ts';
import { InvalidNextToken, paged, type Paging } from './paging.ts';
import { queryProtocol } from './protocols/query-protocol.ts';
import { refusingUnmodelled } from './strict.ts';
import type { ActionBinding, WireCtx, WireOperation, WireService } from './types.ts';

// How each EC2 Auto Scaling action meets the wire: the parameters it reads (API reference, e.g.
// https://docs.aws.amazon.com/autoscaling/ec2/APIReference/API_CreateAutoScalingGroup.html) and the group it is
// authorized on (Service Authorization Reference:
// https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonec2autoscaling.html).

/** Every operation of the EC2 Auto Scaling API (version 2011-01-01), from its API reference. */
export const AUTOSCALING_API_OPERATIONS: readonly string[] = [
  'AttachInstances', 'AttachLoadBalancerTargetGroups', 'AttachLoadBalancers', 'AttachTrafficSources',
  'BatchDeleteScheduledAction', 'BatchPutScheduledUpdateGroupAction', 'CancelInstanceRefresh', 'CompleteLifecycleAction',
  'CreateAutoScalingGroup', 'CreateLaunchConfiguration', 'CreateOrUpdateTags', 'DeleteAutoScalingGroup',
  'DeleteLaunchConfiguration', 'DeleteLifecycleHook', 'DeleteNotificationConfiguration', 'DeletePolicy',
  'DeleteScheduledAction', 'DeleteTags', 'DeleteWarmPool', 'DescribeAccountLimits', 'DescribeAccountSettings',
  'DescribeAdjustmentTypes', 'DescribeAutoScalingGroups', 'DescribeAutoScalingInstances',
  'DescribeAutoScalingNotificationTypes', 'DescribeInstanceRefreshes', 'DescribeLaunchConfigurations',
  'DescribeLifecycleHookTypes', 'DescribeLifecycleHooks', 'DescribeLoadBalancerTargetGroups', 'DescribeLoadBalancers',
  'DescribeMetricCollectionTypes', 'DescribeNotificationConfigurations', 'DescribePolicies', 'DescribeScalingActivities',
  'DescribeScalingProcessTypes', 'DescribeScheduledActions', 'DescribeTags', 'DescribeTerminationPolicyTypes',
  'DescribeTrafficSources', 'DescribeWarmPool', 'DetachInstances', 'DetachLoadBalancerTargetGroups', 'DetachLoadBalancers',
  'DetachTrafficSources', 'DisableMetricsCollection', 'EnableMetricsCollection', 'EnterStandby', 'ExecutePolicy',
  'ExitStandby', 'GetPredictiveScalingForecast', 'LaunchInstances', 'PutAccountSetting', 'PutLifecycleHook',
  'PutNotificationConfiguration', 'PutScalingPolicy', 'PutScheduledUpdateGroupAction', 'PutWarmPool',
  'RecordLifecycleActionHeartbeat', 'ResumeProcesses', 'RollbackInstanceRefresh', 'SetDesiredCapacity',
  'SetInstanceHealth', 'SetInstanceProtection', 'StartInstanceRefresh', 'SuspendProcesses',
  'TerminateInstanceInAutoScalingGroup', 'UpdateAutoScalingGroup',
];

type Input = Record<string, unknown>;
type Resource = NonNullable<ActionBinding['resource']>;

const S: FieldSpec = 'string';
const R: FieldSpec = 'string!';
const I: FieldSpec = 'integer';
const STRINGS: FieldSpec = { list: S };
const NAME: InputSpec = { AutoScalingGroupName: R };
const DIMENSIONS: FieldSpec = { list: { struct: { Name: R, Value: R } } };
const GROUP_SETTINGS: InputSpec = {
  LaunchTemplate: { struct: { LaunchTemplateId: S, LaunchTemplateName: S, Version: S } },
  DesiredCapacity: I,
  DefaultCooldown: I,
  DefaultInstanceWarmup: I,
  AvailabilityZones: STRINGS,
  VPCZoneIdentifier: S,
  HealthCheckType: S,
  HealthCheckGracePeriod: I,
  TerminationPolicies: STRINGS,
  NewInstancesProtectedFromScaleIn: 'boolean',
};
const PAGE: InputSpec = { NextToken: S, MaxRecords: I };

/**
 * The group's ARN when it exists; otherwise the Service Authorization Reference's form with `*` for the id
 * the group does not have yet (`autoScalingGroup:*:autoScalingGroupName/NAME`), as a policy on the name matches.
 */
function groupArn(state: AccountState, ctx: WireCtx, name: unknown): string {
  const group = getRecord<AutoScalingGroup>(state.autoscaling.groups, String(name));
  return group?.AutoScalingGroupARN ?? `arn:aws:autoscaling:${ctx.region}:${ctx.accountId}:autoScalingGroup:*:autoScalingGroupName/${String(name)}`;
}
// DeletePolicy may name the policy by ARN without its group: then `*`.
const onGroup: Resource = (input, ctx, state) => (input.AutoScalingGroupName === undefined ? '*' : groupArn(state, ctx, input.AutoScalingGroupName));
// Describe calls act on no resource type in the Service Authorization Reference, so `*`.
const anywhere: Resource = () => '*';
// SetInstanceHealth is authorized on the group the instance belongs to.
const instanceGroup: Resource = (input, ctx, state) => {
  const group = Object.values(state.autoscaling.groups).find((g) => g.Instances.some((i) => i.InstanceId === input.InstanceId));
  return group ? group.AutoScalingGroupARN : '*';
};

// Auto Scaling pages with `NextToken` and `MaxRecords` (DescribeAutoScalingGroups: 50 by default, at most 100).
const byToken = (list: string, defaultSize: number, maxSize: number): Paging => ({
  list,
  token: 'NextToken',
  next: 'NextToken',
  size: 'MaxRecords',
  defaultSize,
  maxSize,
  invalidToken: (message) => new InvalidNextToken(message),
});

// An instance as DescribeAutoScalingGroups shows it (API_Instance.html): the engine's launch and in-service
// times and subnet are its own bookkeeping.
const groupsView = (result: Input): Input => ({
  ...result,
  AutoScalingGroups: (result.AutoScalingGroups as AutoScalingGroup[]).map((group) => ({
    ...group,
    Instances: group.Instances.map(({ LaunchTime: _launched, InServiceTime: _inService, SubnetId: _subnet, ...instance }) => instance),
  })),
});

const actions: Record<string, WireOperation> = {
  ...Object.fromEntries(Object.entries(autoscalingActions).map(([name, operation]) => [name, withAccountNetwork(operation as WireOperation)])),
  DescribeAutoScalingGroups: paged(autoscalingActions.DescribeAutoScalingGroups as WireOperation, byToken('AutoScalingGroups', 50, 100)),
  DescribePolicies: paged(autoscalingActions.DescribePolicies as WireOperation, byToken('ScalingPolicies', 50, 50)),
  DescribeScalingActivities: paged(autoscalingActions.DescribeScalingActivities as WireOperation, byToken('Activities', 100, 100)),
  DescribeScheduledActions: paged(autoscalingActions.DescribeScheduledActions as WireOperation, byToken('ScheduledUpdateGroupActions', 50, 100)),
};

// Partial so a new action in the Auto Scaling table never breaks the build; the wire tests insist on a binding for each.
const bindings: Partial<Record<keyof typeof autoscalingActions, ActionBinding>> = {
  CreateAutoScalingGroup: {
    input: { ...NAME, ...GROUP_SETTINGS, MinSize: 'integer!', MaxSize: 'integer!', TargetGroupARNs: STRINGS },
    resource: onGroup,
  },
  UpdateAutoScalingGroup: {
    input: { ...NAME, ...GROUP_SETTINGS, MinSize: I, MaxSize: I },
    resource: onGroup,
  },
  DeleteAutoScalingGroup: { input: { ...NAME, ForceDelete: 'boolean' }, resource: onGroup },
  DescribeAutoScalingGroups: {
    input: { AutoScalingGroupNames: STRINGS, ...PAGE },
    resource: anywhere,
    output: groupsView,
  },
  SetDesiredCapacity: { input: { ...NAME, DesiredCapacity: 'integer!', HonorCooldown: 'boolean' }, resource: onGroup },
  SetInstanceHealth: { input: { InstanceId: R, HealthStatus: R, ShouldRespectGracePeriod: 'boolean' }, resource: instanceGroup },
  DescribeScalingActivities: {
    input: { AutoScalingGroupName: S, ...PAGE },
    resource: anywhere,
  },
  PutScalingPolicy: {
    input: {
      ...NAME,
      PolicyName: R,
      PolicyType: S,
      AdjustmentType: S,
      MinAdjustmentMagnitude: I,
      ScalingAdjustment: I,
      Cooldown: I,
      MetricAggregationType: S,
      StepAdjustments: { list: { struct: { MetricIntervalLowerBound: 'double', MetricIntervalUpperBound: 'double', ScalingAdjustment: 'integer!' } } },
      EstimatedInstanceWarmup: I,
      TargetTrackingConfiguration: {
        struct: {
          PredefinedMetricSpecification: { struct: { PredefinedMetricType: R, ResourceLabel: S } },
          // Metric math (`Metrics`) is not modelled, so the single metric's members are required.
          CustomizedMetricSpecification: { struct: { MetricName: R, Namespace: R, Dimensions: DIMENSIONS, Statistic: R, Unit: S } },
          TargetValue: 'double!',
          DisableScaleIn: 'boolean',
        },
      },
      Enabled: 'boolean',
    },
    resource: onGroup,
  },
  DescribePolicies: {
    input: { AutoScalingGroupName: S, PolicyNames: STRINGS, ...PAGE },
    resource: anywhere,
  },
  DeletePolicy: { input: { AutoScalingGroupName: S, PolicyName: R }, resource: onGroup },
  PutScheduledUpdateGroupAction: {
    input: { ...NAME, ScheduledActionName: R, StartTime: 'timestamp', EndTime: 'timestamp', Recurrence: S, TimeZone: S, MinSize: I, MaxSize: I, DesiredCapacity: I },
    resource: onGroup,
  },
  DescribeScheduledActions: {
    input: { AutoScalingGroupName: S, ...PAGE },
    resource: anywhere,
  },
  DeleteScheduledAction: { input: { ...NAME, ScheduledActionName: R }, resource: onGroup },
};

/** EC2 Auto Scaling over the Query protocol (https://docs.aws.amazon.com/autoscaling/ec2/APIReference/). */
export const autoscalingService: WireService = {
  signingName: 'autoscaling',
  actionPrefix: 'autoscaling',
  // Parameters the bindings do not name (filters, tags, launch configurations) are refused, never dropped.
  protocols: [refusingUnmodelled(queryProtocol)],
  version: '2011-01-01',
  xmlns: 'http://autoscaling.amazonaws.com/doc/2011-01-01/',
  actions,
  apiOperations: AUTOSCALING_API_OPERATIONS,
  bindings,
};
