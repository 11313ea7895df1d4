import { AwsError, authorize, evaluatePolicies, explainAuthorization, principalPolicies, roleForArn, type AccountState, type AuthorizationRequest, type AuthorizationResult, type SourcePolicy } from '@skylab/emulator';
import type { Lab } from '@skylab/validation';
import { decided, errored, LAB_PROBLEM, type CheckInput, type CheckRun } from './check-result.ts';
import { contextOf } from './context-of.ts';
import { renderDeep } from './template.ts';
import { iamDecisionVisual } from './visuals/iam-decision.ts';

// Who may assume a role is decided by the role's trust policy, a resource-based policy, together with the
// caller's own permissions (id_roles_use_permissions-to-switch.html), as `sts:AssumeRole` decides it. A
// service principal has no identity-based policies and a principal in another account has policies this
// account cannot see, so those two are evaluated with the trust policy and what the check says they have.
// Unlike other resource-based policies, a trust policy must allow even a caller of its own account
// (reference_policies_evaluation-logic.html, "role trust policies"), which the general same-account
// evaluation, where an identity-based allow suffices, does not express: that gate is checked first here.

const accountOf = (arn: string) => /^arn:aws:(?:iam|sts)::(\d{12}):/.exec(arn)?.[1];

function trustPolicyOf(state: AccountState, action: string, resource: string): SourcePolicy | undefined {
  if (!action.toLowerCase().startsWith('sts:')) return undefined;
  const role = roleForArn(state, resource);
  if (role?.Arn !== resource) return undefined;
  return { policyName: `trust policy of ${role.RoleName}`, policyType: 'resource', document: role.AssumeRolePolicyDocument };
}

interface Decided {
  outcome: AuthorizationResult;
  /** Why the decision was made before the full evaluation, when it was. */
  note?: string;
}

function decide(state: AccountState, input: CheckInput, request: AuthorizationRequest, outsidePolicies: string[]): Decided {
  const trust = trustPolicyOf(state, request.action, request.resource);
  const account = accountOf(request.principalArn);
  const outside = account === undefined || (input.accountId !== undefined && account !== input.accountId);
  if (outside) {
    const own = outsidePolicies.map((document, i): SourcePolicy => ({ policyName: `policy ${i + 1} of ${request.principalArn}`, policyType: 'identity', attachment: 'inline', document }));
    return { outcome: evaluatePolicies([...(trust ? [trust] : []), ...own], request) };
  }
  if (!trust) return { outcome: authorize(state, request) };
  const alone = evaluatePolicies([trust], request);
  if (!alone.matchedStatements.some((s) => s.effect === 'Allow' && s.policyType === 'resource')) {
    const note = `the ${trust.policyName} allows neither \`${request.principalArn}\`, its role nor its account, and a role's trust policy must allow the caller even within its own account, whatever the caller's own policies allow`;
    return { outcome: alone, note };
  }
  // As `authorize` with the trust policy as the resource policy, but under its own name in the explanation.
  const caller = principalPolicies(state, request.principalArn);
  return { outcome: evaluatePolicies([trust, ...caller.policies], { ...request, principal: caller.principal }) };
}

/**
 * A `simulate` check: one request through the IAM policy evaluator, expected allowed or denied. An `sts:`
 * action on a role of the lab is also decided by the role's trust policy; a principal outside the lab's
 * account (a service such as `ec2.amazonaws.com`, or an ARN in another account) has only the policies the
 * check gives it.
 */
export function runSimulateCheck(input: CheckInput, lab: Lab, state: AccountState): CheckRun {
  const simulate = renderDeep(input.check.simulate, input.params);
  if (simulate === undefined) return errored(input, LAB_PROBLEM, 'the check has no `simulate` request');
  const context = contextOf(simulate.context ?? {});
  let outcome;
  let note: string | undefined;
  try {
    ({ outcome, note } = decide(state, input, { principalArn: simulate.principal, action: simulate.action, resource: simulate.resource, context }, simulate.principalPolicies ?? []));
  } catch (error) {
    if (!(error instanceof AwsError)) throw error;
    return errored(input, LAB_PROBLEM, error.message);
  }
  // The trust gate's note replaces the evaluator's own "why", which would blame the caller's missing identity policy.
  const explanation = note === undefined ? explainAuthorization(outcome) : [note, ...explainAuthorization(outcome).split('\n').filter((line) => !line.startsWith('- why:'))].join('\n');
  const visual = iamDecisionVisual(outcome, lab, input.answers);
  if (note !== undefined) return decided(input, simulate.expect === 'denied', explanation, [], visual);
  if (!outcome.determinate) {
    return errored(input, `this check could not be decided: your policy uses ${outcome.unsupported.join(', ')}, which the simulator does not evaluate yet`, explanation, outcome.unsupported);
  }
  return decided(input, (outcome.decision === 'Allowed') === (simulate.expect === 'allowed'), explanation, outcome.unsupported, visual);
}
