import type { z } from 'zod';
import type { cloudwatchAlarmSchema } from '../../schemas/cloudwatch-alarm.ts';
import type { Rule } from '../rule.ts';

/** `Period` × `EvaluationPeriods` may span at most one day (seven days for periods of an hour or more). */
export const rule: Rule<z.output<typeof cloudwatchAlarmSchema>> = {
  id: 'cloudwatch/evaluation-range-too-long',
  severity: 'error',
  kinds: ['cloudwatch-alarm'],
  help: 'lower `EvaluationPeriods` or the `Period`',
  learnMore: 'https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_PutMetricAlarm.html',
  check: (alarm) => {
    const period = alarm.Period ?? 60;
    const span = period * alarm.EvaluationPeriods;
    const limit = period >= 3600 ? 604800 : 86400;
    return span > limit ? [{ path: ['EvaluationPeriods'], message: `the alarm evaluates ${span} s of data, over the limit of ${limit} s` }] : [];
  },
};
