import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { applyProbe, probeTarget, type RegisteredTarget, type TargetGroup } from '@skylab/emulator';
import { healthTimeline, outcomeOf, type Application, type Story, type Transition } from './health-timeline.ts';

// The timeline jumps over stretches where nothing can change; it must tell exactly the story a probe at
// every interval tells.

const lb = { LoadBalancerArn: 'arn:lb', LoadBalancerName: 'lb', SecurityGroups: [], AvailabilityZones: [] } as unknown as Parameters<typeof healthTimeline>[1];
const target: RegisteredTarget = { Target: { Id: 'i-0123456789abcdef0', Port: 8080 }, HealthCheckPort: '8080', TargetHealth: { State: 'initial' }, RegisteredAt: 0, ConsecutiveSuccesses: 0, ConsecutiveFailures: 0 };
const application: Application = { Port: 8080, Protocol: 'HTTP', Responses: [{ Path: '/', Status: 302 }, { Path: '/health', Status: 200 }], DefaultStatus: 404, ResponseMilliseconds: 40 };
const reach = { Outcome: 'reachable' as const, Explanation: 'open' };

function group(interval: number, timeout: number, healthy: number, unhealthy: number, path: string): TargetGroup {
  return {
    TargetGroupArn: 'arn:tg', TargetGroupName: 'tg', Protocol: 'HTTP', Port: 8080, TargetType: 'instance', HealthCheckEnabled: true, HealthCheckProtocol: 'HTTP',
    HealthCheckPort: 'traffic-port', HealthCheckPath: path, HealthCheckIntervalSeconds: interval, HealthCheckTimeoutSeconds: timeout,
    HealthyThresholdCount: healthy, UnhealthyThresholdCount: unhealthy, Matcher: { HttpCode: '200' }, LoadBalancerArns: [], Attributes: [], Targets: [],
  };
}

/** Every probe, one per interval, with no jumps. */
function stepByStep(g: TargetGroup, story: Story, end: number): Transition[] {
  const fresh: RegisteredTarget = { ...target, TargetHealth: { State: 'initial' } };
  const out: Transition[] = [];
  for (let time = g.HealthCheckIntervalSeconds; time <= end; time += g.HealthCheckIntervalSeconds) {
    const broken = story.breakage !== undefined && time >= (story.from ?? 0) && time < (story.until ?? Infinity);
    const paths: Record<string, number> = { '/': 302, '/health': 200 };
    if (broken && story.breakage?.path !== undefined && story.breakage.status !== undefined) paths[story.breakage.path] = story.breakage.status;
    const behaviour = { Reach: reach, Running: true, Listening: broken && story.breakage?.down ? [] : [{ Port: 8080, Protocol: 'HTTP' as const }], Paths: paths, ResponseCode: 404, ResponseMilliseconds: broken ? (story.breakage?.responseMilliseconds ?? 40) : 40 };
    const change = applyProbe(g, fresh, probeTarget(g, fresh, lb, behaviour, undefined, time * 1000), time * 1000);
    if (change) out.push({ time, to: change.To, description: change.Description });
  }
  return out;
}

const breakage = fc.oneof(
  fc.constant({ down: true }),
  fc.record({ path: fc.constantFrom('/', '/health'), status: fc.constantFrom(200, 302, 404, 500) }),
  fc.record({ responseMilliseconds: fc.integer({ min: 0, max: 10_000 }) }),
);

describe('healthTimeline', () => {
  it('tells the story a probe at every interval tells', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 5, max: 120 }), fc.integer({ min: 2, max: 10 }), fc.integer({ min: 2, max: 10 }), fc.constantFrom('/', '/health'),
        breakage, fc.integer({ min: 0, max: 4000 }), fc.integer({ min: 1, max: 4000 }),
        (interval, healthy, unhealthy, path, broken, from, length) => {
          const g = group(interval, Math.min(interval - 1, 5), healthy, unhealthy, path);
          const story: Story = { label: 'story', breakage: broken, from, until: from + length };
          const timeline = healthTimeline(g, lb, target, application, story, reach);
          const expected = stepByStep(g, story, from + length + 3600);
          expect(timeline).toEqual(expected);
          expect(outcomeOf(timeline, story)).toEqual(outcomeOf(expected, story));
        },
      ),
      { numRuns: 200 },
    );
  });
});
