import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Lab } from '@skylab/validation';
import { grade } from './grade.ts';
import { loadLab } from './load-lab.ts';
import { provision } from './provision.ts';
import { renderDeep } from './template.ts';
import { testCtx } from './test-ctx.ts';

const lab = (id: string) => loadLab(readFileSync(resolve(import.meta.dirname, `../../../labs/${id}/lab.yaml`), 'utf8')).lab as Lab;

function checks(id: string, wrong?: string) {
  const LAB = lab(id);
  const ctx = testCtx();
  const provisioned = provision(LAB, 'learner-1', ctx);
  const answers = { ...LAB.solution.answers, ...LAB.wrongAnswers.find((w) => w.id === wrong)?.answers };
  const outcome = grade(LAB, provisioned, renderDeep(answers, provisioned.params), ctx);
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.findings));
  return { params: provisioned.params, byId: new Map(outcome.grade.checks.map((c) => [c.id, c])) };
}

describe('alb-route and equivalent-routing checks', () => {
  it.each<[string, string, string, RegExp]>([
    ['alb-path-routing', 'catch-all-first', 'api-to-api-tg', /- rule 1: matched: every condition matches\n→ forward to `web-tg`\nexpected a forward to `api-tg`$/],
    ['alb-path-routing', 'prefix-without-slash', 'same-routing', /routed differently \(\d+\):\n- `GET http:\/\/[^`]+\/(api|v2)`: your listener: forward to `api-tg` \(rule 10\); the reference: forward to `web-tg`/],
    ['alb-host-header-routing', 'canary-first', 'admin-wins-over-canary', /- rule 5: matched: every condition matches\n→ forward to `canary-tg`/],
    ['alb-host-header-routing', 'any-header-value', 'same-routing', /your listener: forward to `canary-tg` \(rule 20\); the reference: forward to `prod-tg`/],
    ['alb-http-to-https-redirect', 'port-placeholder', 'cart-redirected', /→ redirect 301 to `https:\/\/[^/`]+:80\/cart\?item=42`/],
    ['alb-http-to-https-redirect', 'host-written-out', 'same-routing', /`GET http:\/\/unnamed\.example\.net\/`: your listener: redirect 301 to `https:\/\/[^u][^`]+\/`/],
  ])('%s: `%s` fails `%s` and the rule walk says why', (id, wrong, check, explanation) => {
    const result = checks(id, wrong).byId.get(check);
    expect(result?.status).toBe('fail');
    expect(result?.explanation).toMatch(explanation);
  });

  it('fail when another rule than the expected one matches, even with the right target group', () => {
    const LAB = lab('alb-path-routing');
    const check = LAB.checks.find((c) => c.id === 'api-to-api-tg');
    const route = check?.['alb-route'];
    if (!check || !route) throw new Error('no api-to-api-tg check');
    const strict = { ...LAB, checks: [{ ...check, 'alb-route': { ...route, expect: { ...route.expect, rule: 20 as const } } }] };
    const ctx = testCtx();
    const provisioned = provision(strict, 'learner-1', ctx);
    const outcome = grade(strict, provisioned, renderDeep(LAB.solution.answers, provisioned.params), ctx);
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.findings));
    expect(outcome.grade.checks[0]?.status).toBe('fail');
    expect(outcome.grade.checks[0]?.explanation).toMatch(/expected rule 20 to match, not rule 10$/);
  });

  it('pass the solution and say what was compared', () => {
    const result = checks('alb-host-header-routing').byId.get('same-routing');
    expect(result?.status).toBe('pass');
    expect(result?.explanation).toMatch(/^compared on \d+ requests .*: (\d+) routed alike$/);
  });

  it('walk every rule in priority order with why it did not match', () => {
    const result = checks('alb-path-routing').byId.get('home-to-web-tg');
    expect(result?.explanation).toMatch(/^`GET http:\/\/shop\.example\.com\/checkout`:\n- rule 10: no match: path `\/checkout` matches none of `\/(api|v2)\/\*`\n- rule 20: no match: .*\n- the default rule: matched: no other rule matched, so the default rule applies\n→ forward to `web-tg`$/);
  });
});
