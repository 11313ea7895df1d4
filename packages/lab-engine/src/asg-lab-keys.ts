import type { Lab, PathSegment } from '@skylab/validation';

// The lab-format keys of Auto Scaling labs, for "did you mean" suggestions, and the cross-references of
// their checks that the schema cannot see.

/** Keys of the Auto Scaling task, checks and setup. */
export const ASG_KEYS = [
  'asg-scenario', 'equivalent-scaling', 'AutoScalingGroupName', 'workload', 'launchSeconds', 'bootSeconds', 'requestsPerSecondAtFullCpu', 'start',
  'hours', 'initial', 'load', 'at', 'requestsPerSecond', 'rampMinutes', 'inService', 'min', 'max', 'time', 'scaleOut', 'requestsPerSecondAbove',
  'withinMinutes', 'maxLaunches', 'maxHealthCheckReplacements', 'minServedRequestRatio', 'events', 'lowRequestsPerSecond', 'peakRequestsPerSecond',
  'businessHours', 'from', 'to', 'tolerance', 'minutes', 'launchTemplates', 'LaunchTemplateName', 'LaunchTemplateData', 'elbv2', 'targetGroups',
  'loadBalancers', 'Listeners', 'DefaultActions', 'TargetGroupArn', 'Subnets', 'SecurityGroups', 'HealthCheckPath', 'HealthCheckIntervalSeconds',
  'HealthyThresholdCount', 'UnhealthyThresholdCount',
];

/** An `asg-scenario` check must name an `auto-scaling-group` task. */
export function asgScenarioFindings(lab: Lab, add: (path: PathSegment[], ruleId: string, message: string) => void): void {
  const kinds = new Map(lab.tasks.map((t) => [t.id, t.kind]));
  lab.checks.forEach((check, i) => {
    const task = check['asg-scenario']?.task;
    if (task === undefined) return;
    const kind = kinds.get(task);
    if (kind === undefined) add(['checks', i, 'asg-scenario', 'task'], 'lab/unknown-task', `there is no task \`${task}\``);
    else if (kind !== 'auto-scaling-group') add(['checks', i, 'asg-scenario', 'task'], 'lab/wrong-task-kind', `\`asg-scenario\` runs the group of an \`auto-scaling-group\` task; \`${task}\` is a \`${kind}\` task`);
  });
}
