import type { PolicyStatement } from '../../iam-policy/schema.ts';
import { globRegExp } from './policy-input.ts';

/** A list of patterns split for speed: literal values compare as a set, only the wildcards need a regular expression. */
interface Patterns {
  literals: Set<string>;
  wildcards: RegExp[];
}

/** A statement prepared for pairwise comparison: patterns compiled once, the elements that rule it out checked once. */
export interface Coverage {
  /** It can cover others: no condition, an `Action`, no `NotResource`. */
  outer: boolean;
  /** Others can cover it: an `Action`, no `NotResource`. */
  inner: boolean;
  actions: Patterns;
  /** The statement's actions lower-cased, as an inner statement's actions are looked up. */
  actionKeys: string[];
  resources: Patterns;
  resourceList: readonly string[] | undefined;
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

// Statements are compared pairwise, so each is prepared once.
const prepared = new WeakMap<PolicyStatement, Coverage>();

/** The statement prepared for `covers`. */
export function coverageOf(statement: PolicyStatement): Coverage {
  let c = prepared.get(statement);
  if (!c) {
    const actionKeys = (statement.Action ?? []).map((a) => a.toLowerCase());
    const inner = statement.Action !== undefined && statement.NotResource === undefined;
    c = {
      outer: inner && statement.Condition === undefined,
      inner,
      actions: patterns(actionKeys, true),
      actionKeys,
      resources: patterns(statement.Resource ?? [], false),
      resourceList: statement.Resource,
    };
    prepared.set(statement, c);
  }
  return c;
}

/** True when every value of `inner` is matched by a pattern of `outer` (the inner pattern read literally). */
function covered(outer: Patterns, inner: readonly string[]): boolean {
  for (const value of inner) {
    if (outer.literals.has(value)) continue;
    let matched = false;
    for (const pattern of outer.wildcards) {
      if (pattern.test(value)) {
        matched = true;
        break;
      }
    }
    if (!matched) return false;
  }
  return true;
}

/** `statementCovers` on prepared statements. */
export function covers(outer: Coverage, inner: Coverage): boolean {
  if (!outer.outer || !inner.inner) return false;
  if (!covered(outer.actions, inner.actionKeys)) return false;
  if (!outer.resourceList || !inner.resourceList) return outer.resourceList === inner.resourceList;
  return covered(outer.resources, inner.resourceList);
}

/**
 * True when `outer` applies to every request `inner` applies to: it lists actions and resources covering
 * the inner ones, and has no condition. Statements with `NotAction`/`NotResource` are left out.
 */
export function statementCovers(outer: PolicyStatement, inner: PolicyStatement): boolean {
  return covers(coverageOf(outer), coverageOf(inner));
}
