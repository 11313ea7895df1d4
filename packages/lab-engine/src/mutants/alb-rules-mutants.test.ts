import { describe, expect, it } from 'vitest';
import { albRulesMutants } from './alb-rules-mutants.ts';

const CONTEXT = { accountId: '111122223333', groupCidrs: new Map(), targetGroups: ['api-tg', 'web-tg'] };
const RULES = `Rules:
  - { Priority: 10, Conditions: [{ Field: path-pattern, PathPatternConfig: { Values: ["/api/*"] } }, { Field: host-header, Values: [admin.example.com] }], Actions: [{ Type: forward, TargetGroupArn: api-tg }] }
  - { Priority: 20, Conditions: [{ Field: http-header, HttpHeaderConfig: { HttpHeaderName: X-Canary, Values: ["true"] } }], Actions: [{ Type: redirect, RedirectConfig: { Protocol: HTTPS, Port: "443", StatusCode: HTTP_301 } }] }
  - { Priority: default, Conditions: [], Actions: [{ Type: forward, TargetGroupArn: web-tg }] }
`;

describe('listener rules mutants', () => {
  const mutants = albRulesMutants('rules', RULES, CONTEXT);
  const answer = (description: string) => JSON.parse(mutants.find((m) => m.description === description)?.answer ?? 'null') as { Rules: Record<string, unknown>[] } | null;

  it.each([
    'rule 10 removed',
    'rule 10: the `path-pattern` condition dropped',
    'rule 10: `/api/*` widened to `/*`',
    'rule 10: `admin.example.com` widened to `*.example.com`',
    'rule 20: `true` widened to `*`',
    'rule 20: the redirect changed to a forward to `api-tg`',
    'rule 20: the permanent redirect (301) made temporary (302)',
    'rule 20: the redirect drops the query string',
    'the default rule: the action changed to a fixed 404 response',
    'the default rule: the action changed to a forward to `api-tg`',
    'the priorities of rules 10 and 20 swapped',
  ])('include %s', (description) => {
    expect(answer(description)).not.toBeNull();
  });

  it.each([
    ['the default rule removed'],
    ['rule 20: the `http-header` condition dropped'],
    ['the default rule: the action changed to a forward to `web-tg`'],
  ])('leave out %s, which AWS refuses or which changes nothing', (description) => {
    expect(answer(description)).toBeNull();
  });

  it('write the change in the shape the answer had', () => {
    expect(answer('rule 10: `admin.example.com` widened to `*.example.com`')?.Rules[0]?.Conditions).toEqual([
      { Field: 'path-pattern', PathPatternConfig: { Values: ['/api/*'] } },
      { Field: 'host-header', Values: ['*.example.com'] },
    ]);
    expect(answer('the priorities of rules 10 and 20 swapped')?.Rules.map((r) => r.Priority)).toEqual([20, 10, 'default']);
  });
});
