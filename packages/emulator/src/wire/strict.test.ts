import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { InputSpec } from './input.ts';
import { queryProtocol } from './protocols/query-protocol.ts';
import { refusingUnmodelled, unmodelledMember } from './strict.ts';

// A member the binding does not name is a feature the engine would ignore: refused, at any depth.

const spec: InputSpec = {
  Name: 'string!',
  Actions: { list: { struct: { Type: 'string!', ForwardConfig: { struct: { TargetGroups: { list: { struct: { TargetGroupArn: 'string' } } } } } } } },
};

describe('finding unmodelled members', () => {
  it.each([
    ['nothing extra', { Name: 'a', Actions: [{ Type: 'forward' }] }, undefined],
    ['a top-level member', { Name: 'a', Tags: [{ Key: 'k' }] }, 'Tags'],
    ['a member of a list item', { Name: 'a', Actions: [{ Type: 'forward' }, { Type: 'authenticate-oidc', AuthenticateOidcConfig: {} }] }, 'Actions.2.AuthenticateOidcConfig'],
    ['a member three levels down', { Name: 'a', Actions: [{ Type: 'forward', ForwardConfig: { TargetGroups: [{ TargetGroupArn: 'x', Weight: 2 }] } }] }, 'Actions.1.ForwardConfig.TargetGroups.1.Weight'],
    ['a null member, as absent', { Name: 'a', Tags: null }, undefined],
    ['an empty list as the Query SDKs send it', { Name: 'a', Actions: '' }, undefined],
    ['a prototype name', JSON.parse('{"Name":"a","__proto__":{"x":1}}') as Record<string, unknown>, '__proto__'],
  ])('%s', (_name, params, expected) => {
    expect(unmodelledMember(params, spec)).toBe(expected);
  });

  it('refuses through the protocol with a ValidationError naming the member', () => {
    const strict = refusingUnmodelled(queryProtocol);
    expect(() => strict.decode({ Name: 'a', ProtocolVersion: 'GRPC' }, spec)).toThrow('the parameter `ProtocolVersion` is not modelled by the emulator yet');
    expect(strict.decode({ Name: 'a' }, spec)).toEqual({ Name: 'a' });
  });

  it('finds nothing in any input built from the spec’s own members (property)', () => {
    const item = fc.record({ Type: fc.string(), ForwardConfig: fc.record({ TargetGroups: fc.array(fc.record({ TargetGroupArn: fc.string() })) }, { requiredKeys: [] }) }, { requiredKeys: ['Type'] });
    fc.assert(
      fc.property(fc.record({ Name: fc.string(), Actions: fc.array(item) }, { requiredKeys: ['Name'] }), (params) => {
        expect(unmodelledMember(params, spec)).toBeUndefined();
      }),
    );
  });
});
