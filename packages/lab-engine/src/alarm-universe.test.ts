import { evaluationRange, periodStatistic, type MetricAlarm } from '@skylab/emulator';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { alarmUniverse, seriesDatapoints } from './alarm-universe.ts';

const BASE: MetricAlarm = {
  AlarmName: 'a', AlarmArn: 'arn', ActionsEnabled: true, OKActions: [], AlarmActions: [], InsufficientDataActions: [], StateValue: 'INSUFFICIENT_DATA', StateReason: '', StateUpdatedTimestamp: '', AlarmConfigurationUpdatedTimestamp: '',
  Namespace: 'Shop', MetricName: 'm', Dimensions: [], Statistic: 'Average', Period: 300, EvaluationPeriods: 3, DatapointsToAlarm: 2, Threshold: 80, ComparisonOperator: 'GreaterThanThreshold', TreatMissingData: 'missing',
};

const STATISTICS = ['Average', 'Sum', 'Minimum', 'Maximum', 'SampleCount'] as const;

describe('alarmUniverse', () => {
  it.each([1, 3, 5])('has gaps of every length up to the evaluation range and beyond, after OK data, after a breach and at the start (N = %i)', (n) => {
    const patterns = alarmUniverse({ ...BASE, EvaluationPeriods: n }).map((s) => s.pattern);
    const r = evaluationRange(n);
    for (let gap = 1; gap <= r + 2; gap++) {
      expect(patterns.some((p) => p.includes(`L${'-'.repeat(gap)}L`)), `a gap of ${gap} after OK data`).toBe(true);
      expect(patterns.some((p) => p.includes(`H${'-'.repeat(gap)}H`)), `a gap of ${gap} after a breach`).toBe(true);
    }
    for (let gap = 1; gap <= r; gap++) expect(patterns).toContain(`${'-'.repeat(gap)}${'H'.repeat(n + 1)}`);
    for (let run = 1; run <= n + 1; run++) expect(patterns.some((p) => p.includes(`L${'H'.repeat(run)}L`)), `a breach of ${run}`).toBe(true);
    expect(patterns).toContain('-'.repeat(r + 3));
    for (const [a, b] of ['BA', 'BE', 'AE']) expect(patterns.some((p) => p.includes(a!) && p.includes(b!)), `${a} beside ${b}`).toBe(true);
  });

  it('publishes each period once, at its start or at its last second, never for `-`', () => {
    const [late] = alarmUniverse(BASE).filter((s) => s.late);
    const points = seriesDatapoints(late!, BASE);
    expect(points.length).toBe([...late!.pattern].filter((c) => c !== '-').length);
    expect(points.every((p) => p.offsetMs % 300_000 === 299_000)).toBe(true);
  });

  it('gives the reference statistic the level of each letter, and each other statistic another side of the threshold at some level', () => {
    fc.assert(
      // Counts are whole and at least 1, so a SampleCount threshold below 3 has no level well below it.
      fc.property(fc.constantFrom(...STATISTICS), fc.integer({ min: -1000, max: 1000 }).filter((t) => t !== 0), fc.constantFrom(60, 300), (statistic, threshold, period) => {
        fc.pre(statistic !== 'SampleCount' || threshold >= 3);
        const alarm: MetricAlarm = { ...BASE, Statistic: statistic, Threshold: threshold, Period: period };
        const steady = alarmUniverse(alarm).filter((s) => !s.flat && !s.late && /^([LBEAH])\1+$/.test(s.pattern));
        const side = (pattern: string, stat: MetricAlarm['Statistic']) => {
          const points = seriesDatapoints(steady.find((s) => s.pattern === pattern)!, alarm);
          const stored = { Namespace: 'Shop', MetricName: 'm', Dimensions: [], Datapoints: points.map(({ offsetMs, ...rest }) => ({ Timestamp: offsetMs, ...rest })) };
          return Math.sign(periodStatistic(stored, 0, period, stat)! - threshold);
        };
        const patterns = steady.map((s) => s.pattern);
        expect(patterns.map((p) => side(p, statistic))).toEqual([-1, -1, 0, 1, 1]);
        for (const other of STATISTICS) {
          if (other === statistic || other === 'SampleCount' || statistic === 'SampleCount') continue;
          expect(patterns.some((p) => side(p, other) !== side(p, statistic)), `${other} against ${statistic}`).toBe(true);
        }
      }),
      { numRuns: 1000 },
    );
  });
});
