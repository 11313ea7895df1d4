import { COMPARISON_OPTIONS, compareAccess, evaluatePolicies, explainAuthorization, witnessUniverse, type AuthorizationRequest, type SourcePolicy, type UniverseSpec } from '@skylab/emulator';
import type { Lab } from '@skylab/validation';
import { comparisonResult, type Explain } from './access-comparison-result.ts';
import { errored, LAB_PROBLEM, type CheckInput, type CheckRun } from './check-result.ts';
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
  const explain: Explain = (request) => explainAuthorization(evaluatePolicies(learner, request, COMPARISON_OPTIONS), { expandWildcards: true });
  return comparisonResult(input, comparison, explain, spec.examples, (r) => [...evaluatePolicies(learner, r, COMPARISON_OPTIONS).unsupported, ...evaluatePolicies(theirs, r, COMPARISON_OPTIONS).unsupported]);
}
