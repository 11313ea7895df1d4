import { parseText } from '@skylab/validation';
import { asList, render, replaceAt, type Mutant } from './mutant.ts';

// Mutants of a `cloudwatch-alarm` answer, per alarm: the threshold moved either way, the comparison made
// strict or inclusive and flipped, N and M moved by one, the period doubled, TreatMissingData set to each
// other value, the statistic swapped for each other one, each action dropped and each dimension dropped.

type Doc = Record<string, unknown>;

const OPERATORS: Record<string, { strictness: string; flipped: string }> = {
  GreaterThanOrEqualToThreshold: { strictness: 'GreaterThanThreshold', flipped: 'LessThanThreshold' },
  GreaterThanThreshold: { strictness: 'GreaterThanOrEqualToThreshold', flipped: 'LessThanOrEqualToThreshold' },
  LessThanThreshold: { strictness: 'LessThanOrEqualToThreshold', flipped: 'GreaterThanOrEqualToThreshold' },
  LessThanOrEqualToThreshold: { strictness: 'LessThanThreshold', flipped: 'GreaterThanThreshold' },
};
const TREATMENTS = ['missing', 'notBreaching', 'breaching', 'ignore'];
const STATISTICS = ['Average', 'Sum', 'Minimum', 'Maximum', 'SampleCount'];

/** Every one-setting change of one alarm, as [description, changed alarm]. */
function alarmChanges(alarm: Doc): [string, Doc][] {
  const out: [string, Doc][] = [];
  const set = (description: string, fields: Doc) => out.push([description, { ...alarm, ...fields }]);
  const threshold = Number(alarm.Threshold);
  const step = threshold === 0 ? 1 : Math.abs(threshold) * 0.1;
  set(`\`Threshold\` ${threshold} raised to ${threshold + step}`, { Threshold: threshold + step });
  set(`\`Threshold\` ${threshold} lowered to ${threshold - step}`, { Threshold: threshold - step });
  const operator = OPERATORS[String(alarm.ComparisonOperator)];
  if (operator) {
    set(`\`ComparisonOperator\` changed to \`${operator.strictness}\``, { ComparisonOperator: operator.strictness });
    set(`\`ComparisonOperator\` flipped to \`${operator.flipped}\``, { ComparisonOperator: operator.flipped });
  }
  const n = Number(alarm.EvaluationPeriods);
  const m = alarm.DatapointsToAlarm === undefined ? n : Number(alarm.DatapointsToAlarm);
  set(`\`EvaluationPeriods\` raised from ${n} to ${n + 1}`, { EvaluationPeriods: n + 1, DatapointsToAlarm: m });
  if (n > 1) set(`\`EvaluationPeriods\` lowered from ${n} to ${n - 1}`, { EvaluationPeriods: n - 1, DatapointsToAlarm: Math.min(m, n - 1) });
  if (m > 1) set(`\`DatapointsToAlarm\` lowered from ${m} to ${m - 1}`, { DatapointsToAlarm: m - 1 });
  if (m < n) set(`\`DatapointsToAlarm\` raised from ${m} to ${m + 1}`, { DatapointsToAlarm: m + 1 });
  const period = Number(alarm.Period ?? 60);
  set(`\`Period\` doubled from ${period} to ${period * 2} seconds`, { Period: period * 2 });
  const treatment = String(alarm.TreatMissingData ?? 'missing');
  for (const other of TREATMENTS) if (other !== treatment) set(`\`TreatMissingData\` \`${treatment}\` changed to \`${other}\``, { TreatMissingData: other });
  const statistic = String(alarm.Statistic);
  for (const other of STATISTICS) if (other !== statistic) set(`\`Statistic\` \`${statistic}\` changed to \`${other}\``, { Statistic: other });
  for (const key of ['AlarmActions', 'OKActions', 'InsufficientDataActions']) {
    const actions = asList(alarm[key] as string[] | undefined);
    actions.forEach((action, j) => set(`\`${key}\` \`${action}\` dropped`, { [key]: replaceAt(actions, j, undefined) }));
  }
  const dimensions = asList(alarm.Dimensions as Doc[] | undefined);
  dimensions.forEach((dimension, j) => set(`dimension \`${String(dimension.Name)}\` dropped`, { Dimensions: replaceAt(dimensions, j, undefined) }));
  return out;
}

/** The mutants of a `cloudwatch-alarm` task's reference answer. */
export function cloudwatchAlarmMutants(task: string, text: string): Mutant[] {
  const answer = parseText(text).value as Doc | undefined;
  const alarms = asList(answer?.MetricAlarms as Doc[] | undefined);
  return alarms.flatMap((alarm, i) =>
    alarmChanges(alarm).map(([description, changed]) => ({
      task,
      description: `alarm \`${String(alarm.AlarmName)}\`: ${description}`,
      answer: render({ ...answer, MetricAlarms: replaceAt(alarms, i, changed) }),
    })),
  );
}
