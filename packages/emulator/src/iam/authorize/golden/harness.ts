import type { AuthorizationRequest, Decision, PolicyType, SourcePolicy } from '../types.ts';

/** One golden case: policies and a request, the decision the AWS documentation gives, and that page. */
export interface GoldenCase {
  name: string;
  source: string;
  policies: SourcePolicy[];
  request: Partial<AuthorizationRequest> & Pick<AuthorizationRequest, 'action' | 'resource'>;
  decision: Decision;
  /** Whether the decision is certain; true when absent. */
  determinate?: boolean;
  /** What the evaluator met but does not model; none when absent. */
  unsupported?: string[];
  /** Why each invalid policy could not be read; none when absent. */
  invalidPolicies?: string[];
}

/** The IAM User Guide, where most cases come from. */
export const DOCS = 'https://docs.aws.amazon.com/IAM/latest/UserGuide';
export const EVALUATION = `${DOCS}/reference_policies_evaluation-logic.html`;
export const CROSS_ACCOUNT = `${DOCS}/reference_policies_evaluation-logic-cross-account.html`;
export const OPERATORS = `${DOCS}/reference_policies_elements_condition_operators.html`;
export const VARIABLES = `${DOCS}/reference_policies_variables.html`;
export const GLOBAL_KEYS = `${DOCS}/reference_policies_condition-keys.html`;
export const MULTIVALUED = `${DOCS}/reference_policies_condition-single-vs-multi-valued-context-keys.html`;

/** The account and callers the cases use. */
export const ACCOUNT = '111122223333';
export const OTHER = '444455556666';
export const ALICE = `arn:aws:iam::${ACCOUNT}:user/alice`;
export const ROLE = `arn:aws:iam::${ACCOUNT}:role/app`;
export const SESSION = `arn:aws:sts::${ACCOUNT}:assumed-role/app/s1`;
export const BOB_OTHER = `arn:aws:iam::${OTHER}:user/bob`;

let n = 0;
/** A policy of the given type from statements. */
export function policy(policyType: PolicyType, statements: object[], extra: Partial<SourcePolicy> = {}): SourcePolicy {
  return { policyName: `${policyType}-${++n}`, policyType, attachment: 'inline', document: JSON.stringify({ Version: '2012-10-17', Statement: statements }), ...extra };
}

export const identity = (...statements: object[]) => policy('identity', statements);
export const resource = (...statements: object[]) => policy('resource', statements);
export const boundary = (...statements: object[]) => policy('boundary', statements);
export const session = (...statements: object[]) => policy('session', statements);
export const scp = (level: number, ...statements: object[]) => policy('scp', statements, { level });
export const rcp = (...statements: object[]) => policy('rcp', statements);

/** `Allow`/`Deny` statements in one line. */
export const allow = (Action: string | string[], Resource: string | string[] = '*', extra: object = {}) => ({ Effect: 'Allow', Action, Resource, ...extra });
export const deny = (Action: string | string[], Resource: string | string[] = '*', extra: object = {}) => ({ Effect: 'Deny', Action, Resource, ...extra });
export const when = (Condition: object) => ({ Condition });
