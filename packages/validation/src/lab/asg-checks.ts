import { z } from 'zod';
import { int } from '../schemas/common.ts';
import { kebabId } from './fields.ts';

// The Auto Scaling check kinds: `asg-scenario` runs the group through one load profile on the virtual clock
// and asserts on the timeline; `equivalent-scaling` runs the learner's group and the solution's through a
// universe of load profiles and compares their capacity over time (DESIGN §3, behavioural equivalence).

const OFFSET = /^(?:(\d+) )?([01]?\d|2[0-3]):([0-5]\d)$/;

/** A time in the run, from its start: `HH:MM` on the first day or `D HH:MM` on day D (0 is the first). */
export const runOffset = z
  .string({ error: 'a time must be a string such as `08:30` or `1 08:30`' })
  .regex(OFFSET, { error: (issue) => `\`${String(issue.input)}\` is not a time of the run such as \`08:30\` or \`1 08:30\` (day 1)` })
  .describe('A time of the run, counted from its start: `HH:MM`, or `D HH:MM` on day D (0 is the first day)');

/** Minutes from the start of a run for a `runOffset`. */
export function offsetMinutes(offset: string): number {
  const [, day = '0', hours = '0', minutes = '0'] = OFFSET.exec(offset) ?? [];
  return Number(day) * 1440 + Number(hours) * 60 + Number(minutes);
}

const start = z.iso
  .datetime({ offset: true, local: true, error: '`start` must be an ISO 8601 time on a whole minute, such as `2026-01-05T00:00:00-05:00` or `2026-01-05T00:00:00`' })
  .describe('When the run starts, on a whole minute: ISO 8601 with an offset, or a local time in `timeZone` (UTC when left out); `HH:MM` times count from it');

const timeZone = z.string().min(1).optional().describe('An IANA time zone (`America/New_York`) in which a `start` without an offset is read, as a business reads its hours');

/** One stretch of a load profile: from `at` the load is `requestsPerSecond`, reached linearly over `rampMinutes`. */
export const loadPointSchema = z
  .strictObject({
    at: runOffset,
    requestsPerSecond: z.number({ error: '`requestsPerSecond` must be a number' }).min(0).describe('Requests per second reaching the group from `at`'),
    rampMinutes: int(0, 10080, '`rampMinutes`').prefault(0).describe('Minutes over which the load moves linearly from the previous level to this one'),
  })
  .describe('A level of the load from a time on');

const loadSchema = z
  .array(loadPointSchema)
  .min(1, { error: 'a load needs at least one point' })
  .describe('The load, as levels in time order; the first applies from the start, the last holds to the end');

const bounds = (what: string) =>
  z
    .strictObject({
      min: int(0, 1000, '`min`').optional().describe(`The fewest ${what}`),
      max: int(0, 1000, '`max`').optional().describe(`The most ${what}`),
    })
    .describe(`Bounds on the ${what}`);

const initial = z
  .enum(['in-service', 'launching'])
  .prefault('in-service')
  .describe('`in-service`: the group has been running at its desired capacity; `launching`: it was just created and its first instances boot at the start');

const scenarioSchema = z
  .strictObject({
    task: kebabId('task id').describe('The `auto-scaling-group` task whose group runs'),
    start,
    timeZone,
    hours: int(1, 168, '`hours`').prefault(24).describe('How long the run lasts, in hours (at most a week)'),
    initial,
    load: loadSchema,
    crashAt: runOffset.optional().describe("When the application of the group's first instance crashes and answers the load balancer's health checks with 500 (behind a load balancer only); nothing crashes when left out"),
    expect: z
      .strictObject({
        inService: bounds('instances InService at every minute of the run').optional(),
        at: z
          .array(z.strictObject({ time: runOffset, inService: bounds('instances InService at that minute') }).describe('Capacity at one time'))
          .optional()
          .describe('Capacity at given times'),
        scaleOut: z
          .strictObject({
            requestsPerSecondAbove: z.number().min(0).describe('The load level whose first crossing starts the clock'),
            withinMinutes: int(1, 1440, '`withinMinutes`').describe('Minutes after the crossing by which more instances must be InService than at the crossing'),
          })
          .optional()
          .describe('The group scales out soon after the load first rises above a level'),
        maxLaunches: int(0, 10000, '`maxLaunches`').optional().describe('The most instances launched during the run (no churn)'),
        maxHealthCheckReplacements: int(0, 10000, '`maxHealthCheckReplacements`').optional().describe('The most instances replaced after failing health checks'),
        minServedRequestRatio: z.number().min(0).max(1).optional().describe('The least share of the requests that reached a ready instance'),
      })
      .refine((e) => Object.values(e).some((v) => v !== undefined), { error: 'an `asg-scenario` check needs at least one expectation' })
      .describe('What the timeline must show; every expectation must hold'),
    events: int(0, 100, '`events`').prefault(12).describe('How many key events (scaling activities, alarm changes, scheduled actions) the explanation lists'),
  })
  .describe('Run the group through a load on the virtual clock and check the timeline');

const equivalentScalingSchema = z
  .strictObject({
    task: kebabId('task id').describe("The `auto-scaling-group` task whose answer is compared with the solution's answer to it"),
    start,
    timeZone,
    lowRequestsPerSecond: z.number().min(0).describe('The quiet level of the universe: night traffic'),
    peakRequestsPerSecond: z.number().positive().describe('The busy level of the universe: the daily peak (the universe also runs three times it, to reach `MaxSize`)'),
    businessHours: z
      .strictObject({ from: runOffset, to: runOffset })
      .optional()
      .describe('Busy hours of each weekday, counted from `start` (a Monday midnight in the business\'s time zone): adds a week of weekday peaks and quiet weekends'),
    tolerance: z
      .strictObject({
        instances: int(0, 100, '`tolerance.instances`').prefault(1).describe('By how many instances the InService counts may differ at a minute'),
        minutes: int(0, 1440, '`tolerance.minutes`').prefault(15).describe('For how many minutes of a profile they may differ by more'),
      })
      .prefault({})
      .describe('How far capacity over time may stray from the solution; the smallest and largest InService counts, and whether instances are replaced after failed health checks, are compared exactly'),
    examples: int(1, 20, '`examples`').prefault(3).describe('How many differing profiles the explanation shows'),
  })
  .describe("Run the answer's group and the solution's through a universe of load profiles (none, steady low and high, overload, a ramp, a spike, a step, a fresh start, an application crash, a release that never answers, business hours, and every `asg-scenario` load of the task) and compare capacity over time");

/** The Auto Scaling assertions of a check. */
export const asgCheckFields = {
  'asg-scenario': scenarioSchema.optional(),
  'equivalent-scaling': equivalentScalingSchema.optional(),
};
