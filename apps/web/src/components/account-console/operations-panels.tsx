import type { AlarmView, AutoScalingGroupView, BucketView } from '../../api/types.ts';
import { formatDateTime } from '../../lib/format.ts';
import { ConsoleTable, Empty, PolicyDocument } from './parts.tsx';

/** Auto Scaling groups: capacity, instances, policies and the latest activities. */
export function AutoScalingPanel({ groups }: { groups: AutoScalingGroupView[] }) {
  if (groups.length === 0) return <Empty>No Auto Scaling groups.</Empty>;
  return (
    <>
      {groups.map((group) => (
        <article key={group.AutoScalingGroupName} class="console-item stack-tight">
          <h3>{group.AutoScalingGroupName}</h3>
          <p class="small">
            Desired {group.DesiredCapacity} · min {group.MinSize} · max {group.MaxSize} · launch template {group.LaunchTemplate} · health check {group.HealthCheckType}
          </p>
          <p class="small">
            Subnets: {group.Subnets.join(', ') || 'none'} · Target groups: {group.TargetGroups.join(', ') || 'none'} · Policies:{' '}
            {group.Policies.map((p) => `${p.PolicyName} (${p.PolicyType})`).join(', ') || 'none'}
          </p>
          <ConsoleTable
            label={`Instances of ${group.AutoScalingGroupName}`}
            head={['Instance', 'Zone', 'Lifecycle', 'Health']}
            rows={group.Instances.map((i) => [i.InstanceId, i.AvailabilityZone, i.LifecycleState, i.HealthStatus])}
          />
          <h4>Activity history</h4>
          {group.Activities.length === 0 ? (
            <Empty>No activities yet.</Empty>
          ) : (
            <ConsoleTable
              label={`Activity history of ${group.AutoScalingGroupName}`}
              head={['Started', 'Status', 'Description', 'Cause']}
              rows={group.Activities.map((a) => [formatDateTime(a.StartTime), a.StatusCode, a.Description, a.Cause])}
            />
          )}
        </article>
      ))}
    </>
  );
}

/** Metric alarms with their state. */
export function AlarmsPanel({ alarms }: { alarms: AlarmView[] }) {
  if (alarms.length === 0) return <Empty>No alarms.</Empty>;
  return (
    <ConsoleTable
      label="Alarms"
      head={['Alarm', 'State', 'Condition', 'Reason', 'Actions']}
      rows={alarms.map((a) => [
        a.AlarmName,
        <span key="state" class={`badge alarm-${a.StateValue.toLowerCase()}`}>{a.StateValue}</span>,
        a.Condition,
        a.StateReason,
        a.AlarmActions.join(', ') || 'none',
      ])}
    />
  );
}

/** Buckets and their settings. */
export function S3Panel({ buckets }: { buckets: BucketView[] }) {
  if (buckets.length === 0) return <Empty>No buckets.</Empty>;
  return (
    <>
      {buckets.map((bucket) => {
        const block = bucket.PublicAccessBlock;
        return (
          <article key={bucket.Name} class="console-item stack-tight">
            <h3>{bucket.Name}</h3>
            <p class="small">
              {bucket.BucketRegion} · {bucket.ObjectCount} objects, {bucket.TotalSize} bytes · versioning {bucket.Versioning} · encryption {bucket.Encryption ?? 'none'} · {bucket.LifecycleRules} lifecycle rules
            </p>
            <p class="small">
              Block Public Access:{' '}
              {block === undefined
                ? 'not set'
                : Object.entries(block)
                    .map(([setting, on]) => `${setting} ${on ? 'on' : 'off'}`)
                    .join(', ')}
            </p>
            {bucket.Policy === undefined ? <p class="small">No bucket policy.</p> : <PolicyDocument label={`Bucket policy of ${bucket.Name}`} document={bucket.Policy} />}
          </article>
        );
      })}
    </>
  );
}
