import { describe, expect, it } from 'vitest';
import { labCheckSchema } from './checks.ts';
import { offsetMinutes } from './asg-checks.ts';

const check = (assertion: Record<string, unknown>) => ({ id: 'c', title: 'C', feedback: { pass: 'yes', fail: 'no' }, ...assertion });
const SCENARIO = { task: 'group', start: '2026-01-05T00:00:00', timeZone: 'America/New_York', load: [{ at: '00:00', requestsPerSecond: 5 }], expect: { maxLaunches: 3 } };

describe('offsetMinutes', () => {
  it.each([
    ['00:00', 0],
    ['8:30', 510],
    ['23:59', 1439],
    ['1 08:00', 1920],
    ['6 00:00', 8640],
  ])('%s is %i minutes into the run', (offset, minutes) => {
    expect(offsetMinutes(offset)).toBe(minutes);
  });
});

describe('the Auto Scaling checks', () => {
  it('fills in the defaults of a scenario and a comparison', () => {
    expect(labCheckSchema.parse(check({ 'asg-scenario': SCENARIO }))['asg-scenario']).toMatchObject({ hours: 24, initial: 'in-service', events: 12, load: [{ rampMinutes: 0 }] });
    const compare = labCheckSchema.parse(check({ 'equivalent-scaling': { task: 'group', start: '2026-01-05T00:00:00Z', lowRequestsPerSecond: 5, peakRequestsPerSecond: 100 } }));
    expect(compare['equivalent-scaling']).toMatchObject({ tolerance: { instances: 1, minutes: 15 }, examples: 3 });
  });

  it.each([
    ['a time of day past 23:59', { ...SCENARIO, load: [{ at: '24:00', requestsPerSecond: 5 }] }, ['asg-scenario', 'load', 0, 'at']],
    ['a start that is not a time', { ...SCENARIO, start: 'monday' }, ['asg-scenario', 'start']],
    ['no expectation', { ...SCENARIO, expect: {} }, ['asg-scenario', 'expect']],
    ['a week and a day', { ...SCENARIO, hours: 169 }, ['asg-scenario', 'hours']],
  ])('rejects %s', (_name, scenario, path) => {
    const result = labCheckSchema.safeParse(check({ 'asg-scenario': scenario }));
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(path);
  });
});
