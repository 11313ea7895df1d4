import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Lab } from '@skylab/validation';
import { listenerOf } from './alb-names.ts';
import { grade } from './grade.ts';
import { loadLab } from './load-lab.ts';
import { provision } from './provision.ts';
import { testCtx } from './test-ctx.ts';

const LAB = loadLab(readFileSync(resolve(import.meta.dirname, '../../../labs/alb-path-routing/lab.yaml'), 'utf8')).lab as Lab;
const TASK = 'listener-rules';
const DEFAULT = '  - { Priority: default, Conditions: [], Actions: [{ Type: forward, TargetGroupArn: web-tg }] }\n';
const rule = (priority: number | string, path: string, group = 'api-tg') =>
  `  - { Priority: ${priority}, Conditions: [{ Field: path-pattern, PathPatternConfig: { Values: ["${path}"] } }], Actions: [{ Type: forward, TargetGroupArn: ${group} }] }\n`;

function gradeWith(answer: string) {
  const ctx = testCtx();
  return grade(LAB, provision(LAB, 'seed', ctx), { [TASK]: answer }, ctx);
}

describe('an alb-listener-rules task', () => {
  it('replaces the listener rules through CreateRule and ModifyListener, target groups by name', () => {
    const outcome = gradeWith(`Rules:\n${rule(10, '/a/*')}${rule(20, '/b/*', 'static-tg')}  - { Priority: default, Conditions: [], Actions: [{ Type: fixed-response, FixedResponseConfig: { StatusCode: "404" } }] }\n`);
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.findings));
    const listener = listenerOf(outcome.state, 'shop-alb', 80);
    if ('problem' in listener) throw new Error(listener.problem);
    expect(listener.rules.map((r) => `${r.Priority} ${r.Actions[0]?.Type} ${r.Actions[0]?.TargetGroupArn?.split('/')[1] ?? ''}`)).toEqual(['default fixed-response ', '10 forward api-tg', '20 forward static-tg']);
  });

  it('takes JSON as well, and a target group by its ARN', () => {
    const ctx = testCtx();
    const provisioned = provision(LAB, 'seed', ctx);
    const arn = Object.values(provisioned.state.elbv2.targetGroups).find((g) => g.TargetGroupName === 'web-tg')?.TargetGroupArn;
    const answer = JSON.stringify({ Rules: [{ Priority: 'default', IsDefault: true, Conditions: [], Actions: [{ Type: 'forward', TargetGroupArn: arn }] }] });
    expect(grade(LAB, provisioned, { [TASK]: answer }, ctx).ok).toBe(true);
  });

  it.each<[string, string, string, number, number]>([
    ['a priority twice', `Rules:\n${rule(10, '/a/*')}${rule(10, '/b/*')}${DEFAULT}`, 'aws/PriorityInUse', 3, 17],
    ['a target group that does not exist', `Rules:\n${rule(10, '/a/*', 'nope-tg')}${DEFAULT}`, 'aws/TargetGroupNotFound', 2, 144],
    ['more than five condition values', `Rules:\n${rule(10, '/a/*", "/b/*", "/c/*", "/d/*')}${DEFAULT}`, 'aws/TooManyRules', 2, 5],
    ['no default rule', `Rules:\n${rule(10, '/a/*')}`, 'lab/default-rule', 2, 3],
    ['two default rules', `Rules:\n${DEFAULT}${DEFAULT}`, 'lab/default-rule', 3, 5],
    ['a misspelt field', `Rules:\n${rule(10, '/a/*').replace('Conditions', 'Condition')}${DEFAULT}`, 'alb-rules/unknown-element', 2, 21],
  ])('refuses %s with a finding at its line and column', (_name, answer, ruleId, line, column) => {
    const outcome = gradeWith(answer);
    expect(outcome.ok).toBe(false);
    const finding = outcome.findings.find((f) => f.ruleId === ruleId);
    expect(finding, JSON.stringify(outcome.findings)).toBeDefined();
    expect(finding?.path[0]).toBe(TASK);
    expect([finding?.range?.start.line, finding?.range?.start.column]).toEqual([line, column]);
  });
});
