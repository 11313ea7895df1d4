import { describe, expect, it } from 'vitest';
import type { RegisteredTarget, TargetGroup } from './state.ts';
import { probeTarget, type TargetBehaviour } from './target-health.ts';

// One health check against an application, as
// https://docs.aws.amazon.com/elasticloadbalancing/latest/application/target-group-health-checks.html
// describes it: the check requests HealthCheckPath on the health check port; no answer within
// HealthCheckTimeoutSeconds is `Target.Timeout`, a code the matcher does not accept is
// `Target.ResponseCodeMismatch`, and a refused connection is `Target.FailedHealthChecks`.

const group = (changes: Partial<TargetGroup> = {}): TargetGroup => ({
  TargetGroupArn: 'arn:aws:elasticloadbalancing:us-east-1:123456789012:targetgroup/app/0123456789abcdef',
  TargetGroupName: 'app',
  Protocol: 'HTTP',
  Port: 8080,
  TargetType: 'instance',
  HealthCheckEnabled: true,
  HealthCheckProtocol: 'HTTP',
  HealthCheckPort: 'traffic-port',
  HealthCheckPath: '/health',
  HealthCheckIntervalSeconds: 10,
  HealthCheckTimeoutSeconds: 5,
  HealthyThresholdCount: 3,
  UnhealthyThresholdCount: 2,
  Matcher: { HttpCode: '200' },
  LoadBalancerArns: [],
  Attributes: [],
  Targets: [],
  ...changes,
});

const target: RegisteredTarget = { Target: { Id: 'i-0123456789abcdef0', Port: 8080 }, HealthCheckPort: '8080', TargetHealth: { State: 'initial' }, RegisteredAt: 0, ConsecutiveSuccesses: 0, ConsecutiveFailures: 0 };
const app: TargetBehaviour = { Reach: { Outcome: 'reachable', Explanation: 'open' }, Listening: [{ Port: 8080, Protocol: 'HTTP' }], Paths: { '/': 302, '/health': 200 }, ResponseCode: 404, ResponseMilliseconds: 40 };
const lb = { SecurityGroups: [], AvailabilityZones: [] };

describe('probeTarget against an application', () => {
  it.each([
    { name: 'the health path answering 200', changes: {}, behaviour: {}, outcome: 'success' },
    { name: '`/`, which redirects to the login page', changes: { HealthCheckPath: '/' }, behaviour: {}, outcome: 'Target.ResponseCodeMismatch', description: '[302]' },
    { name: '`/` with the matcher `200-399`', changes: { HealthCheckPath: '/', Matcher: { HttpCode: '200-399' } }, behaviour: {}, outcome: 'success' },
    { name: 'a path the application does not know', changes: { HealthCheckPath: '/ping' }, behaviour: {}, outcome: 'Target.ResponseCodeMismatch', description: '[404]' },
    { name: 'an answer just under the timeout', changes: {}, behaviour: { ResponseMilliseconds: 4999 }, outcome: 'success' },
    { name: 'an answer at the timeout', changes: {}, behaviour: { ResponseMilliseconds: 5000 }, outcome: 'Target.Timeout', description: 'the timeout is 5 s' },
    { name: 'a port nothing listens on', changes: { HealthCheckPort: '80' }, behaviour: {}, outcome: 'Target.FailedHealthChecks', description: 'connection refused on port 80' },
    { name: 'HTTPS to an HTTP port', changes: { HealthCheckProtocol: 'HTTPS' as const }, behaviour: {}, outcome: 'Target.FailedHealthChecks', description: 'speaks HTTP on port 8080' },
    { name: 'a network that drops the check', changes: {}, behaviour: { Reach: { Outcome: 'blocked' as const, Explanation: 'no inbound rule' } }, outcome: 'Target.Timeout', description: 'no inbound rule' },
  ])('$name: $outcome', ({ changes, behaviour, outcome, description }) => {
    const probe = probeTarget(group(changes), target, lb, { ...app, ...behaviour }, undefined, 0);
    expect(probe.Outcome === 'success' ? 'success' : probe.Reason).toBe(outcome);
    if (description !== undefined) expect(probe.Description).toContain(description);
  });
});
