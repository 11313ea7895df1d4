import type { PolicyStatement } from '../../iam-policy/schema.ts';
import { globRegExp } from './policy-input.ts';

/** True when every pattern of `inner` is matched by a pattern of `outer` (the inner pattern read literally). */
function covered(outer: readonly string[], inner: readonly string[], ignoreCase: boolean): boolean {
  return inner.every((value) => outer.some((pattern) => globRegExp(pattern, ignoreCase).test(value)));
}

/**
 * True when `outer` applies to every request `inner` applies to: it lists actions and resources covering
 * the inner ones, and has no condition. Statements with `NotAction`/`NotResource` are left out.
 */
export function statementCovers(outer: PolicyStatement, inner: PolicyStatement): boolean {
  if (outer.Condition || !outer.Action || !inner.Action || outer.NotResource || inner.NotResource) return false;
  if (!covered(outer.Action, inner.Action, true)) return false;
  if (!outer.Resource || !inner.Resource) return outer.Resource === inner.Resource;
  return covered(outer.Resource, inner.Resource, false);
}
