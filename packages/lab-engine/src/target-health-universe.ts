import type { TargetGroup } from '@skylab/emulator';
import { BREAK_AT, OUTAGE_SECONDS, type Application, type Story } from './health-timeline.ts';

// The stories that tell two health checks apart (DESIGN §3, grading integrity): nothing broken (how soon a
// target is healthy, whether it ever is); every path either side checks, or the application names, answering
// every status code around either matcher's ranges and the usual suspects (a redirect, not found, a server
// error); answers just under and at either timeout; the application down for an hour; and down for streaks
// of one interval fewer, as many and one more than either side's unhealthy threshold, which a threshold
// one apart treats differently.

const USUAL_CODES = [200, 301, 302, 400, 404, 500, 503];

/** The status codes on either side of every edge of a matcher (`200`, `200,202`, `200-299`). */
function matcherEdges(httpCode: string): number[] {
  return httpCode.split(',').flatMap((part) => {
    const [lo, hi] = part.trim().split('-').map(Number);
    const low = lo ?? 200;
    const high = hi ?? low;
    return [low - 1, low, high, high + 1];
  });
}

const outage = (label: string, breakage: Story['breakage']): Story => ({ label, breakage, from: BREAK_AT, until: BREAK_AT + OUTAGE_SECONDS });

/** Every story of the universe for two sides' target groups and the application. */
export function healthStories(application: Application, groups: readonly TargetGroup[]): Story[] {
  const stories: Story[] = [{ label: 'nothing breaks' }, outage('the application stops answering for an hour', { down: true })];
  // The paths the checks request and the usual codes first: the explanation shows the first differences.
  const paths = [...new Set([...groups.map((g) => g.HealthCheckPath), ...application.Responses.map((r) => r.Path)])];
  const codes = [...new Set([...USUAL_CODES, ...groups.flatMap((g) => matcherEdges(g.Matcher.HttpCode))])].filter((c) => c >= 100 && c <= 599);
  for (const path of paths) {
    const normal = application.Responses.find((r) => r.Path === path)?.Status ?? application.DefaultStatus;
    for (const status of codes) if (status !== normal) stories.push(outage(`\`${path}\` answers ${status} for an hour`, { path, status }));
  }
  const slow = [...new Set(groups.flatMap((g) => [g.HealthCheckTimeoutSeconds * 1000 - 1, g.HealthCheckTimeoutSeconds * 1000]))].sort((a, b) => a - b);
  for (const ms of slow) if (ms !== application.ResponseMilliseconds) stories.push(outage(`the application takes ${ms} ms to answer for an hour`, { responseMilliseconds: ms }));
  const streaks = new Set(groups.flatMap((g) => [-1, 0, 1].map((k) => (g.UnhealthyThresholdCount + k) * g.HealthCheckIntervalSeconds)));
  for (const seconds of [...streaks].filter((s) => s > 0).sort((a, b) => a - b)) {
    stories.push({ label: `the application stops answering for ${seconds} s`, breakage: { down: true }, from: BREAK_AT, until: BREAK_AT + seconds });
  }
  return stories;
}
