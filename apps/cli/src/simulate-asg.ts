import {
  createAutoScalingGroup,
  emptyAutoScalingState,
  emptyCloudWatchState,
  emptyElbv2State,
  openNetwork,
  putMetricAlarm,
  putScalingPolicy,
  putScheduledUpdateGroupAction,
  simulate,
  staticNetwork,
  type AutoScalingAccount,
  type AutoScalingGroup,
  type Ctx,
  type LoadBalancer,
  type MetricAlarm,
  type NetworkView,
  type ScalingPolicy,
  type ScheduledUpdateGroupAction,
  type SimulationOptions,
  type SimulationResult,
  type SubnetView,
  type TargetGroup,
} from '@skylab/emulator';
import { InputError } from './json-input.ts';
import { collect, type SimulateIo } from './simulate-input.ts';
import { BATCH_USAGE, runSimulate, type SimulateCommand } from './simulate-run.ts';
import { helpText } from './usage.ts';

const USAGE = `usage: skylab simulate asg <file|-> [--group <name>] [--jsonl] [--batch]
  input: JSON, or JSON Lines merged in order, in the AWS API shapes:
         "AutoScalingGroups" (describe-auto-scaling-groups), "LaunchTemplateVersions"
         (describe-launch-template-versions), "ScalingPolicies" (describe-policies),
         "ScheduledUpdateGroupActions" (describe-scheduled-actions), "MetricAlarms" (describe-alarms),
         optionally "TargetGroups", "LoadBalancers", "Subnets", "SecurityGroups" (describe-*), and
         "Simulation": {"start", "duration", "step"?, "load": {"RequestsPerSecond": […]} or
         {"CPUUtilization": […]}, "launchSeconds"?, "bootSeconds"?, "ApiCalls"?: [{"Time", "Action":
         SetDesiredCapacity|SetInstanceHealth|TerminateInstanceInAutoScalingGroup|StopInstances|
         TerminateInstances, "Parameters"}], "MetricData"?: [{"Namespace", "MetricName", "Dimensions"?,
         "Values"}], "InstanceLaunchTimes"?, "HealthCheckResponses"?: [{"Time", "InstanceId",
         "ResponseCode"}]}; the group's InService instances keep their ids (and LaunchTime, if given)
  output: the timeline (capacity, CPU, requests per step), the events (alarm changes, scaling decisions,
          activities with AWS's causes, target health) and a summary; JSON Lines when the input was JSON
          Lines or with --jsonl (one line per step and per event, then the summary)
${BATCH_USAGE}`;

export const ASG_HELP = helpText(USAGE, [
  'skylab simulate asg web-group.json',
  'skylab simulate asg groups.json --group web --jsonl',
  'skylab simulate asg scenarios.jsonl --batch > answers.jsonl',
]);

interface LaunchTemplateVersionDocument {
  LaunchTemplateId: string;
  LaunchTemplateName: string;
  VersionNumber: number;
  DefaultVersion?: boolean;
  CreateTime?: string;
  LaunchTemplateData: { InstanceType?: string; SecurityGroupIds?: string[]; ImageId?: string };
}

/** EC2 launch templates from describe-launch-template-versions output. */
function launchTemplates(versions: LaunchTemplateVersionDocument[]): NonNullable<AutoScalingAccount['ec2']>['launchTemplates'] {
  const templates: NonNullable<AutoScalingAccount['ec2']>['launchTemplates'] = {};
  for (const v of versions) {
    const t = (templates[v.LaunchTemplateId] ??= { LaunchTemplateId: v.LaunchTemplateId, LaunchTemplateName: v.LaunchTemplateName, DefaultVersionNumber: 1, LatestVersionNumber: 0, CreateTime: v.CreateTime ?? '', Versions: [] });
    t.Versions.push({ VersionNumber: v.VersionNumber, CreateTime: v.CreateTime ?? '', LaunchTemplateData: v.LaunchTemplateData });
    t.LatestVersionNumber = Math.max(t.LatestVersionNumber, v.VersionNumber);
    if (v.DefaultVersion) t.DefaultVersionNumber = v.VersionNumber;
  }
  return templates;
}

/** Builds the account through the emulator's own operations, so the input is validated as AWS would. */
function buildAccount(documents: Record<string, unknown>[], groupName: string | undefined, ctx: Ctx & { network: NetworkView }, start: number): { account: AutoScalingAccount; group: string; launchTimes: Record<string, string> } | string {
  const groups = collect<AutoScalingGroup>(documents, 'AutoScalingGroups');
  const group = groupName ? groups.find((g) => g.AutoScalingGroupName === groupName) : groups.length === 1 ? groups[0] : undefined;
  if (!group) return groupName ? `no group named \`${groupName}\` in the input` : `the input has ${groups.length} groups: choose one with --group`;
  const versions = collect<LaunchTemplateVersionDocument>(documents, 'LaunchTemplateVersions');
  const account: AutoScalingAccount = { autoscaling: emptyAutoScalingState(), cloudwatch: emptyCloudWatchState(), elbv2: emptyElbv2State(), ...(versions.length > 0 ? { ec2: { launchTemplates: launchTemplates(versions) } } : {}) };
  const elbv2 = account.elbv2 as NonNullable<AutoScalingAccount['elbv2']>;
  for (const lb of collect<LoadBalancer>(documents, 'LoadBalancers')) elbv2.loadBalancers[lb.LoadBalancerArn] = { ...lb, SecurityGroups: lb.SecurityGroups ?? [], AvailabilityZones: lb.AvailabilityZones ?? [] };
  for (const tg of collect<TargetGroup>(documents, 'TargetGroups')) elbv2.targetGroups[tg.TargetGroupArn] = { ...tg, Attributes: tg.Attributes ?? [], Targets: [], LoadBalancerArns: tg.LoadBalancerArns ?? [] };
  createAutoScalingGroup(
    account,
    {
      AutoScalingGroupName: group.AutoScalingGroupName,
      LaunchTemplate: group.LaunchTemplate,
      MinSize: group.MinSize,
      MaxSize: group.MaxSize,
      DesiredCapacity: group.DesiredCapacity,
      ...(group.DefaultCooldown !== undefined ? { DefaultCooldown: group.DefaultCooldown } : {}),
      ...(group.DefaultInstanceWarmup !== undefined ? { DefaultInstanceWarmup: group.DefaultInstanceWarmup } : {}),
      ...(group.VPCZoneIdentifier ? { VPCZoneIdentifier: group.VPCZoneIdentifier } : { AvailabilityZones: group.AvailabilityZones }),
      TargetGroupARNs: group.TargetGroupARNs ?? [],
      HealthCheckType: group.HealthCheckType ?? 'EC2',
      HealthCheckGracePeriod: group.HealthCheckGracePeriod ?? 0,
      ...(group.TerminationPolicies ? { TerminationPolicies: group.TerminationPolicies } : {}),
    },
    ctx,
  );
  // Instances the description shows InService keep their ids and are taken as running and ready when the
  // run starts, unless a launch time is given (on the instance, or by describe-instances' Reservations).
  const running = (group.Instances ?? []).filter((i) => i.LifecycleState === 'InService') as (AutoScalingGroup['Instances'][number] & { LaunchTime?: string })[];
  const describedLaunch = new Map(collect<{ Instances?: { InstanceId: string; LaunchTime?: string }[] }>(documents, 'Reservations').flatMap((r) => r.Instances ?? []).map((i) => [i.InstanceId, i.LaunchTime]));
  const launchTimes: Record<string, string> = {};
  for (const [n, instance] of (account.autoscaling.groups[group.AutoScalingGroupName]?.Instances.slice(0, running.length) ?? []).entries()) {
    const described = running[n];
    if (described?.InstanceId) instance.InstanceId = described.InstanceId;
    instance.LifecycleState = 'InService';
    instance.LaunchTime = start - 3_600_000;
    instance.InServiceTime = start - 3_600_000;
    const launched = (typeof described?.LaunchTime === 'string' ? described.LaunchTime : undefined) ?? describedLaunch.get(instance.InstanceId);
    if (launched) launchTimes[instance.InstanceId] = launched;
  }
  const arnOf = new Map<string, string>();
  for (const policy of collect<ScalingPolicy>(documents, 'ScalingPolicies').filter((p) => p.AutoScalingGroupName === group.AutoScalingGroupName)) {
    const { PolicyARN: oldArn, Alarms: _alarms, ...rest } = policy;
    const { PolicyARN } = putScalingPolicy(account, rest, ctx);
    arnOf.set(oldArn, PolicyARN);
  }
  for (const alarm of collect<MetricAlarm>(documents, 'MetricAlarms')) {
    // Target tracking alarms belong to their policy, which made them again above.
    if (alarm.AlarmName.startsWith('TargetTracking-')) continue;
    const { AlarmArn: _arn, StateValue: _s, StateReason: _r, StateUpdatedTimestamp: _t, AlarmConfigurationUpdatedTimestamp: _c, ...rest } = alarm;
    putMetricAlarm(account, { ...rest, AlarmActions: (alarm.AlarmActions ?? []).map((a) => arnOf.get(a) ?? a) }, ctx);
  }
  for (const action of collect<ScheduledUpdateGroupAction>(documents, 'ScheduledUpdateGroupActions').filter((a) => a.AutoScalingGroupName === group.AutoScalingGroupName)) {
    const { ScheduledActionARN: _arn, ...rest } = action;
    putScheduledUpdateGroupAction(account, rest, ctx);
  }
  return { account, group: group.AutoScalingGroupName, launchTimes };
}

/** The simulation's virtual network: the subnets, and security groups when the input gives them. */
function networkOf(documents: Record<string, unknown>[]): { network: NetworkView; assumed: boolean } {
  const subnets = collect<SubnetView>(documents, 'Subnets');
  const securityGroups = collect<{ GroupId: string; IpPermissions: [] }>(documents, 'SecurityGroups');
  if (securityGroups.length === 0) return { network: openNetwork(subnets), assumed: true };
  return { network: staticNetwork({ Subnets: subnets, SecurityGroups: securityGroups }), assumed: false };
}

function run(documents: Record<string, unknown>[], groupName: string | undefined): SimulationResult {
  const options = collect<SimulationOptions>(documents, 'Simulation')[0];
  if (!options) throw new InputError('the input has no `Simulation`: give {"start", "duration", "load"}');
  const start = typeof options.start === 'number' ? options.start : Date.parse(options.start);
  const { network, assumed } = networkOf(documents);
  let n = 0;
  const ctx = { clock: { now: () => start }, ids: { next: (prefix: string) => `${prefix}${(++n).toString(16).padStart(17, '0')}` }, accountId: '111122223333', region: 'us-east-1', network };
  const built = buildAccount(documents, groupName, ctx, start);
  if (typeof built === 'string') throw new InputError(built);
  const launchTimes = { ...built.launchTimes, ...options.InstanceLaunchTimes };
  const result = simulate(built.account, { ...options, AutoScalingGroupName: built.group, network, ...(Object.keys(launchTimes).length > 0 ? { InstanceLaunchTimes: launchTimes } : {}) });
  if (assumed) result.Assumptions.push('no SecurityGroups in the input: every target is assumed reachable from the load balancer');
  return result;
}

const LIST = 'list' as const;

const ASG: SimulateCommand = {
  usage: USAGE,
  flags: [],
  options: ['--group'],
  keys: { AutoScalingGroups: LIST, LaunchTemplateVersions: LIST, ScalingPolicies: LIST, ScheduledUpdateGroupActions: LIST, MetricAlarms: LIST, TargetGroups: LIST, LoadBalancers: LIST, Subnets: LIST, SecurityGroups: LIST, Reservations: LIST, Simulation: 'object' },
  answer: (documents, args) => [run(documents, args.options.get('--group'))],
  jsonLines: (results) =>
    (results as SimulationResult[]).flatMap((result) => [
      ...result.Timeline.map((point) => ({ Timeline: point })),
      ...result.Events.map((event) => ({ Event: event })),
      { AutoScalingGroupName: result.AutoScalingGroupName, Summary: result.Summary, Assumptions: result.Assumptions, Unsupported: result.Unsupported },
    ]),
};

/** `skylab simulate asg`: run a group, its policies, scheduled actions and alarms through a load on the virtual clock. */
export function simulateAsg(args: readonly string[], io: SimulateIo, stdin: () => string): number {
  return runSimulate(ASG, args, io, stdin);
}
