import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { awsDocPage, parseGolden, uniqueNames } from '../../test/golden-schema.ts';
import { cronMatcher, parseCron } from './cron.ts';
import { adjustedCapacity, clampCapacity, selectStep, targetTrackingCapacity } from './scaling.ts';
import type { StepAdjustment } from './state.ts';

// Golden cases from the EC2 Auto Scaling user guide; each names its page in `source`.

// Read through a strict schema first, one shape per kind: a misspelt or missing input fails naming the file
// and key, instead of defaulting to 0 and asserting something else than the page says.
const ADJUSTMENT = z.enum(['ChangeInCapacity', 'ExactCapacity', 'PercentChangeInCapacity']);
const common = { name: z.string().min(1), source: awsDocPage };
const step = z.strictObject({ MetricIntervalLowerBound: z.number().optional(), MetricIntervalUpperBound: z.number().optional(), ScalingAdjustment: z.number().int() });
const caseSchema = z.discriminatedUnion('Kind', [
  z.strictObject({ ...common, Kind: z.literal('step'), Steps: z.array(step).min(1), Threshold: z.number(), Metric: z.number(), AdjustmentType: ADJUSTMENT, Current: z.number().int(), Expect: z.number() }),
  z.strictObject({ ...common, Kind: z.literal('adjust'), AdjustmentType: ADJUSTMENT, Adjustment: z.number(), Current: z.number().int(), MinAdjustmentMagnitude: z.number().int().optional(), Expect: z.number() }),
  z.strictObject({ ...common, Kind: z.literal('clamp'), Current: z.number().int(), MinSize: z.number().int(), MaxSize: z.number().int(), Expect: z.number() }),
  z.strictObject({ ...common, Kind: z.literal('target'), Current: z.number().int(), Metric: z.number(), Target: z.number(), Expect: z.number() }),
  z.strictObject({ ...common, Kind: z.literal('cron'), Recurrence: z.string(), TimeZone: z.string().optional(), At: z.string(), Expect: z.boolean() }),
]);
type Case = z.output<typeof caseSchema>;

const cases = parseGolden(z.array(caseSchema), JSON.parse(readFileSync(new URL('./golden/scaling.json', import.meta.url), 'utf8')), 'autoscaling/golden/scaling.json');
uniqueNames(cases, 'scaling.json');

function run(c: Case): number | boolean {
  switch (c.Kind) {
    case 'step': {
      const { Step } = selectStep(c.Steps as StepAdjustment[], c.Metric, c.Threshold);
      return Step ? adjustedCapacity(c.AdjustmentType, Step.ScalingAdjustment, c.Current).Capacity : Number.NaN;
    }
    case 'adjust':
      return adjustedCapacity(c.AdjustmentType, c.Adjustment, c.Current, c.MinAdjustmentMagnitude).Capacity;
    case 'clamp':
      return clampCapacity(c.Current, c.MinSize, c.MaxSize);
    case 'target':
      return targetTrackingCapacity(c.Current, c.Metric, c.Target);
    case 'cron':
      return cronMatcher(parseCron(c.Recurrence), c.TimeZone)(Date.parse(c.At));
  }
}

describe('auto scaling golden cases', () => {
  it.each(cases)('$name', (c) => {
    expect(run(c)).toBe(c.Expect);
  });
});
