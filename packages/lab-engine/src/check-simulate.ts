import { AwsError, authorize, explainAuthorization, type AccountState } from '@skylab/emulator';
import { decided, errored, LAB_PROBLEM, type CheckInput, type CheckRun } from './check-result.ts';
import { renderDeep } from './template.ts';

/** A `simulate` check: one request through the IAM policy evaluator, expected allowed or denied. */
export function runSimulateCheck(input: CheckInput, state: AccountState): CheckRun {
  const simulate = renderDeep(input.check.simulate, input.params);
  if (simulate === undefined) return errored(input, LAB_PROBLEM, 'the check has no `simulate` request');
  const context = Object.fromEntries(Object.entries(simulate.context ?? {}).map(([k, v]) => [k, Array.isArray(v) ? v : String(v)]));
  let outcome;
  try {
    outcome = authorize(state, { principalArn: simulate.principal, action: simulate.action, resource: simulate.resource, context });
  } catch (error) {
    if (!(error instanceof AwsError)) throw error;
    return errored(input, LAB_PROBLEM, error.message);
  }
  const explanation = explainAuthorization(outcome);
  if (!outcome.determinate) {
    return errored(input, `this check could not be decided: your policy uses ${outcome.unsupported.join(', ')}, which the simulator does not evaluate yet`, explanation, outcome.unsupported);
  }
  return decided(input, (outcome.decision === 'Allowed') === (simulate.expect === 'allowed'), explanation, outcome.unsupported);
}
