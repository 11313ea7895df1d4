import { describe, expect, it } from 'vitest';
import { formatOffset, loadSeries, runStart } from './asg-simulation.ts';

describe('loadSeries', () => {
  it.each([
    { name: 'one level holds', points: [{ at: '00:00', requestsPerSecond: 5, rampMinutes: 0 }], minutes: 3, series: [5, 5, 5] },
    { name: 'a step', points: [{ at: '00:00', requestsPerSecond: 5, rampMinutes: 0 }, { at: '00:02', requestsPerSecond: 9, rampMinutes: 0 }], minutes: 4, series: [5, 5, 9, 9] },
    { name: 'a ramp reaches its level at its end', points: [{ at: '00:00', requestsPerSecond: 0, rampMinutes: 0 }, { at: '00:01', requestsPerSecond: 40, rampMinutes: 4 }], minutes: 6, series: [0, 10, 20, 30, 40, 40] },
    { name: 'points in any order, days counted', points: [{ at: '1 00:00', requestsPerSecond: 7, rampMinutes: 0 }, { at: '00:00', requestsPerSecond: 1, rampMinutes: 0 }], minutes: 1442, series: [1, 7] },
  ])('$name', ({ points, minutes, series }) => {
    const got = loadSeries(points, minutes);
    expect(got).toHaveLength(minutes);
    expect(minutes > 100 ? [got[0], got[minutes - 1]] : got).toEqual(series);
  });
});

describe('runStart', () => {
  it.each([
    { start: '2026-01-05T00:00:00Z', zone: undefined, iso: '2026-01-05T00:00:00.000Z' },
    { start: '2026-01-05T00:00:00-05:00', zone: 'Asia/Tokyo', iso: '2026-01-05T05:00:00.000Z' },
    { start: '2026-01-05T00:00:00', zone: undefined, iso: '2026-01-05T00:00:00.000Z' },
    { start: '2026-01-05T00:00:00', zone: 'America/New_York', iso: '2026-01-05T05:00:00.000Z' },
    { start: '2026-07-06T00:00:00', zone: 'America/New_York', iso: '2026-07-06T04:00:00.000Z' },
  ])('$start in $zone', ({ start, zone, iso }) => {
    expect(new Date(runStart(start, zone)).toISOString()).toBe(iso);
  });
});

describe('formatOffset', () => {
  it.each([
    [0, '00:00'],
    [61, '01:01'],
    [1440 + 8 * 60, '1 08:00'],
  ])('%i minutes is %s', (minutes, text) => {
    expect(formatOffset(0, minutes * 60_000)).toBe(text);
  });
});
