import type { PolicyStatement } from '../../iam-policy/schema.ts';
import { globRegExp } from './policy-input.ts';

/** A list of patterns split for speed: literal values compare as a set, only the wildcards need a regular expression. */
interface Patterns {
  literals: Set<string>;
  wildcards: RegExp[];
}

interface Compiled {
  actions: Patterns;
  resources: Patterns;
  /** The statement's actions lower-cased, as an inner statement's actions are looked up. */
  actionKeys: string[];
}

const WILDCARD = /[*?]/;

// Action names are case-insensitive (given lower-cased, with case-insensitive wildcards), ARNs are not
// (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_action.html).
function patterns(values: readonly string[], ignoreCase: boolean): Patterns {
  const literals = new Set<string>();
  const wildcards: RegExp[] = [];
  for (const value of values) {
    if (WILDCARD.test(value)) wildcards.push(globRegExp(value, ignoreCase));
    else literals.add(value);
  }
  return { literals, wildcards };
}

// Statements are compared pairwise, so their patterns are compiled once per statement.
const compiled = new WeakMap<PolicyStatement, Compiled>();

function compile(statement: PolicyStatement): Compiled {
  let c = compiled.get(statement);
  if (!c) {
    const actionKeys = (statement.Action ?? []).map((a) => a.toLowerCase());
    c = { actions: patterns(actionKeys, true), resources: patterns(statement.Resource ?? [], false), actionKeys };
    compiled.set(statement, c);
  }
  return c;
}

/** True when every value of `inner` is matched by a pattern of `outer` (the inner pattern read literally). */
function covered(outer: Patterns, inner: readonly string[]): boolean {
  return inner.every((value) => outer.literals.has(value) || outer.wildcards.some((pattern) => pattern.test(value)));
}

/**
 * True when `outer` applies to every request `inner` applies to: it lists actions and resources covering
 * the inner ones, and has no condition. Statements with `NotAction`/`NotResource` are left out.
 */
export function statementCovers(outer: PolicyStatement, inner: PolicyStatement): boolean {
  if (outer.Condition || !outer.Action || !inner.Action || outer.NotResource || inner.NotResource) return false;
  const patterns = compile(outer);
  if (!covered(patterns.actions, compile(inner).actionKeys)) return false;
  if (!outer.Resource || !inner.Resource) return outer.Resource === inner.Resource;
  return covered(patterns.resources, inner.Resource);
}
