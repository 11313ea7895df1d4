import { describe, expect, it } from 'vitest';
import type { Rule } from '@skylab/emulator';
import { cidrWitnesses, patternWitnesses, routingUniverse } from './routing-universe.ts';

const LISTENER = { Protocol: 'HTTP' as const, Port: 80 };
const DEFAULT: Rule = { RuleArn: 'd', Priority: 'default', Conditions: [], Actions: [{ Type: 'fixed-response', FixedResponseConfig: { StatusCode: '404' } }], IsDefault: true };
const rule = (conditions: Rule['Conditions']): Rule[] => [{ RuleArn: 'r', Priority: '10', Conditions: conditions, Actions: [{ Type: 'fixed-response', FixedResponseConfig: { StatusCode: '200' } }], IsDefault: false }, DEFAULT];

describe('the routing universe', () => {
  it.each<[string, 'host' | 'path' | 'value', string[]]>([
    ['/api/*', 'path', ['/api/', '/api/x', '/api/x/y', '/api', '/API/', '/apix', '/zapi/']],
    ['admin.example.com', 'host', ['admin.example.com', 'admin.example.co', 'admin.example.comz', 'zadmin.example.com', 'x.admin.example.com', 'example.com']],
    ['true', 'value', ['true', 'tru', 'truez', 'TRUE', 'ztrue']],
    ['a\\*b', 'value', ['a*b']],
  ])('instantiates and near-misses `%s` (%s)', (pattern, kind, expected) => {
    expect(patternWitnesses(pattern, kind)).toEqual(expect.arrayContaining(expected));
  });

  it.each<[string, string[]]>([
    ['10.0.0.0/24', ['10.0.0.0', '10.0.0.255', '9.255.255.255', '10.0.1.0']],
    ['0.0.0.0/0', ['0.0.0.0', '255.255.255.255']],
    ['2001:db8::/32', ['2001:db8::']],
  ])('takes both edges of `%s` and the addresses just outside', (cidr, expected) => {
    expect(cidrWitnesses(cidr)).toEqual(expected);
  });

  it('varies only the fields some condition looks at, plus a query string nobody named', () => {
    const universe = routingUniverse(rule([{ Field: 'path-pattern', PathPatternConfig: { Values: ['/a/*'] } }]), [DEFAULT], LISTENER) ?? [];
    expect(new Set(universe.map((u) => u.request.Method))).toEqual(new Set(['GET']));
    expect(universe.every((u) => u.request.SourceIp === undefined && u.request.Headers === undefined)).toBe(true);
    expect(universe.some((u) => u.request.Path === '/a/x?unnamed=unnamed-value')).toBe(true);
  });

  it('takes headers, methods and source addresses from either side, and leaves the header out too', () => {
    const learner = rule([{ Field: 'http-header', HttpHeaderConfig: { HttpHeaderName: 'X-Canary', Values: ['true'] } }]);
    const reference = rule([{ Field: 'http-request-method', HttpRequestMethodConfig: { Values: ['PUT'] } }, { Field: 'source-ip', SourceIpConfig: { Values: ['192.0.2.0/24'] } }]);
    const universe = routingUniverse(learner, reference, LISTENER) ?? [];
    const headers = new Set(universe.map((u) => u.request.Headers?.['X-Canary']));
    expect([...headers]).toEqual(expect.arrayContaining([undefined, 'true', 'TRUE', 'unnamed-value']));
    expect(new Set(universe.map((u) => u.request.Method))).toEqual(new Set(['GET', 'POST', 'PUT', 'PATCH', 'OPTIONS', 'get']));
    expect(new Set(universe.map((u) => u.request.SourceIp))).toEqual(new Set(['198.51.100.23', '192.0.2.0', '192.0.2.255', '192.0.1.255', '192.0.3.0']));
  });

  it('refuses (undefined) past its size limit rather than run for long', () => {
    const many = (field: 'host-header' | 'path-pattern', n: number) => Array.from({ length: n }, (_v, i) => (field === 'host-header' ? `h${i}.example.com` : `/p${i}/*`));
    const rules: Rule[] = Array.from({ length: 30 }, (_v, i) => ({ ...rule([{ Field: 'host-header', Values: many('host-header', 3).map((h) => `${i}${h}`) }, { Field: 'path-pattern', Values: many('path-pattern', 2).map((p) => `${p}${i}`) }])[0] as Rule, Priority: String(i + 1) }));
    const universe = routingUniverse([...rules, DEFAULT], [DEFAULT], LISTENER);
    expect(universe).toBeUndefined();
  });
});
