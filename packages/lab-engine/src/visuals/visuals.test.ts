import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { grade } from '../grade.ts';
import { loadLab } from '../load-lab.ts';
import { provision } from '../provision.ts';
import { renderDeep } from '../template.ts';
import { testCtx } from '../test-ctx.ts';
import type { CheckResult } from '../types.ts';

function gradeLab(id: string, wrongAnswer?: string): CheckResult[] {
  const { lab } = loadLab(readFileSync(resolve(import.meta.dirname, '../../../../labs', id, 'lab.yaml'), 'utf8'));
  if (lab === undefined) throw new Error(`labs/${id} does not load`);
  const ctx = testCtx();
  const provisioned = provision(lab, 'visuals', ctx);
  const wrong = lab.wrongAnswers.find((w) => w.id === wrongAnswer);
  const outcome = grade(lab, provisioned, renderDeep({ ...lab.solution.answers, ...wrong?.answers }, provisioned.params), ctx);
  if (!outcome.ok) throw new Error('the answers do not grade');
  return outcome.grade.checks;
}

describe('check visuals', () => {
  it('draws an alb-route check as its rule walk: every rule in order, its conditions, the one that decided', () => {
    const routes = gradeLab('alb-path-routing').filter((c) => c.visual?.kind === 'alb-rule-walk');
    expect(routes.length).toBeGreaterThan(0);
    for (const check of routes) {
      if (check.visual?.kind !== 'alb-rule-walk') continue;
      const matched = check.visual.rows.filter((r) => r.outcome === 'matched');
      expect(matched).toHaveLength(1);
      // Every rule before the one that decided was evaluated and did not match; none after it was looked at.
      const at = check.visual.rows.findIndex((r) => r.outcome === 'matched');
      expect(check.visual.rows.slice(0, at).every((r) => r.outcome === 'not-matched')).toBe(true);
      expect(check.visual.rows.slice(at + 1).every((r) => r.outcome === 'not-evaluated')).toBe(true);
      expect(check.visual.outcome).toBe(matched[0]?.action);
      expect(check.visual.request).toMatch(/^`GET http/);
    }
  });

  it('draws a reachable path hop by hop in the lab\u2019s names', () => {
    const check = gradeLab('vpc-three-tier-security-groups').find((c) => c.id === 'internet-https-web');
    expect(check?.visual).toMatchObject({ kind: 'network-path', source: 'internet', destination: 'web-1', protocol: 'tcp', port: 443, reachable: true, blocks: [] });
    if (check?.visual?.kind !== 'network-path') return;
    expect(check.visual.hops[0]).toEqual({ name: 'internet', type: 'internet' });
    expect(check.visual.hops.map((h) => h.type)).toEqual(['internet', 'internet-gateway', 'network-acl', 'security-group', 'network-interface']);
    expect(check.visual.hops.at(-1)?.name).toBe('web-1');
    expect(check.visual.hops.find((h) => h.type === 'security-group')).toMatchObject({ name: 'web-sg', detail: 'ingress tcp 443 from 0.0.0.0/0' });
    expect(JSON.stringify(check.visual)).not.toMatch(/\b(?:sg|i|igw|subnet)-[0-9a-f]{8,}/);
  });

  it('marks the hop that blocks a path with Reachability Analyzer\u2019s code', () => {
    const check = gradeLab('vpc-three-tier-security-groups', 'subnet-cidrs').find((c) => c.id === 'web-to-app-other-az');
    expect(check?.status).toBe('fail');
    expect(check?.visual).toMatchObject({ kind: 'network-path', reachable: false });
    if (check?.visual?.kind !== 'network-path') return;
    expect(check.visual.blocks).toContainEqual(expect.objectContaining({ name: 'app-2', type: 'network-interface', code: 'ENI_SG_RULES_MISMATCH', path: 'forward', reason: expect.stringContaining('`app-sg`') }));
  });

  it('draws a simulate check as the layers\u2019 verdicts and the learner\u2019s own statements, with their lines', () => {
    const checks = gradeLab('iam-s3-read-only', 'bucket-arn-only');
    const get = checks.find((c) => c.id === 'get-object');
    expect(get?.status).toBe('fail');
    expect(get?.visual).toMatchObject({ kind: 'iam-decision', action: 's3:GetObject', decision: 'ImplicitDeny' });
    if (get?.visual?.kind !== 'iam-decision') return;
    expect(get.visual.layers.map((l) => l.policyType)).toContain('identity');
    // The one statement names only the bucket: it did not apply to an object, and the report shows its line.
    expect(get.visual.statements).toEqual([
      expect.objectContaining({ task: 'reader-policy', statementIndex: 0, effect: 'Allow', outcome: 'not-matched', reason: expect.stringContaining('Resource'), lines: { from: 4, to: 4, text: [expect.stringContaining('"arn:aws:s3:::my-app-bucket"')] } }),
    ]);
    const list = checks.find((c) => c.id === 'list-bucket');
    expect(list?.visual).toMatchObject({ kind: 'iam-decision', decision: 'Allowed', statements: [expect.objectContaining({ outcome: 'matched', lines: expect.objectContaining({ from: 4 }) })] });
  });

  it('draws an asg-scenario check as a chart of the run, sampled, with the solution\u2019s capacity beside it', () => {
    const check = gradeLab('asg-target-tracking-cpu').find((c) => c.visual?.kind === 'asg-timeline');
    if (check?.visual?.kind !== 'asg-timeline') throw new Error('no asg-scenario check drew a timeline');
    const { points, minutes, events } = check.visual;
    expect(points.length).toBeLessThanOrEqual(301);
    expect(points[0]?.minute).toBe(0);
    expect(points.at(-1)?.minute).toBe(minutes - 1);
    // The solution graded against itself: its line is the reference line, minute by minute.
    expect(points.every((p) => p.reference === p.inService)).toBe(true);
    expect(points.some((p) => p.inService > points[0]!.inService)).toBe(true);
    expect(events.some((e) => e.type === 'ScalingActivity' && e.minute >= 0 && e.minute < minutes)).toBe(true);
  });
});
