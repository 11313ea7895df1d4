import type { SimulationResult } from '@skylab/emulator';
import type { AsgTimelineVisual } from './types.ts';

// A chart needs a few hundred points, not a week of minutes: sample evenly (every 5 minutes over a day,
// every 30 over a week), and keep the first markers only, so a stored grade stays small.
const MAX_POINTS = 300;
const MAX_EVENTS = 40;
const MARKED = new Set(['ScalingActivity', 'AlarmStateChange', 'ScheduledAction']);

/** A run (and the solution's run under the same load, when given) as the report's chart data. */
export function asgTimelineVisual(result: SimulationResult, start: number, load: readonly number[], reference?: readonly number[]): AsgTimelineVisual {
  const timeline = result.Timeline;
  const step = Math.max(1, Math.ceil(timeline.length / MAX_POINTS));
  const points = timeline
    .map((point, minute) => ({ point, minute }))
    .filter(({ minute }) => minute % step === 0 || minute === timeline.length - 1)
    .map(({ point, minute }) => ({
      minute,
      requestsPerSecond: load[minute] ?? point.RequestsPerSecond ?? 0,
      ...(point.CPUUtilization === undefined ? {} : { cpu: Math.round(point.CPUUtilization * 10) / 10 }),
      desired: point.DesiredCapacity,
      inService: point.InService,
      ...(reference?.[minute] === undefined ? {} : { reference: reference[minute] }),
    }));
  const events = result.Events.filter((e) => MARKED.has(e.Type))
    .slice(0, MAX_EVENTS)
    .map((e) => ({ minute: Math.round((Date.parse(e.Time) - start) / 60_000), type: e.Type as AsgTimelineVisual['events'][number]['type'], description: e.Description }));
  const first = timeline[0];
  return {
    kind: 'asg-timeline',
    start: first?.Time ?? '',
    minutes: timeline.length,
    minSize: first?.MinSize ?? 0,
    maxSize: first?.MaxSize ?? 0,
    points,
    events,
  };
}
