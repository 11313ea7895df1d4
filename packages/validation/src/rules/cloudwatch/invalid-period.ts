import type { z } from 'zod';
import type { cloudwatchAlarmSchema } from '../../schemas/cloudwatch-alarm.ts';
import type { Rule } from '../rule.ts';

/** CloudWatch accepts alarm periods of 10, 20 or 30 seconds or a multiple of 60. */
export const rule: Rule<z.output<typeof cloudwatchAlarmSchema>> = {
  id: 'cloudwatch/invalid-period',
  severity: 'error',
  kinds: ['cloudwatch-alarm'],
  help: 'use 60 (or 300 for basic EC2 monitoring); 10, 20 and 30 only for high-resolution metrics',
  learnMore: 'https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/AlarmThatSendsEmail.html#alarm-evaluation',
  check: (alarm) =>
    alarm.Period !== undefined && ![10, 20, 30].includes(alarm.Period) && alarm.Period % 60 !== 0
      ? [{ path: ['Period'], message: `a period of ${alarm.Period} s is not 10, 20, 30 or a multiple of 60` }]
      : [],
};
