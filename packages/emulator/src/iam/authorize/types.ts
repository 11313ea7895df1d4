import type { Range } from '@skylab/validation';

/** A value in the request context: one string, or a list for multivalued keys such as `aws:TagKeys`. */
export type ContextValue = string | string[];

/** A request to authorize: who asks, to do what, on which resource, with which context keys. */
export interface AuthorizationRequest {
  principalArn: string;
  action: string;
  resource: string;
  context?: Record<string, ContextValue>;
}

/** The final answer, in the words of the IAM policy evaluation logic. */
export type Decision = 'Allowed' | 'ExplicitDeny' | 'ImplicitDeny';

/** A policy given to the evaluator: its document text and where it came from. */
export interface SourcePolicy {
  policyName: string;
  /** Set for managed policies. */
  policyArn?: string;
  policyType: 'identity';
  /** Inline (embedded in the principal) or managed (attached to it). */
  attachment: 'inline' | 'managed';
  document: string;
}

/** A statement that took part in a decision, and where it is in its policy's text. */
export interface StatementRef {
  policyName: string;
  policyArn?: string;
  policyType: 'identity';
  attachment: 'inline' | 'managed';
  statementIndex: number;
  sid?: string;
  effect: 'Allow' | 'Deny';
  range?: Range;
}

/** A statement that did not apply, which part of it failed, and why in plain words. */
export interface UnmatchedStatement extends StatementRef {
  failed: 'action' | 'resource' | 'condition' | 'unsupported';
  reason: string;
  /** When `failed` is `condition`: the operator and context key that did not hold. */
  condition?: { operator: string; key: string };
}

/**
 * A decision with its reasons (DESIGN §2). `determinate` is false when statements the evaluator could
 * not fully evaluate might change the answer; the decision is then never `Allowed` (fail closed).
 */
export interface AuthorizationResult {
  decision: Decision;
  determinate: boolean;
  request: AuthorizationRequest;
  /** Statements whose action, resource and condition all matched. */
  matchedStatements: StatementRef[];
  unmatched: UnmatchedStatement[];
  /** Features the evaluator met but does not model, in plain words. */
  unsupported: string[];
  /** Condition keys the policies test that the request context did not carry. */
  missingContextKeys: string[];
  /** Policies that could not be read at all (they never allow anything). */
  invalidPolicies: { policyName: string; reason: string }[];
}
