import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadLab } from './load-lab.ts';

const GOOD = readFileSync(resolve(import.meta.dirname, '../../../labs/alb-path-routing/lab.yaml'), 'utf8');

describe('ALB references in a lab', () => {
  it.each<[string, string, string, string, string]>([
    ['a load balancer the setup lacks', 'listener: { LoadBalancerName: shop-alb, Port: 80 }', 'listener: { LoadBalancerName: shop-lb, Port: 80 }', 'lab/unknown-resource', 'the setup creates no load balancer called `shop-lb`'],
    ['a listener port the setup lacks', 'listener: { LoadBalancerName: shop-alb, Port: 80 }', 'listener: { LoadBalancerName: shop-alb, Port: 8080 }', 'lab/unknown-resource', '`shop-alb` has no listener on port 8080 in the setup'],
    ['an expected target group the setup lacks', 'expect: { forward: api-tg }', 'expect: { forward: apis-tg }', 'lab/unknown-resource', 'the setup creates no target group called `apis-tg`'],
    ['a comparison of the wrong kind', 'equivalent-routing: { task: listener-rules }', 'equivalent-reachability: { task: listener-rules }', 'lab/wrong-task-kind', '`equivalent-reachability` cannot compare the answer of `listener-rules`, a `alb-listener-rules` task: use `equivalent-routing`'],
  ])('reports %s', (_name, from, to, ruleId, message) => {
    const text = GOOD.replace(from, to);
    expect(text).not.toBe(GOOD);
    const { lab, findings } = loadLab(text);
    expect(lab).toBeUndefined();
    const finding = findings.find((f) => f.ruleId === ruleId && f.message === message);
    expect(finding, JSON.stringify(findings, null, 1)).toBeDefined();
    expect(finding?.range?.start.line).toBe(text.slice(0, text.indexOf(to)).split('\n').length);
  });
});
