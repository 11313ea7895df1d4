import { ValidationError } from '../errors.ts';
import type { QueryValue } from './query.ts';

// Query parameters arrive as text; an operation expects its input in AWS's types. A spec names the
// fields an action reads, so a missing required field or a list where text belongs is a
// `ValidationError` (as AWS answers) instead of a crash inside the operation.

/** The scalar types of AWS's shapes the wire reads; a `timestamp` reaches the operation as ISO 8601 text. */
export type Scalar = 'string' | 'integer' | 'double' | 'boolean' | 'timestamp';
/** One input field: a scalar (`!` when required), a list or a structure. */
export type FieldSpec = Scalar | `${Scalar}!` | { list: FieldSpec; required?: boolean } | { struct: InputSpec; required?: boolean };
/** The fields of an action's input, by AWS member name. */
export type InputSpec = Record<string, FieldSpec>;

/** A member path as AWS's validation messages name it, in lower camel case (`userName`). */
export function member(path: string): string {
  return path
    .split('.')
    .map((part) => part.charAt(0).toLowerCase() + part.slice(1))
    .join('.');
}

/**
 * A timestamp as the operations take it: ISO 8601 in UTC. The Query protocol sends ISO 8601 text, the JSON
 * protocols epoch seconds (https://smithy.io/2.0/spec/protocol-traits.html#timestampformat-trait).
 */
export function isoTimestamp(ms: number, given: string | number, path: string): string {
  // 0001-01-01 to 9999-12-31: the years ISO 8601's four digits write.
  if (!Number.isFinite(ms) || ms < -62135596800000 || ms > 253402300799999) throw new ValidationError(`\`${path}\` must be a date, not \`${String(given)}\``);
  return new Date(ms).toISOString();
}

/** AWS's answer to a required member left out. */
export function missingMember(path: string): ValidationError {
  return new ValidationError(`1 validation error detected: Value null at '${member(path)}' failed to satisfy constraint: Member must not be null`);
}

/** Whether a field must be given. */
export function isRequired(spec: FieldSpec): boolean {
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
    if (type === 'timestamp') return isoTimestamp(Date.parse(value), value, path);
    if (type === 'double') {
      if (!/^-?(\d{1,30}(\.\d{0,30})?|\.\d{1,30})([eE][-+]?\d{1,3})?$/.test(value) || !Number.isFinite(Number(value))) throw new ValidationError(`\`${path}\` must be a number, not \`${value}\``);
      return Number(value);
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
      if (isRequired(field)) throw missingMember(prefix + name);
      continue;
    }
    input[name] = decodeField(value, field, prefix + name);
  }
  return input;
}
