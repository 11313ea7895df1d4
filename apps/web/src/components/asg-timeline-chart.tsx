import type { AsgTimelineVisual } from '../api/types.ts';

// Two charts on one time axis, drawn as SVG with no library: capacity (InService, desired, the solution's
// InService dashed, MinSize/MaxSize as bounds) and load with CPU. Lines differ by dash pattern as well as
// colour, and the figure carries a text summary, so nothing depends on telling colours apart.

const WIDTH = 600;
const HEIGHT = 150;
const PAD = { left: 36, right: 34, top: 8, bottom: 18 };

type Series = { values: (number | undefined)[]; max: number };

function pathOf(minutes: number[], series: Series, span: number): string {
  const x = (m: number) => PAD.left + (m / Math.max(1, span)) * (WIDTH - PAD.left - PAD.right);
  const y = (v: number) => HEIGHT - PAD.bottom - (v / Math.max(1, series.max)) * (HEIGHT - PAD.top - PAD.bottom);
  let d = '';
  let pen = 'M';
  series.values.forEach((v, i) => {
    if (v === undefined) {
      pen = 'M';
      return;
    }
    d += `${pen}${x(minutes[i] ?? 0).toFixed(1)},${y(v).toFixed(1)} `;
    pen = 'L';
  });
  return d.trim();
}

/** A minute of the run as the check's own times read: `HH:MM` from its start, `D HH:MM` after the first day. */
function clock(minute: number): string {
  const day = Math.floor(minute / 1440);
  const hh = String(Math.floor((minute % 1440) / 60)).padStart(2, '0');
  const mm = String(minute % 60).padStart(2, '0');
  return `${day > 0 ? `${day} ` : ''}${hh}:${mm}`;
}

function Axis({ max, unit, minutes, rightLabel }: { max: number; unit: string; minutes: number; rightLabel?: string }) {
  const span = minutes - 1;
  const ticks = [0, 0.25, 0.5, 0.75, 1].map((f) => Math.min(span, Math.round(f * minutes)));
  const x = (m: number) => PAD.left + (m / Math.max(1, span)) * (WIDTH - PAD.left - PAD.right);
  return (
    <g class="chart-axis" aria-hidden="true">
      <text x={PAD.left - 4} y={PAD.top + 8} text-anchor="end">{max}</text>
      <text x={PAD.left - 4} y={HEIGHT - PAD.bottom} text-anchor="end">0</text>
      <text x={PAD.left + 4} y={PAD.top + 8}>{unit}</text>
      {rightLabel === undefined ? null : <text x={WIDTH - PAD.right + 4} y={PAD.top + 8}>{rightLabel}</text>}
      {ticks.map((m, i) => (
        <text key={m} x={x(m)} y={HEIGHT - 4} text-anchor={i === 0 ? 'start' : i === ticks.length - 1 ? 'end' : 'middle'}>{clock(i === ticks.length - 1 ? minutes : m)}</text>
      ))}
      <line x1={PAD.left} x2={WIDTH - PAD.right} y1={HEIGHT - PAD.bottom} y2={HEIGHT - PAD.bottom} />
    </g>
  );
}

/** An Auto Scaling run as charts: capacity against the solution's, then load and CPU, with scaling markers. */
export function AsgTimelineChart({ visual }: { visual: AsgTimelineVisual }) {
  const minutes = visual.points.map((p) => p.minute);
  const span = visual.minutes - 1;
  const capacityMax = Math.max(visual.maxSize, ...visual.points.map((p) => Math.max(p.inService, p.desired, p.reference ?? 0)), 1);
  const loadMax = Math.max(1, ...visual.points.map((p) => p.requestsPerSecond));
  const capacity = (values: (number | undefined)[]): Series => ({ values, max: capacityMax });
  const hasReference = visual.points.some((p) => p.reference !== undefined);
  const inService = visual.points.map((p) => p.inService);
  const reference = visual.points.map((p) => p.reference);
  const summary = `InService from ${Math.min(...inService)} to ${Math.max(...inService)} instances${hasReference ? `, the solution's from ${Math.min(...reference.map((r) => r ?? Infinity))} to ${Math.max(...reference.map((r) => r ?? 0))}` : ''}; load up to ${loadMax} requests per second; ${visual.events.filter((e) => e.type === 'ScalingActivity').length} scaling activities`;
  const x = (m: number) => PAD.left + (m / Math.max(1, span)) * (WIDTH - PAD.left - PAD.right);
  return (
    <figure class="visual asg-timeline">
      <figcaption>{summary}</figcaption>
      <ul class="chart-legend" aria-label="Legend">
        <li><span class="legend-swatch line-in-service" aria-hidden="true" />your InService</li>
        {hasReference ? <li><span class="legend-swatch line-reference" aria-hidden="true" />the solution’s InService</li> : null}
        <li><span class="legend-swatch line-desired" aria-hidden="true" />your desired capacity</li>
        <li><span class="legend-swatch line-load" aria-hidden="true" />load</li>
        <li><span class="legend-swatch line-cpu" aria-hidden="true" />CPU</li>
      </ul>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={`Capacity over time: ${summary}`} class="chart">
        <Axis max={capacityMax} unit="instances" minutes={visual.minutes} />
        <path class="chart-line line-desired" d={pathOf(minutes, capacity(visual.points.map((p) => p.desired)), span)} />
        {hasReference ? <path class="chart-line line-reference" d={pathOf(minutes, capacity(reference), span)} /> : null}
        <path class="chart-line line-in-service" d={pathOf(minutes, capacity(inService), span)} />
        {visual.events.filter((e) => e.type !== 'AlarmStateChange').map((e, i) => (
          <line key={i} class={`chart-marker marker-${e.type}`} x1={x(e.minute)} x2={x(e.minute)} y1={PAD.top} y2={PAD.top + 6}>
            <title>{`${clock(e.minute)} ${e.description}`}</title>
          </line>
        ))}
      </svg>
      <svg viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={`Load up to ${loadMax} requests per second, and CPU`} class="chart">
        <Axis max={loadMax} unit="requests/s (CPU % on the right)" minutes={visual.minutes} rightLabel="100%" />
        <path class="chart-line line-load" d={pathOf(minutes, { values: visual.points.map((p) => p.requestsPerSecond), max: loadMax }, span)} />
        <path class="chart-line line-cpu" d={pathOf(minutes, { values: visual.points.map((p) => (p.cpu === undefined ? undefined : (p.cpu / 100) * loadMax)), max: loadMax }, span)} />
        {visual.events.filter((e) => e.type === 'AlarmStateChange').map((e, i) => (
          <line key={i} class="chart-marker marker-AlarmStateChange" x1={x(e.minute)} x2={x(e.minute)} y1={PAD.top} y2={PAD.top + 6}>
            <title>{`${clock(e.minute)} ${e.description}`}</title>
          </line>
        ))}
      </svg>
    </figure>
  );
}
