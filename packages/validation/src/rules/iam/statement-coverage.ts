import type { PolicyStatement } from '../../iam-policy/schema.ts';
import { globRegExp } from './policy-input.ts';

interface Compiled {
  actions: RegExp[];
  resources: RegExp[];
}

// Statements are compared pairwise, so their patterns are compiled once per statement.
const compiled = new WeakMap<PolicyStatement, Compiled>();

function compile(statement: PolicyStatement): Compiled {
  let c = compiled.get(statement);
  if (!c) {
    c = { actions: (statement.Action ?? []).map((a) => globRegExp(a, true)), resources: (statement.Resource ?? []).map((r) => globRegExp(r, false)) };
    compiled.set(statement, c);
  }
  return c;
}

/** True when every value of `inner` is matched by a pattern of `outer` (the inner pattern read literally). */
function covered(outer: readonly RegExp[], inner: readonly string[]): boolean {
  return inner.every((value) => outer.some((pattern) => pattern.test(value)));
}

/**
 * True when `outer` applies to every request `inner` applies to: it lists actions and resources covering
 * the inner ones, and has no condition. Statements with `NotAction`/`NotResource` are left out.
 */
export function statementCovers(outer: PolicyStatement, inner: PolicyStatement): boolean {
  if (outer.Condition || !outer.Action || !inner.Action || outer.NotResource || inner.NotResource) return false;
  const patterns = compile(outer);
  if (!covered(patterns.actions, inner.Action)) return false;
  if (!outer.Resource || !inner.Resource) return outer.Resource === inner.Resource;
  return covered(patterns.resources, inner.Resource);
}
