import type { Lab, PathSegment } from '@skylab/validation';

// What the schema cannot see about the `cloudwatch-alarm` checks: an `alarm-scenario` must name a
// `cloudwatch-alarm` task and one of its alarms. A typo is an author finding at load time, not an errored check.

type Add = (path: PathSegment[], ruleId: string, message: string) => void;

/** Findings for `alarm-scenario` checks whose task or alarm the lab does not have. */
export function alarmReferenceFindings(lab: Lab, add: Add): void {
  lab.checks.forEach((check, i) => {
    const spec = check['alarm-scenario'];
    if (spec === undefined) return;
    const task = lab.tasks.find((t) => t.id === spec.task);
    if (task === undefined) add(['checks', i, 'alarm-scenario', 'task'], 'lab/unknown-task', `there is no task \`${spec.task}\``);
    else if (task.kind !== 'cloudwatch-alarm') add(['checks', i, 'alarm-scenario', 'task'], 'lab/wrong-task-kind', `\`alarm-scenario\` runs the alarms of a \`cloudwatch-alarm\` task, and \`${spec.task}\` is a \`${task.kind}\` task`);
    else if (!task.AlarmNames.includes(spec.alarm)) add(['checks', i, 'alarm-scenario', 'alarm'], 'lab/unknown-alarm', `task \`${spec.task}\` defines no alarm \`${spec.alarm}\`: it defines ${task.AlarmNames.map((n) => `\`${n}\``).join(', ')}`);
  });
}
