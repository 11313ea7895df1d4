import { parseOperator, type OperatorDef } from './operators.ts';
import { hasVariable, substitute, type KeyLookup } from './variables.ts';

// How a `Condition` element is evaluated
// (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_logic_multiple_context_keys_or_values.html):
// every operator block and every key in a block must hold (AND), any value of a key may match (OR);
// key names are case-insensitive, values keep the case rules of their operator.

/** One key of one operator block, with its values read once. */
interface CompiledKey {
  key: string;
  lower: string;
  values: string[];
  compiled: unknown[];
  /** Values to substitute per request (policy variables). */
  variable: boolean;
}

/** One operator block of a statement's `Condition`, ready to evaluate. */
export interface CompiledCondition {
  operator: string;
  set?: 'ForAnyValue' | 'ForAllValues';
  ifExists: boolean;
  def?: OperatorDef;
  keys: CompiledKey[];
}

/** How a `Condition` element came out. */
export interface ConditionOutcome {
  result: 'match' | 'no-match' | 'unsupported';
  /** Why it did not match, or what is unsupported, in plain words. */
  reason: string;
  unsupported: string[];
  missingKeys: string[];
  /** The first operator and key that did not hold, when the result is `no-match`. */
  failedOn?: { operator: string; key: string };
}

/** Compiles a normalised `Condition` element; `variables` is true for 2012-10-17 policies. */
export function compileCondition(condition: Record<string, Record<string, string[]>>, variables: boolean): CompiledCondition[] {
  return Object.entries(condition).map(([operator, block]) => {
    const parsed = parseOperator(operator);
    const def = parsed.def;
    const keys = Object.entries(block).map(([key, values]): CompiledKey => {
      const variable = variables && def?.variables === true && values.some(hasVariable);
      return { key, lower: key.toLowerCase(), values, compiled: def && !variable ? values.map((v) => def.compile(v)) : [], variable };
    });
    return { operator, ...(parsed.set ? { set: parsed.set } : {}), ifExists: parsed.ifExists, ...(def ? { def } : {}), keys };
  });
}

function policyValues(def: OperatorDef, key: CompiledKey, lookup: KeyLookup): unknown[] {
  if (!key.variable) return key.compiled;
  return key.values.map((value) => {
    if (!hasVariable(value)) return def.compile(value);
    // Pattern operators keep wildcards outside the variables; exact operators compare the plain result.
    const marked = substitute(value, lookup, def.compileMarked !== undefined);
    if (marked === undefined) return undefined;
    return def.compileMarked ? def.compileMarked(marked) : def.compile(marked);
  });
}

function anyMatches(def: OperatorDef, values: unknown[], requestValue: string): boolean {
  for (const value of values) if (value !== undefined && def.test(value, requestValue)) return true;
  return false;
}

/** Whether one request value satisfies the operator: a negated operator holds when no policy value matches. */
function holds(def: OperatorDef, values: unknown[], requestValue: string): boolean {
  return anyMatches(def, values, requestValue) !== def.negated;
}

type KeyResult = boolean | 'unsupported';

function evaluateKey(block: CompiledCondition, def: OperatorDef, key: CompiledKey, lookup: KeyLookup): KeyResult {
  const request = lookup(key.lower);
  const present = request !== undefined && request.length > 0;
  if (def.family === 'Null') {
    // `Null: true` holds when the key is absent, `false` when it is present.
    return key.values.some((v) => v.toLowerCase() === (present ? 'false' : 'true'));
  }
  const values = policyValues(def, key, lookup);
  if (block.set === 'ForAllValues') {
    // Documented: true when every request value matches, and also when the key is missing or empty.
    if (!present) return true;
    return request.every((v) => holds(def, values, v));
  }
  if (block.set === 'ForAnyValue') {
    // Documented: false when the key is missing or empty, unless `IfExists`.
    if (!present) return block.ifExists;
    return request.some((v) => holds(def, values, v));
  }
  // A missing key: `…IfExists` holds, a negated operator holds, a positive one does not.
  if (!present) return block.ifExists || def.negated;
  // A multivalued key needs a set operator (reference_policies_condition-single-vs-multi-valued-context-keys.html).
  if (request.length !== 1) return 'unsupported';
  return holds(def, values, request[0] as string);
}

function describeFailure(operator: string, key: CompiledKey, request: readonly string[] | undefined): string {
  const wanted = key.values.map((v) => `\`${v}\``).join(' or ');
  if (request === undefined || request.length === 0) {
    return `its condition \`${operator}\` on \`${key.key}\` needs the key, which the request does not carry`;
  }
  const got = request.map((v) => `\`${v}\``).join(', ');
  return `its condition \`${operator}\` on \`${key.key}\` compares ${wanted} with the request's ${got} and does not hold`;
}

/**
 * Evaluates a compiled `Condition` against the request context. Unknown operators and multivalued keys
 * without a set operator are reported as unsupported instead of guessed; a definite mismatch elsewhere
 * still makes the whole element `no-match`.
 */
export function evaluateCondition(condition: readonly CompiledCondition[], lookup: KeyLookup): ConditionOutcome {
  let unsupported: string[] | undefined;
  let missingKeys: string[] | undefined;
  for (const block of condition) {
    const def = block.def;
    if (!def) {
      (unsupported ??= []).push(`condition operator \`${block.operator}\``);
      continue;
    }
    for (const key of block.keys) {
      const result = evaluateKey(block, def, key, lookup);
      const request = lookup(key.lower);
      if (request === undefined && def.family !== 'Null') (missingKeys ??= []).push(key.key);
      if (result === 'unsupported') {
        (unsupported ??= []).push(`multivalued context key \`${key.key}\` without a set operator`);
      } else if (!result) {
        return {
          result: 'no-match',
          reason: describeFailure(block.operator, key, request),
          unsupported: unsupported ?? [],
          missingKeys: missingKeys ?? [],
          failedOn: { operator: block.operator, key: key.key },
        };
      }
    }
  }
  if (unsupported) {
    return { result: 'unsupported', reason: `it uses ${unsupported.join(', ')}, which the simulator does not evaluate`, unsupported, missingKeys: missingKeys ?? [] };
  }
  return { result: 'match', reason: '', unsupported: [], missingKeys: missingKeys ?? [] };
}
