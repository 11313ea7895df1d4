import { ValidationError } from '../errors.ts';
import type { FieldSpec, InputSpec } from './input.ts';
import type { WireProtocol } from './types.ts';

// A binding's spec names what its engine models. The SDKs and the CLI send only the members a caller set, so
// a member the spec does not name is a feature the emulator would silently ignore (`ProtocolVersion: GRPC`,
// tags, a launch configuration): refused instead, so an answer is never a fake success.

function unmodelledIn(value: unknown, spec: FieldSpec, path: string): string | undefined {
  if (typeof spec === 'string' || value === null || typeof value !== 'object') return undefined;
  if ('list' in spec) {
    if (!Array.isArray(value)) return undefined;
    for (const [i, item] of value.entries()) {
      const found = unmodelledIn(item, spec.list, `${path}.${i + 1}`);
      if (found) return found;
    }
    return undefined;
  }
  return Array.isArray(value) ? undefined : unmodelledMember(value as Record<string, unknown>, spec.struct, `${path}.`);
}

/** The path of the first member, at any depth, that the spec does not name (null members count as absent). */
export function unmodelledMember(params: Record<string, unknown>, spec: InputSpec, prefix = ''): string | undefined {
  for (const [name, value] of Object.entries(params)) {
    if (value === null || value === undefined) continue;
    if (!Object.hasOwn(spec, name)) return `${prefix}${name}`;
    const found = unmodelledIn(value, spec[name]!, `${prefix}${name}`);
    if (found) return found;
  }
  return undefined;
}

/** The protocol, refusing with `ValidationError` any parameter the action's spec does not name. */
export function refusingUnmodelled(protocol: WireProtocol): WireProtocol {
  return {
    ...protocol,
    decode(params, spec) {
      const member = unmodelledMember(params, spec);
      if (member !== undefined) throw new ValidationError(`the parameter \`${member}\` is not modelled by the emulator yet`);
      return protocol.decode(params, spec);
    },
  };
}
