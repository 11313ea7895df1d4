import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { awsDocPage, parseGolden, uniqueNames } from '../../test/golden-schema.ts';
import { routeRequest, type HttpRequest, type ListenerCertificate } from './routing.ts';
import type { Rule, TargetGroup, TargetHealthStateEnum } from './state.ts';
import { applyProbe } from './target-health.ts';

// Golden cases written from the ELBv2 documentation; each case names its page in `source`.

// Read through strict schemas first: a misspelt key fails naming the file and key. A routing case asserts a
// decision: the outcome, the rule that matched, or (for TLS) the certificate presented.
const routingSchema = z.array(
  z
    .strictObject({
      name: z.string().min(1),
      source: awsDocPage,
      Rules: z.array(z.custom<Rule>((v) => typeof v === 'object' && v !== null)),
      TargetGroups: z.array(z.custom<TargetGroup>((v) => typeof v === 'object' && v !== null)).optional(),
      Certificates: z.array(z.custom<ListenerCertificate>((v) => typeof v === 'object' && v !== null)).optional(),
      Request: z.custom<HttpRequest>((v) => typeof v === 'object' && v !== null),
      Expect: z.strictObject({
        Certificate: z.string().optional(),
        Outcome: z.enum(['forward', 'redirect', 'fixed-response', 'error']).optional(),
        MatchedPriority: z.string().optional(),
        TargetGroupArn: z.string().optional(),
        Walk: z.array(z.enum(['matched', 'not-matched', 'not-evaluated', 'unsupported'])).optional(),
        StatusCode: z.number().int().optional(),
        Location: z.string().optional(),
        Targets: z.array(z.string()).optional(),
      }),
    })
    .refine((c) => c.Expect.Outcome !== undefined || c.Expect.MatchedPriority !== undefined || c.Expect.Certificate !== undefined, 'a routing case asserts `Outcome`, `MatchedPriority` or `Certificate`'),
);

const STATES = ['initial', 'healthy', 'unhealthy', 'unused', 'draining', 'unavailable'] as const satisfies readonly TargetHealthStateEnum[];
const healthSchema = z.array(
  z.strictObject({
    name: z.string().min(1),
    source: awsDocPage,
    Start: z.enum(STATES),
    HealthyThresholdCount: z.number().int().optional(),
    UnhealthyThresholdCount: z.number().int().optional(),
    Probes: z.array(z.enum(['success', 'failure'])).min(1),
    Expect: z.array(z.enum(STATES)).min(1),
  }),
);

function load<T extends z.ZodType>(name: string, schema: T): z.output<T> {
  const cases = parseGolden(schema, JSON.parse(readFileSync(new URL(`./golden/${name}`, import.meta.url), 'utf8')), `elbv2/golden/${name}`);
  uniqueNames(cases as { name: string }[], name);
  return cases;
}

describe('routing golden cases', () => {
  it.each(load('routing.json', routingSchema))('$name', (c) => {
    const result = routeRequest({ Rules: c.Rules, ...(c.TargetGroups ? { TargetGroups: c.TargetGroups } : {}), ...(c.Certificates ? { Certificates: c.Certificates } : {}) }, c.Request);
    if (c.Expect.Certificate !== undefined) expect(result.Certificate?.CertificateArn).toBe(c.Expect.Certificate);
    if (c.Expect.Outcome !== undefined) expect(result.Outcome).toBe(c.Expect.Outcome);
    if (c.Expect.MatchedPriority !== undefined) expect(result.MatchedRule?.Priority).toBe(c.Expect.MatchedPriority);
    if (c.Expect.TargetGroupArn !== undefined) expect(result.Forward?.TargetGroupArn).toBe(c.Expect.TargetGroupArn);
    if (c.Expect.Walk !== undefined) expect(result.Walk.map((w) => w.Outcome)).toEqual(c.Expect.Walk);
    if (c.Expect.StatusCode !== undefined) expect(result.Redirect?.StatusCode ?? result.Response?.StatusCode).toBe(c.Expect.StatusCode);
    if (c.Expect.Location !== undefined) expect(result.Redirect?.Location).toBe(c.Expect.Location);
    if (c.Expect.Targets !== undefined) expect(result.Forward?.Targets).toEqual(c.Expect.Targets);
    for (const step of result.Walk) expect(step.Reason).not.toBe('');
  });
});

describe('target health golden cases', () => {
  it.each(load('target-health.json', healthSchema))('$name', (c) => {
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
