import type { AccountState } from '../../state.ts';
import { authorize } from './authorize.ts';
import type { AuthorizationResult, StatementRef } from './types.ts';

/** A context entry, as SimulatePrincipalPolicy takes it. */
export interface ContextEntry {
  ContextKeyName: string;
  ContextKeyValues: string[];
  ContextKeyType?: string;
}

/** SimulatePrincipalPolicy's input (https://docs.aws.amazon.com/IAM/latest/APIReference/API_SimulatePrincipalPolicy.html). */
export interface SimulatePrincipalPolicyRequest {
  PolicySourceArn: string;
  ActionNames: string[];
  /** Defaults to `*`, as in IAM. */
  ResourceArns?: string[];
  ContextEntries?: ContextEntry[];
}

/** Where a statement is, in IAM's 1-based line and column terms. */
export interface SimulationStatement {
  SourcePolicyId: string;
  SourcePolicyType: 'user' | 'user-managed';
  StartPosition?: { Line: number; Column: number };
  EndPosition?: { Line: number; Column: number };
}

/** One result per action and resource, as IAM returns it, plus our explanation. */
export interface EvaluationResult {
  EvalActionName: string;
  EvalResourceName: string;
  EvalDecision: 'allowed' | 'explicitDeny' | 'implicitDeny';
  MatchedStatements: SimulationStatement[];
  MissingContextValues: string[];
  explanation: AuthorizationResult;
}

const DECISIONS = { Allowed: 'allowed', ExplicitDeny: 'explicitDeny', ImplicitDeny: 'implicitDeny' } as const;

function simulationStatement(ref: StatementRef): SimulationStatement {
  return {
    SourcePolicyId: ref.policyArn ?? ref.policyName,
    SourcePolicyType: ref.attachment === 'inline' ? 'user' : 'user-managed',
    ...(ref.range
      ? {
          StartPosition: { Line: ref.range.start.line, Column: ref.range.start.column },
          EndPosition: { Line: ref.range.end.line, Column: ref.range.end.column },
        }
      : {}),
  };
}

/** SimulatePrincipalPolicy for an IAM user: every action against every resource, with the reasons for each decision. */
export function simulatePrincipalPolicy(state: AccountState, input: SimulatePrincipalPolicyRequest): { EvaluationResults: EvaluationResult[] } {
  const context = Object.fromEntries(
    (input.ContextEntries ?? []).map((entry) => [entry.ContextKeyName, entry.ContextKeyValues.length === 1 ? (entry.ContextKeyValues[0] ?? '') : entry.ContextKeyValues]),
  );
  const resources = input.ResourceArns && input.ResourceArns.length > 0 ? input.ResourceArns : ['*'];
  const results: EvaluationResult[] = [];
  for (const action of input.ActionNames) {
    for (const resource of resources) {
      const explanation = authorize(state, { principalArn: input.PolicySourceArn, action, resource, context });
      results.push({
        EvalActionName: action,
        EvalResourceName: resource,
        EvalDecision: DECISIONS[explanation.decision],
        MatchedStatements: explanation.matchedStatements.map(simulationStatement),
        MissingContextValues: explanation.missingContextKeys,
        explanation,
      });
    }
  }
  return { EvaluationResults: results };
}
