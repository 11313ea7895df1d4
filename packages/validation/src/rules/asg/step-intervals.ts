import type { z } from 'zod';
import type { scalingPolicySchema } from '../../schemas/auto-scaling.ts';

type Policy = z.output<typeof scalingPolicySchema>;

/** Neighbouring step intervals, sorted by lower bound, with the index of the later one in the policy. */
export function neighbours(policy: Policy): { upper: number; lower: number; index: number }[] {
  const steps = (policy.StepAdjustments ?? []).map((s, index) => ({ lower: s.MetricIntervalLowerBound ?? -Infinity, upper: s.MetricIntervalUpperBound ?? Infinity, index }));
  steps.sort((a, b) => a.lower - b.lower);
  return steps.slice(1).map((step, i) => ({ upper: steps[i]?.upper ?? Infinity, lower: step.lower, index: step.index }));
}
