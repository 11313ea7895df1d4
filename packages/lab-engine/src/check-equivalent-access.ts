import { compareAccess, evaluatePolicies, explainAuthorization, type AccessDifference, type AuthorizationRequest, type SourcePolicy, type UniverseSpec } from '@skylab/emulator';
import type { Lab } from '@skylab/validation';
import { decided, errored, LAB_PROBLEM, type CheckInput, type CheckRun } from './check-result.ts';
import { renderDeep } from './template.ts';

// Least privilege graded by behaviour (DESIGN §3): the learner's policy and the solution's are both asked
// every request of the check's universe; what only the learner's allows is over-permission, what only the
// solution's allows is under-permission. Equal text is not required, equal access is.

const asPolicy = (policyName: string, document: string): SourcePolicy[] => [{ policyName, policyType: 'identity', attachment: 'inline', document }];

const contextOf = (context: Record<string, string | number | boolean | string[]> | undefined) =>
  context === undefined ? undefined : Object.fromEntries(Object.entries(context).map(([k, v]) => [k, Array.isArray(v) ? v : String(v)]));

function example(difference: AccessDifference, policies: SourcePolicy[]): string {
  const { action, resource } = difference.request;
  // The learner's side is explained with its wildcards expanded: "`s3:*` matches 150 actions" says why too much is allowed.
  const why = explainAuthorization(evaluatePolicies(policies, difference.request), { expandWildcards: true });
  return `- \`${action}\` on \`${resource}\`\n${why.split('\n').map((line) => `  ${line}`).join('\n')}`;
}

function section(title: string, differences: AccessDifference[], policies: SourcePolicy[], count: number): string[] {
  if (differences.length === 0) return [];
  const shown = differences.slice(0, count).map((d) => example(d, policies));
  const more = differences.length > count ? [`… and ${differences.length - count} more`] : [];
  return [`${title} (${differences.length}):`, ...shown, ...more];
}

/** An `equivalent-access` check: the task's answer allows exactly what the solution's answer allows over the check's universe of requests. */
export function runEquivalentAccessCheck(input: CheckInput, lab: Lab): CheckRun {
  const spec = renderDeep(input.check['equivalent-access'], input.params);
  if (spec === undefined) return errored(input, LAB_PROBLEM, 'the check has no `equivalent-access` assertion');
  const task = lab.tasks.find((t) => t.id === spec.task);
  const answer = input.answers[spec.task];
  const reference = lab.solution.answers[spec.task];
  if (task?.kind !== 'iam-policy' || answer === undefined || reference === undefined) {
    return errored(input, LAB_PROBLEM, `task \`${spec.task}\` is not an iam-policy task with an answer and a solution`);
  }
  const learner = asPolicy('your policy', answer);
  const solution = asPolicy('the reference policy', renderDeep(reference, input.params));
  const universe: AuthorizationRequest[] | UniverseSpec = spec.requests
    ? spec.requests.map((r) => ({ principalArn: spec.principal, action: r.action, resource: r.resource, ...(r.context ? { context: contextOf(r.context) } : {}) }))
    : {
        principalArn: spec.principal,
        ...(spec.services ? { services: spec.services } : {}),
        ...(spec.actions ? { actions: spec.actions } : {}),
        resources: spec.resources ?? [],
        ...(spec.contexts ? { contexts: spec.contexts.map((c) => contextOf(c) ?? {}) } : {}),
      };
  const comparison = compareAccess(learner, solution, universe);
  if (comparison.evaluated === 0) return errored(input, LAB_PROBLEM, 'the universe of requests is empty');
  if (comparison.indeterminate.length > 0) {
    const unsupported = [...new Set(comparison.indeterminate.flatMap((r) => [...evaluatePolicies(learner, r).unsupported, ...evaluatePolicies(solution, r).unsupported]))];
    const first = comparison.indeterminate[0] as AuthorizationRequest;
    return errored(
      input,
      `this check could not be decided: ${comparison.indeterminate.length} of ${comparison.evaluated} requests use ${unsupported.join(', ') || 'something'} the simulator does not evaluate yet`,
      `for example \`${first.action}\` on \`${first.resource}\``,
      unsupported,
    );
  }
  const passed = comparison.onlyA.length === 0 && comparison.onlyB.length === 0;
  const summary = `compared on ${comparison.evaluated} requests: ${comparison.bothAllow} allowed by both, ${comparison.neitherAllows} by neither`;
  const lines = [
    summary,
    ...section('your policy allows what the reference does not', comparison.onlyA, learner, spec.examples),
    ...section('your policy denies what the reference allows', comparison.onlyB, learner, spec.examples),
  ];
  return decided(input, passed, lines.join('\n'));
}
