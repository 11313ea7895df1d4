import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Lab } from '@skylab/validation';
import { grade } from './grade.ts';
import { loadLab } from './load-lab.ts';
import { targetGroupMutants } from './mutants/target-group-mutants.ts';
import { provision } from './provision.ts';
import { renderDeep } from './template.ts';
import { testCtx } from './test-ctx.ts';

// The target group task through the lab that teaches it (labs/alb-health-checks): settings applied
// through ModifyTargetGroup with ELBv2's validation, target health from the network and the application.

const FILE = join(import.meta.dirname, '../../../labs/alb-health-checks/lab.yaml');
const LAB = loadLab(readFileSync(FILE, 'utf8')).lab as Lab;

/** The health path the lab's `seed` variant draws. */
const HEALTH_PATH = provision(LAB, 'seed', testCtx()).params.healthPath as string;

function graded(healthCheck: string) {
  const ctx = testCtx();
  const provisioned = provision(LAB, 'seed', ctx);
  const answers = renderDeep(LAB.solution.answers, provisioned.params);
  return { outcome: grade(LAB, provisioned, { ...answers, 'health-check': healthCheck }, ctx), path: provisioned.params.healthPath as string };
}

function check(healthCheck: string, id: string) {
  const { outcome } = graded(healthCheck);
  if (!outcome.ok) throw new Error(outcome.findings.map((f) => f.message).join('; '));
  return outcome.grade.checks.find((c) => c.id === id);
}

const settings = (changes: string) => `HealthCheckPath: /health\nHealthCheckIntervalSeconds: 10\nHealthCheckTimeoutSeconds: 5\nHealthyThresholdCount: 3\nUnhealthyThresholdCount: 2\n${changes}`;

describe('target-group task', () => {
  it('scores the solution 100%', () => {
    const ctx = testCtx();
    const provisioned = provision(LAB, 'seed', ctx);
    const outcome = grade(LAB, provisioned, renderDeep(LAB.solution.answers, provisioned.params), ctx);
    expect(outcome.ok && outcome.grade.score).toBe(1);
  });

  // ELBv2's limits (https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_ModifyTargetGroup.html).
  it.each([
    ['a timeout as long as the interval', 'HealthCheckTimeoutSeconds: 10\nHealthCheckIntervalSeconds: 10', 'HealthCheckTimeoutSeconds', 'must be smaller than the interval'],
    ['an interval under 5 s', 'HealthCheckIntervalSeconds: 4\nHealthCheckTimeoutSeconds: 2', 'HealthCheckIntervalSeconds', 'from 5 to 300'],
    ['a threshold of 1', 'UnhealthyThresholdCount: 1', 'UnhealthyThresholdCount', 'from 2 to 10'],
    ['a matcher past 499', 'Matcher: { HttpCode: "200-599" }', 'Matcher', 'from 200 to 499'],
    ['a path without its slash', 'HealthCheckPath: health', 'HealthCheckPath', 'must start with `/`'],
  ])('refuses %s with a finding at the field', (_what, answer, field, message) => {
    const { outcome } = graded(answer);
    expect(outcome.ok).toBe(false);
    expect(outcome.findings[0]).toMatchObject({ ruleId: 'aws/ValidationError', path: ['health-check', field], message: expect.stringContaining(message) });
  });

  it('refuses a field ModifyTargetGroup does not take', () => {
    const { outcome } = graded('HealthCheckPath: /\nTargetType: ip');
    expect(outcome.ok).toBe(false);
    expect(outcome.findings[0]?.path.slice(0, 1)).toEqual(['health-check']);
  });

  it('grades the same behaviour written otherwise the same: the traffic port by its number', () => {
    const result = check(settings('HealthCheckPort: 8080\nMatcher: { HttpCode: "200" }').replace('/health', HEALTH_PATH), 'same-health');
    expect(result?.status).toBe('pass');
  });

  it('explains a slow detection with the story and both timelines', () => {
    const result = check(settings('Matcher: { HttpCode: "200" }').replace('/health', HEALTH_PATH).replace('HealthCheckIntervalSeconds: 10', 'HealthCheckIntervalSeconds: 60'), 'same-health');
    expect(result?.status).toBe('fail');
    expect(result?.explanation).toContain('the application stops answering for an hour: `app-1` is healthy 60 s after registration, unhealthy 60 s after the failure began, healthy again 2 min after the fix (healthy at the end); with the reference\'s settings it is healthy 10 s after registration, unhealthy 10 s after the failure began, healthy again 20 s after the fix (healthy at the end)');
  });

  it('says why a target never becomes healthy: the redirect of `/`', () => {
    const result = check(settings('Matcher: { HttpCode: "200" }').replace('/health', '/'), 'healthy-after-fix');
    expect(result?.status).toBe('fail');
    expect(result?.explanation).toContain('never healthy');
    expect(result?.explanation).toContain('Health checks failed with these codes: [302]');
  });

  it('says why a target never becomes healthy: the load balancer cannot send the check', () => {
    const ctx = testCtx();
    const provisioned = provision(LAB, 'seed', ctx);
    const wrong = LAB.wrongAnswers.find((w) => w.id === 'load-balancer-egress-forgotten');
    const outcome = grade(LAB, provisioned, renderDeep({ ...LAB.solution.answers, ...wrong?.answers }, provisioned.params), ctx);
    const result = outcome.ok ? outcome.grade.checks.find((c) => c.id === 'healthy-after-fix') : undefined;
    expect(result?.explanation).toContain("Request timed out: no outbound rule of the load balancer's security groups");
  });
});

describe('target group labs at load time', () => {
  it('refuse a target group task without its comparison', () => {
    const text = readFileSync(FILE, 'utf8').replace('equivalent-target-health: { task: health-check, toleranceSeconds: 5 }', "target-health: { task: health-check, expect: { staysHealthy: true } }");
    const { lab, findings } = loadLab(text);
    expect(lab).toBeUndefined();
    expect(findings.map((f) => f.message)).toContainEqual(expect.stringContaining('task `health-check` has no `equivalent-target-health` check'));
  });
});

describe('target group mutants', () => {
  const descriptions = targetGroupMutants('t', settings('HealthCheckPort: traffic-port\nMatcher: { HttpCode: "200" }')).map((m) => m.description);

  it.each([
    '`UnhealthyThresholdCount` 2 → 3',
    '`HealthyThresholdCount` 3 → 2',
    '`HealthyThresholdCount` 3 → 4',
    '`HealthCheckIntervalSeconds` 10 → 20',
    '`HealthCheckIntervalSeconds` 10 → 5',
    '`HealthCheckTimeoutSeconds` 5 → 4',
    '`HealthCheckTimeoutSeconds` 5 → 6',
    'the path changed to `/`',
    'the matcher widened to `200-499`',
    'the port changed to `8081`',
    'the protocol changed to HTTPS',
    'health checks disabled',
  ])('include %s', (description) => {
    expect(descriptions).toContain(description);
  });

  it('stay inside the ranges ELB accepts', () => {
    expect(descriptions).not.toContain('`UnhealthyThresholdCount` 2 → 1');
  });
});
