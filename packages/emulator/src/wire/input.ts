import { ValidationError } from '../errors.ts';
import type { QueryValue } from './query.ts';

// Query parameters arrive as text; an operation expects its input in AWS's types. A spec names the
// fields an action reads, so a missing required field or a list where text belongs is a
// `ValidationError` (as AWS answers) instead of a crash inside the operation.

type Scalar = 'string' | 'integer' | 'boolean';
/** One input field: a scalar (`!` when required), a list or a structure. */
export type FieldSpec = Scalar | `${Scalar}!` | { list: FieldSpec; required?: boolean } | { struct: InputSpec; required?: boolean };
/** The fields of an action's input, by AWS member name. */
export type InputSpec = Record<string, FieldSpec>;

// AWS's validation messages name members in lower camel case (`userName`).
function member(path: string): string {
  return path
    .split('.')
    .map((part) => part.charAt(0).toLowerCase() + part.slice(1))
    .join('.');
}

function isRequired(spec: FieldSpec): boolean {
  return typeof spec === 'string' ? spec.endsWith('!') : spec.required === true;
}

function decodeField(value: QueryValue, spec: FieldSpec, path: string): unknown {
  if (typeof spec === 'string') {
    const type = spec.replace('!', '') as Scalar;
    if (typeof value !== 'string') throw new ValidationError(`\`${path}\` must be a single ${type === 'string' ? 'value' : type}`);
    if (type === 'string') return value;
    if (type === 'boolean') {
      if (value !== 'true' && value !== 'false') throw new ValidationError(`\`${path}\` must be \`true\` or \`false\`, not \`${value}\``);
      return value === 'true';
    }
    if (!/^-?\d{1,15}$/.test(value)) throw new ValidationError(`\`${path}\` must be a whole number, not \`${value}\``);
    return Number(value);
  }
  if ('list' in spec) {
    // The SDKs send an empty list as the bare name with no value (`Tags=`).
    if (value === '') return [];
    if (!Array.isArray(value)) throw new ValidationError(`\`${path}\` must be a list (\`${path}.member.N\`)`);
    return value.map((item, i) => decodeField(item, spec.list, `${path}.member.${i + 1}`));
  }
  if (typeof value !== 'object' || Array.isArray(value)) throw new ValidationError(`\`${path}\` must be a structure`);
  return decodeInput(value, spec.struct, `${path}.`);
}

/**
 * The input of an action from its Query parameters: the fields the spec names, in their types.
 * Parameters the spec does not name are dropped, so an operation never sees more than it declared.
 */
export function decodeInput(params: Record<string, QueryValue>, spec: InputSpec, prefix = ''): Record<string, unknown> {
  const input: Record<string, unknown> = {};
  for (const [name, field] of Object.entries(spec)) {
    const value = Object.hasOwn(params, name) ? params[name] : undefined;
    if (value === undefined) {
      if (isRequired(field)) throw new ValidationError(`1 validation error detected: Value null at '${member(prefix + name)}' failed to satisfy constraint: Member must not be null`);
      continue;
    }
    input[name] = decodeField(value, field, prefix + name);
  }
  return input;
}
