import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { routeRequest, type HttpRequest, type ListenerCertificate } from './routing.ts';
import type { Rule, TargetGroup, TargetHealthStateEnum } from './state.ts';
import { applyProbe } from './target-health.ts';

// Golden cases written from the ELBv2 documentation; each case names its page in `source`.

interface RoutingCase {
  name: string;
  source: string;
  Rules: Rule[];
  TargetGroups?: TargetGroup[];
  Certificates?: ListenerCertificate[];
  Request: HttpRequest;
  Expect: { Certificate?: string; Outcome?: string; MatchedPriority?: string; TargetGroupArn?: string; Walk?: string[]; StatusCode?: number; Location?: string; Targets?: string[] };
}

interface HealthCase {
  name: string;
  source: string;
  Start: TargetHealthStateEnum;
  HealthyThresholdCount?: number;
  UnhealthyThresholdCount?: number;
  Probes: ('success' | 'failure')[];
  Expect: TargetHealthStateEnum[];
}

const load = <T>(name: string): T[] => JSON.parse(readFileSync(new URL(`./golden/${name}`, import.meta.url), 'utf8')) as T[];

describe('routing golden cases', () => {
  it.each(load<RoutingCase>('routing.json'))('$name', (c) => {
    expect(c.source).toMatch(/^https:\/\/docs\.aws\.amazon\.com\//);
    const result = routeRequest({ Rules: c.Rules, ...(c.TargetGroups ? { TargetGroups: c.TargetGroups } : {}), ...(c.Certificates ? { Certificates: c.Certificates } : {}) }, c.Request);
    if (c.Expect.Certificate) expect(result.Certificate?.CertificateArn).toBe(c.Expect.Certificate);
    if (c.Expect.Outcome) expect(result.Outcome).toBe(c.Expect.Outcome);
    if (c.Expect.MatchedPriority) expect(result.MatchedRule?.Priority).toBe(c.Expect.MatchedPriority);
    if (c.Expect.TargetGroupArn) expect(result.Forward?.TargetGroupArn).toBe(c.Expect.TargetGroupArn);
    if (c.Expect.Walk) expect(result.Walk.map((w) => w.Outcome)).toEqual(c.Expect.Walk);
    if (c.Expect.StatusCode) expect(result.Redirect?.StatusCode ?? result.Response?.StatusCode).toBe(c.Expect.StatusCode);
    if (c.Expect.Location) expect(result.Redirect?.Location).toBe(c.Expect.Location);
    if (c.Expect.Targets) expect(result.Forward?.Targets).toEqual(c.Expect.Targets);
    for (const step of result.Walk) expect(step.Reason).not.toBe('');
  });
});

describe('target health golden cases', () => {
  it.each(load<HealthCase>('target-health.json'))('$name', (c) => {
    const group = {
      TargetGroupArn: 'tg',
      HealthyThresholdCount: c.HealthyThresholdCount ?? 5,
      UnhealthyThresholdCount: c.UnhealthyThresholdCount ?? 2,
    } as TargetGroup;
    const target = { Target: { Id: 'i-0123456789abcdef0' }, HealthCheckPort: '80', TargetHealth: { State: c.Start }, RegisteredAt: 0, ConsecutiveSuccesses: 0, ConsecutiveFailures: 0 };
    const states = c.Probes.map((p, i) => {
      applyProbe(group, target, p === 'success' ? { Outcome: 'success', Description: 'ok' } : { Outcome: 'failure', Reason: 'Target.Timeout', Description: 'Request timed out' }, (i + 1) * 30_000);
      return target.TargetHealth.State;
    });
    expect(states).toEqual(c.Expect);
  });
});
