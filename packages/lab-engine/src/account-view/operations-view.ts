import type { AccountState, MetricAlarm } from '@skylab/emulator';
import { targetGroupName } from '../alb-names.ts';
import { documentText } from './iam-view.ts';
import type { AlarmView, AutoScalingGroupView, BucketView } from './types.ts';

const order = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/** How many of a group's activities the console shows, newest first. */
export const ACTIVITIES_SHOWN = 20;

/** Each Auto Scaling group with its instances, policies and latest activities. */
export function autoScalingGroupViews(state: AccountState): AutoScalingGroupView[] {
  const { groups, policies, activities } = state.autoscaling;
  return Object.values(groups)
    .sort((a, b) => order(a.AutoScalingGroupName, b.AutoScalingGroupName))
    .map((group) => {
      const template = group.LaunchTemplate;
      return {
        AutoScalingGroupName: group.AutoScalingGroupName,
        MinSize: group.MinSize,
        MaxSize: group.MaxSize,
        DesiredCapacity: group.DesiredCapacity,
        LaunchTemplate: `${template.LaunchTemplateName ?? template.LaunchTemplateId ?? ''} (${template.Version ?? '$Default'})`,
        Subnets: group.VPCZoneIdentifier ? group.VPCZoneIdentifier.split(',').map((s) => s.trim()) : [],
        TargetGroups: group.TargetGroupARNs.map((arn) => targetGroupName(state, arn)),
        HealthCheckType: group.HealthCheckType,
        Instances: group.Instances.map((i) => ({ InstanceId: i.InstanceId, AvailabilityZone: i.AvailabilityZone, LifecycleState: i.LifecycleState, HealthStatus: i.HealthStatus })),
        Policies: Object.values(policies)
          .filter((p) => p.AutoScalingGroupName === group.AutoScalingGroupName)
          .map((p) => ({ PolicyName: p.PolicyName, PolicyType: p.PolicyType })),
        Activities: activities
          .filter((a) => a.AutoScalingGroupName === group.AutoScalingGroupName)
          .slice(-ACTIVITIES_SHOWN)
          .reverse()
          .map((a) => ({ Description: a.Description, Cause: a.Cause, StatusCode: a.StatusCode, StartTime: a.StartTime })),
      };
    });
}

const COMPARISONS: Record<MetricAlarm['ComparisonOperator'], string> = {
  GreaterThanOrEqualToThreshold: '>=',
  GreaterThanThreshold: '>',
  LessThanThreshold: '<',
  LessThanOrEqualToThreshold: '<=',
};

function conditionText(alarm: MetricAlarm): string {
  const dimensions = alarm.Dimensions.map((d) => `${d.Name}=${d.Value}`).join(', ');
  return `${alarm.Statistic} of ${alarm.Namespace} ${alarm.MetricName}${dimensions ? ` (${dimensions})` : ''} ${COMPARISONS[alarm.ComparisonOperator]} ${alarm.Threshold} for ${alarm.DatapointsToAlarm} of ${alarm.EvaluationPeriods} periods of ${alarm.Period} s`;
}

/** Each metric alarm with its state and condition. */
export function alarmViews(state: AccountState): AlarmView[] {
  return Object.values(state.cloudwatch.alarms)
    .sort((a, b) => order(a.AlarmName, b.AlarmName))
    .map((alarm) => ({
      AlarmName: alarm.AlarmName,
      ...(alarm.AlarmDescription === undefined ? {} : { AlarmDescription: alarm.AlarmDescription }),
      StateValue: alarm.StateValue,
      StateReason: alarm.StateReason,
      StateUpdatedTimestamp: alarm.StateUpdatedTimestamp,
      Condition: conditionText(alarm),
      AlarmActions: [...alarm.AlarmActions],
    }));
}

/** Each bucket with its settings and how many objects it holds; never an object's contents. */
export function bucketViews(state: AccountState): BucketView[] {
  return Object.values(state.s3.buckets)
    .sort((a, b) => order(a.Name, b.Name))
    .map((bucket) => {
      const objects = Object.values(bucket.Objects);
      const encryption = bucket.ServerSideEncryptionConfiguration?.Rules[0]?.ApplyServerSideEncryptionByDefault;
      return {
        Name: bucket.Name,
        BucketRegion: bucket.BucketRegion,
        CreationDate: bucket.CreationDate,
        Versioning: bucket.Versioning ?? 'Disabled',
        ...(encryption === undefined ? {} : { Encryption: encryption.KMSMasterKeyID ? `${encryption.SSEAlgorithm} (${encryption.KMSMasterKeyID})` : encryption.SSEAlgorithm }),
        ...(bucket.PublicAccessBlockConfiguration === undefined ? {} : { PublicAccessBlock: { ...bucket.PublicAccessBlockConfiguration } }),
        ...(bucket.Policy === undefined ? {} : { Policy: documentText(bucket.Policy) }),
        LifecycleRules: bucket.LifecycleConfiguration?.Rules.length ?? 0,
        ObjectCount: objects.length,
        TotalSize: objects.reduce((sum, o) => sum + o.Size, 0),
      };
    });
}
