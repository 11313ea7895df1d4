import {
  compareAccess,
  evaluatePolicies,
  explainAuthorization,
  witnessUniverse,
  type AccessComparison,
  type AccessDifference,
  type AuthorizationRequest,
  type SourcePolicy,
  type UniverseSpec,
} from '@skylab/emulator';
import type { Lab } from '@skylab/validation';
import { decided, errored, LAB_PROBLEM, type CheckInput, type CheckRun } from './check-result.ts';
import { contextOf } from './context-of.ts';
import { compareTrust } from './equivalent-trust.ts';
import { labResourceArns } from './lab-resources.ts';
import { renderDeep } from './template.ts';

// Least privilege graded by behaviour (DESIGN §3): the learner's policy and the solution's are both asked
// every request of the universe; what only the learner's allows is over-permission, what only the
// solution's allows is under-permission. Equal text is not required, equal access is. Unless the check lists
// its requests, the universe is exhaustive: every catalogue action, the lab's resources, witnesses drawn
// from both policies and one resource of every type nobody named, so no wildcard or extra service hides.

type Spec = NonNullable<Lab['checks'][number]['equivalent-access']>;

/** What a difference looks like in the explanation; the learner's side is explained with its wildcards expanded. */
export type Explain = (request: AuthorizationRequest) => string;

function example(difference: AccessDifference, explain: Explain): string {
  const { action, resource, principalArn } = difference.request;
  const who = principalArn.startsWith('arn:') && action.startsWith('sts:') ? `\`${principalArn}\`: ` : '';
  return `- ${who}\`${action}\` on \`${resource}\`${contextText(difference.request)}\n${explain(difference.request).split('\n').map((line) => `  ${line}`).join('\n')}`;
}

function contextText(request: AuthorizationRequest): string {
  const entries = Object.entries(request.context ?? {});
  return entries.length === 0 ? '' : ` with ${entries.map(([k, v]) => `\`${k}\` = \`${Array.isArray(v) ? v.join(', ') : v}\``).join(', ')}`;
}

/** The smallest examples first: fewer context keys, then shorter resources, so the first one shown is the plainest. */
function plainestFirst(differences: AccessDifference[]): AccessDifference[] {
  const weight = (d: AccessDifference) => Object.keys(d.request.context ?? {}).length * 1000 + d.request.resource.length;
  return [...differences].sort((a, b) => weight(a) - weight(b));
}

function section(title: string, differences: AccessDifference[], explain: Explain, count: number): string[] {
  if (differences.length === 0) return [];
  const shown = plainestFirst(differences).slice(0, count).map((d) => example(d, explain));
  const more = differences.length > count ? [`… and ${differences.length - count} more`] : [];
  return [`${title} (${differences.length}):`, ...shown, ...more];
}

/** The check's result from a comparison of the learner's side (`onlyA`) with the reference (`onlyB`). */
export function comparisonResult(input: CheckInput, comparison: AccessComparison, explain: Explain, examples: number, unsupportedOf: (r: AuthorizationRequest) => string[]): CheckRun {
  if (comparison.evaluated === 0) return errored(input, LAB_PROBLEM, 'the universe of requests is empty');
  if (comparison.indeterminate.length > 0) {
    const unsupported = [...new Set(comparison.indeterminate.flatMap(unsupportedOf))];
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
    ...section('your policy allows what the reference does not', comparison.onlyA, explain, examples),
    ...section('your policy denies what the reference allows', comparison.onlyB, explain, examples),
  ];
  return decided(input, passed, lines.join('\n'));
}

function identityUniverse(spec: Spec, input: CheckInput, documents: string[]): AuthorizationRequest[] | UniverseSpec {
  const principalArn = spec.principal ?? '';
  if (spec.requests) return spec.requests.map((r) => ({ principalArn, action: r.action, resource: r.resource, ...(r.context ? { context: contextOf(r.context) } : {}) }));
  return witnessUniverse({
    principalArn,
    documents,
    resources: [...labResourceArns(input.state), ...(spec.resources ?? [])],
    ...(spec.contexts ? { contexts: spec.contexts.map((c) => contextOf(c)) } : {}),
    ...(spec.services ? { services: spec.services } : {}),
    ...(spec.actions ? { actions: spec.actions } : {}),
    accountId: input.accountId ?? '',
    region: input.region ?? 'us-east-1',
  });
}

/**
 * An `equivalent-access` check: the task's answer allows exactly what the solution's answer allows. For an
 * `iam-policy` task the requests are the user's; for an `iam-trust-policy` task they are every principal
 * that might assume the role.
 */
export function runEquivalentAccessCheck(input: CheckInput, lab: Lab): CheckRun {
  const spec = renderDeep(input.check['equivalent-access'], input.params);
  if (spec === undefined) return errored(input, LAB_PROBLEM, 'the check has no `equivalent-access` assertion');
  const task = lab.tasks.find((t) => t.id === spec.task);
  const answer = input.answers[spec.task];
  const reference = lab.solution.answers[spec.task];
  if (answer === undefined || reference === undefined) return errored(input, LAB_PROBLEM, `task \`${spec.task}\` has no answer or no solution`);
  const solution = renderDeep(reference, input.params);
  if (task?.kind === 'iam-trust-policy') return compareTrust(input, renderDeep(task, input.params).apply.RoleName, answer, solution, spec);
  if (task?.kind !== 'iam-policy' || spec.principal === undefined) {
    return errored(input, LAB_PROBLEM, `task \`${spec.task}\` is not an iam-policy task with a \`principal\`, nor an iam-trust-policy task`);
  }
  const asPolicy = (policyName: string, document: string): SourcePolicy[] => [{ policyName, policyType: 'identity', attachment: 'inline', document }];
  const learner = asPolicy('your policy', answer);
  const theirs = asPolicy('the reference policy', solution);
  const comparison = compareAccess(learner, theirs, identityUniverse(spec, input, [answer, solution]));
  const explain: Explain = (request) => explainAuthorization(evaluatePolicies(learner, request), { expandWildcards: true });
  return comparisonResult(input, comparison, explain, spec.examples, (r) => [...evaluatePolicies(learner, r).unsupported, ...evaluatePolicies(theirs, r).unsupported]);
}
