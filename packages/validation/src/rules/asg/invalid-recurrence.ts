import type { z } from 'zod';
import type { scheduledActionSchema } from '../../schemas/auto-scaling.ts';
import type { Rule } from '../rule.ts';

const FIELDS: [string, number, number][] = [['minute', 0, 59], ['hour', 0, 23], ['day of month', 1, 31], ['month', 1, 12], ['day of week', 0, 7]];
const NAMES = /^(jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec|sun|mon|tue|wed|thu|fri|sat)$/i;

function fieldError(field: string, [name, min, max]: [string, number, number]): string | undefined {
  for (const part of field.split(',')) {
    const [range = '', step] = part.split('/');
    if (step !== undefined && !/^[1-9][0-9]*$/.test(step)) return `the step \`${step}\` of the ${name} field is not a number`;
    if (range === '*') continue;
    for (const bound of range.split('-')) {
      if (NAMES.test(bound)) continue;
      if (!/^[0-9]+$/.test(bound) || Number(bound) < min || Number(bound) > max) return `\`${bound}\` is not a valid ${name} (${min}-${max})`;
    }
  }
  return undefined;
}

/** `Recurrence` takes a Unix cron expression of exactly five fields. */
export const rule: Rule<z.output<typeof scheduledActionSchema>> = {
  id: 'asg/invalid-recurrence',
  severity: 'error',
  kinds: ['scheduled-action'],
  help: 'write five fields: minute hour day-of-month month day-of-week, such as `0 8 * * 1-5`',
  learnMore: 'https://docs.aws.amazon.com/autoscaling/ec2/userguide/ec2-auto-scaling-scheduled-scaling.html#scheduled-scaling-recurring-schedules',
  check: (action) => {
    if (action.Recurrence === undefined) return [];
    const fields = action.Recurrence.trim().split(/\s+/);
    if (fields.length !== 5) return [{ path: ['Recurrence'], message: `\`${action.Recurrence}\` has ${fields.length} fields, a cron expression here has 5` }];
    const error = fields.map((f, i) => fieldError(f, FIELDS[i] ?? ['field', 0, 0])).find(Boolean);
    return error ? [{ path: ['Recurrence'], message: error }] : [];
  },
};
