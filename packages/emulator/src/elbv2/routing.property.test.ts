import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compileListener, type HttpRequest } from './routing.ts';
import type { Rule, RuleCondition } from './state.ts';

// Properties of the rule walk: the hot path agrees with the explained walk; rules are tried in priority order
// so appending a rule with a larger priority number never changes a request an earlier rule already matched.

const segment = fc.constantFrom('api', 'v1', 'v2', 'img', 'Admin', 'admin', 'x', 'static');
const pathArb = fc.array(segment, { minLength: 1, maxLength: 3 }).map((parts) => `/${parts.join('/')}`);
const hostArb = fc.constantFrom('example.com', 'API.example.com', 'www.example.org', 'shop.example.com');
const patternArb = fc.oneof(pathArb, pathArb.map((p) => `${p}*`), pathArb.map((p) => `${p.slice(0, -1)}?`), fc.constant('*'));
const conditionArb: fc.Arbitrary<RuleCondition> = fc.oneof(
  fc.array(patternArb, { minLength: 1, maxLength: 2 }).map((Values) => ({ Field: 'path-pattern' as const, PathPatternConfig: { Values } })),
  fc.constantFrom('*.example.com', 'example.com', 'www.example.*').map((v) => ({ Field: 'host-header' as const, HostHeaderConfig: { Values: [v] } })),
  fc.constantFrom('GET', 'POST').map((v) => ({ Field: 'http-request-method' as const, HttpRequestMethodConfig: { Values: [v] } })),
  fc.constantFrom('10.0.0.0/8', '192.168.0.0/16').map((v) => ({ Field: 'source-ip' as const, SourceIpConfig: { Values: [v] } })),
);
const rulesArb = fc.uniqueArray(fc.integer({ min: 1, max: 1000 }), { minLength: 0, maxLength: 12 }).chain((priorities) =>
  fc.tuple(...priorities.map((p) => fc.array(conditionArb, { minLength: 1, maxLength: 2 }).map((Conditions): Rule => ({ RuleArn: `r${p}`, Priority: String(p), Conditions, Actions: [{ Type: 'forward', TargetGroupArn: `tg${p}` }], IsDefault: false })))),
);
const defaultRule: Rule = { RuleArn: 'default', Priority: 'default', Conditions: [], Actions: [{ Type: 'fixed-response', FixedResponseConfig: { StatusCode: '404' } }], IsDefault: true };
const requestArb: fc.Arbitrary<HttpRequest> = fc.record({ Method: fc.constantFrom('GET', 'POST', 'get'), Host: hostArb, Path: pathArb, SourceIp: fc.constantFrom('10.1.2.3', '192.168.9.9', '8.8.8.8') });

describe('routing properties', () => {
  it('the hot path matches the rule the walk explains, and the walk covers every rule once', () => {
    fc.assert(
      fc.property(rulesArb, requestArb, (rules, request) => {
        const listener = compileListener([...rules, defaultRule]);
        const walked = listener.route(request);
        expect(listener.match(request).RuleArn).toBe(walked.MatchedRule?.RuleArn);
        expect(walked.Walk).toHaveLength(rules.length + 1);
        expect(walked.Walk.filter((w) => w.Outcome === 'matched')).toHaveLength(1);
      }),
    );
  });

  it('appending a rule with a larger priority number never changes a match by an earlier rule', () => {
    fc.assert(
      fc.property(rulesArb, fc.array(conditionArb, { minLength: 1, maxLength: 2 }), requestArb, (rules, conditions, request) => {
        const before = compileListener([...rules, defaultRule]).match(request);
        const extra: Rule = { RuleArn: 'late', Priority: '5000', Conditions: conditions, Actions: [{ Type: 'forward', TargetGroupArn: 'late' }], IsDefault: false };
        const after = compileListener([...rules, extra, defaultRule]).match(request);
        if (!before.IsDefault) expect(after.RuleArn).toBe(before.RuleArn);
      }),
    );
  });
});
