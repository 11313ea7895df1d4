import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cronMatcher, parseCron } from './cron.ts';
import { adjustedCapacity, clampCapacity, selectStep, targetTrackingCapacity } from './scaling.ts';
import type { StepAdjustment } from './state.ts';

// Golden cases from the EC2 Auto Scaling user guide; each names its page in `source`.

interface Case {
  name: string;
  source: string;
  Kind: 'step' | 'adjust' | 'clamp' | 'target' | 'cron';
  Steps?: StepAdjustment[];
  Threshold?: number;
  Metric?: number;
  AdjustmentType?: 'ChangeInCapacity' | 'ExactCapacity' | 'PercentChangeInCapacity';
  Adjustment?: number;
  MinAdjustmentMagnitude?: number;
  Current?: number;
  MinSize?: number;
  MaxSize?: number;
  Target?: number;
  Recurrence?: string;
  TimeZone?: string;
  At?: string;
  Expect: number | boolean;
}

const cases = JSON.parse(readFileSync(new URL('./golden/scaling.json', import.meta.url), 'utf8')) as Case[];

function run(c: Case): number | boolean {
  switch (c.Kind) {
    case 'step': {
      const { Step } = selectStep(c.Steps ?? [], c.Metric ?? 0, c.Threshold ?? 0);
      return Step ? adjustedCapacity(c.AdjustmentType ?? 'ChangeInCapacity', Step.ScalingAdjustment, c.Current ?? 0).Capacity : Number.NaN;
    }
    case 'adjust':
      return adjustedCapacity(c.AdjustmentType ?? 'ChangeInCapacity', c.Adjustment ?? 0, c.Current ?? 0, c.MinAdjustmentMagnitude).Capacity;
    case 'clamp':
      return clampCapacity(c.Current ?? 0, c.MinSize ?? 0, c.MaxSize ?? 0);
    case 'target':
      return targetTrackingCapacity(c.Current ?? 0, c.Metric ?? 0, c.Target ?? 1);
    case 'cron':
      return cronMatcher(parseCron(c.Recurrence ?? ''), c.TimeZone)(Date.parse(c.At ?? ''));
  }
}

describe('auto scaling golden cases', () => {
  it.each(cases)('$name', (c) => {
    expect(c.source).toMatch(/^https:\/\/docs\.aws\.amazon\.com\//);
    expect(run(c)).toBe(c.Expect);
  });
});
