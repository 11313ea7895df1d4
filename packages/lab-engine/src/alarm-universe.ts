import { evaluationRange, type MetricAlarm } from '@skylab/emulator';
import type { PublishedDatapoint } from './alarm-timeline.ts';

// The universe of metric series an `equivalent-alarms` check runs both alarms over, built around the
// reference alarm: one letter per reference period, each a level of the reference's statistic relative
// to its threshold — L well below, B just below, E equal, A just above, H well above — or `-`, nothing
// published. Each period's datapoint is a statistic set whose other statistics differ from the reference
// one (the maximum above the threshold while the average is below …), so an alarm on another statistic
// behaves differently somewhere. The patterns: every level held; breaches of every length up to N + 1 and
// recoveries of every length up to N (M out of N both ways); gaps of every length up to the evaluation
// range and beyond, after OK data, after breaching data and at the start; no data at all; flapping; sparse
// data; and datapoints published at the very end of their period instead of its start.

/** One series of the universe. */
export interface UniverseSeries {
  /** One letter per reference period: `L`, `B`, `E`, `A`, `H` or `-`. */
  pattern: string;
  /** Every datapoint published with the same value for every statistic (one sample), not a spread of samples. */
  flat: boolean;
  /** Datapoints published at the last second of their period rather than at its start. */
  late: boolean;
}

/** What the letters mean, for explanations. */
export const PATTERN_LEGEND = 'L well below the threshold, B just below, E equal, A just above, H well above, - no data';

function patterns(n: number, r: number): string[] {
  const x = (s: string, k: number) => s.repeat(Math.max(0, k));
  const out: string[] = [];
  for (let k = 1; k <= n + 1; k++) out.push(x('L', r) + x('H', k) + x('L', r + 1));
  for (let k = 1; k <= n; k++) out.push(x('H', r + 1) + x('L', k) + x('H', r + 1));
  out.push(x('B', r) + x('A', n) + x('B', r + 1), x('B', r) + x('E', n) + x('B', r + 1), x('A', r) + x('E', n) + x('A', r + 1));
  for (const level of ['L', 'H']) {
    for (let gap = 1; gap <= r + 2; gap++) out.push(x(level, r + 1) + x('-', gap) + x(level, n + 1));
    for (let gap = 1; gap <= r; gap++) out.push(x('-', gap) + x(level, n + 1));
  }
  out.push(x('-', r + 3), x('HL', n + 2), x('HHL', n + 1), x('LLH', n + 1), x('AB', n + 2), x('H-', n + 2), x('L-', n + 2), x('H-L', n + 1), x('H--', n + 1));
  return out;
}

/** The series of the universe for a reference alarm. */
export function alarmUniverse(reference: MetricAlarm): UniverseSeries[] {
  const n = reference.EvaluationPeriods;
  const r = evaluationRange(n);
  const steady = [...'LBEAH'].flatMap((level) => [true, false].map((flat) => ({ pattern: level.repeat(r + 2), flat, late: false })));
  const shaped = patterns(n, r).map((pattern) => ({ pattern, flat: false, late: false }));
  const late = [`${'L'.repeat(r)}${'H'.repeat(n)}${'L'.repeat(r)}`, `${'H'.repeat(r)}--${'H'.repeat(n)}`].map((pattern) => ({ pattern, flat: false, late: true }));
  return [...steady, ...shaped, ...late];
}

/** The reference statistic's value for a level letter. */
function levelValue(reference: MetricAlarm, letter: string): number {
  const t = reference.Threshold;
  const counting = reference.Statistic === 'SampleCount';
  const far = counting ? Math.max(2, Math.round(Math.abs(t) * 0.25)) : Math.max(Math.abs(t) * 0.25, 1);
  const near = counting ? 1 : Math.max(Math.abs(t) * 0.001, 0.001);
  const value = { L: t - far, B: t - near, E: t, A: t + near, H: t + far }[letter] ?? t;
  return counting ? Math.max(1, Math.round(value)) : value;
}

/** A statistic set whose reference statistic is `v` and whose others spread around it. */
function statisticSet(reference: MetricAlarm, v: number, flat: boolean): Omit<PublishedDatapoint, 'offsetMs'> {
  const spread = Math.max(Math.abs(reference.Threshold) * 0.5, 2);
  if (reference.Statistic === 'SampleCount') return { SampleCount: v, Sum: v * reference.Threshold, Minimum: reference.Threshold - spread, Maximum: reference.Threshold + spread };
  if (flat) return { SampleCount: 1, Sum: v, Minimum: v, Maximum: v };
  switch (reference.Statistic) {
    case 'Sum':
      // Four samples: with three, the maximum v / 3 + 2 equals the sum at a threshold of 3 and tells nothing apart.
      return { SampleCount: 4, Sum: v, Minimum: v / 4 - spread, Maximum: v / 4 + spread };
    case 'Maximum':
      return { SampleCount: 3, Sum: 3 * (v - spread / 2), Minimum: v - spread, Maximum: v };
    case 'Minimum':
      return { SampleCount: 3, Sum: 3 * (v + spread / 2), Minimum: v, Maximum: v + spread };
    default:
      return { SampleCount: 3, Sum: 3 * v, Minimum: v - spread, Maximum: v + spread };
  }
}

/** The datapoints of a series: one per lettered period of the reference, none for `-`. */
export function seriesDatapoints(series: UniverseSeries, reference: MetricAlarm): PublishedDatapoint[] {
  const periodMs = reference.Period * 1000;
  return [...series.pattern].flatMap((letter, i) => {
    if (letter === '-') return [];
    const offsetMs = i * periodMs + (series.late ? periodMs - 1000 : 0);
    return [{ offsetMs, ...statisticSet(reference, levelValue(reference, letter), series.flat) }];
  });
}
