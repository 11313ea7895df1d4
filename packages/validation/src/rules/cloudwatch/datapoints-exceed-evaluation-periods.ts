import type { z } from 'zod';
import type { cloudwatchAlarmSchema } from '../../schemas/cloudwatch-alarm.ts';
import type { Rule } from '../rule.ts';

/** "M out of N": M (`DatapointsToAlarm`) cannot exceed N (`EvaluationPeriods`). */
export const rule: Rule<z.output<typeof cloudwatchAlarmSchema>> = {
  id: 'cloudwatch/datapoints-exceed-evaluation-periods',
  severity: 'error',
  kinds: ['cloudwatch-alarm'],
  help: 'set `DatapointsToAlarm` to at most `EvaluationPeriods`',
  learnMore: 'https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/AlarmThatSendsEmail.html#alarm-evaluation',
  check: (alarm) =>
    alarm.DatapointsToAlarm !== undefined && alarm.DatapointsToAlarm > alarm.EvaluationPeriods
      ? [{ path: ['DatapointsToAlarm'], message: `\`DatapointsToAlarm\` ${alarm.DatapointsToAlarm} is more than \`EvaluationPeriods\` ${alarm.EvaluationPeriods}` }]
      : [],
};
