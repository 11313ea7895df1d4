import { describe, expect, it } from 'vitest';
import type { SimulationResult } from '@skylab/emulator';
import { brokenExpectations } from './check-asg-scenario.ts';

// The expectations of an `asg-scenario` over a made-up timeline: four minutes, InService 2, 2, 3, 3.
const RESULT = {
  Timeline: [2, 2, 3, 3].map((InService, m) => ({ Time: new Date(m * 60_000).toISOString(), InService })),
  Summary: { Launches: 1, HealthCheckReplacements: 0, ServedRequestRatio: 0.95 },
} as unknown as SimulationResult;
const LOAD = [10, 50, 50, 50];
const spec = (expect: Record<string, unknown>) => ({ hours: 1, expect }) as unknown as Parameters<typeof brokenExpectations>[0];

describe('brokenExpectations', () => {
  it.each([
    { name: 'bounds kept', expect: { inService: { min: 2, max: 3 } }, broken: [] },
    { name: 'a bound broken', expect: { inService: { max: 2 } }, broken: ['InService must stay at most 2, but at 00:02 it was 3'] },
    { name: 'capacity at a time', expect: { at: [{ time: '00:03', inService: { min: 4 } }] }, broken: ['at 00:03 InService must be at least 4, but it was 3'] },
    { name: 'a time after the run', expect: { at: [{ time: '02:00', inService: { min: 1 } }] }, broken: ['02:00 is after the end of the run (1 hour): nothing to check there'] },
    { name: 'a scale-out in time', expect: { scaleOut: { requestsPerSecondAbove: 20, withinMinutes: 1 } }, broken: [] },
    { name: 'a scale-out too late', expect: { scaleOut: { requestsPerSecondAbove: 5, withinMinutes: 1 } }, broken: ['the load rose above 5 requests per second at 00:00, but 1 minute later no more than 2 instances were InService'] },
    { name: 'a level the load never reaches', expect: { scaleOut: { requestsPerSecondAbove: 80, withinMinutes: 5 } }, broken: ['the load never rises above 80 requests per second, so how fast the group scales out cannot be checked'] },
    { name: 'churn', expect: { maxLaunches: 0 }, broken: ['at most 0 launches were expected, the group launched 1'] },
    { name: 'requests lost', expect: { minServedRequestRatio: 0.99 }, broken: ['at least 99% of the requests must reach a ready instance, 95% did'] },
  ])('$name', ({ expect: expectations, broken }) => {
    expect(brokenExpectations(spec(expectations), RESULT, LOAD, 0)).toEqual(broken);
  });
});
