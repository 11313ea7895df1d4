import { validatePolicy, type Finding } from '@skylab/validation';
import type { AccountState } from '../../state.ts';
import { authorize } from './authorize.ts';
import { evaluatePolicies } from './evaluate.ts';
import { explainAuthorization } from './explain.ts';
import type { AuthorizationResult, ContextValue, PolicyType, SourcePolicy, StatementRef } from './types.ts';
import { records, setRecord } from '../../records.ts';

// IAM's policy simulator API: SimulatePrincipalPolicy
// (https://docs.aws.amazon.com/IAM/latest/APIReference/API_SimulatePrincipalPolicy.html) and
// SimulateCustomPolicy (https://docs.aws.amazon.com/IAM/latest/APIReference/API_SimulateCustomPolicy.html),
// in their request and response shapes, each result with our explanation.

/** A context entry, as the simulator APIs take it. */
export interface ContextEntry {
  ContextKeyName: string;
  ContextKeyValues: string[];
  /** `string`, `stringList`, `numeric`, `boolean`, `ip`, `date` … (a `…List` type is always multivalued). */
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

/** SimulateCustomPolicy's input, plus session policies and the SCPs of each organization level (root first). */
export interface SimulateCustomPolicyRequest {
  PolicyInputList: string[];
  PermissionsBoundaryPolicyInputList?: string[];
  SessionPolicyInputList?: string[];
  ServiceControlPolicyLevels?: string[][];
  ResourcePolicy?: string;
  /** The account (`arn:aws:iam::111122223333:root`) owning resources whose ARN does not name one, such as S3 buckets. */
  ResourceOwner?: string;
  /** The caller; defaults to a user of the resource owner's account. */
  CallerArn?: string;
  ActionNames: string[];
  ResourceArns?: string[];
  ContextEntries?: ContextEntry[];
}

/** The policy types IAM's simulator reports for a matched statement. */
export type SourcePolicyType = 'user' | 'group' | 'role' | 'aws-managed' | 'user-managed' | 'resource' | 'none';

/** Where a statement is, in IAM's 1-based line and column terms. */
export interface SimulationStatement {
  SourcePolicyId: string;
  SourcePolicyType: SourcePolicyType;
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
  /** Present when SCPs took part: whether the organization's policies allow the request. */
  OrganizationsDecisionDetail?: { AllowedByOrganizations: boolean };
  /** Present when a permissions boundary took part: whether it allows the request. */
  PermissionsBoundaryDecisionDetail?: { AllowedByPermissionsBoundary: boolean };
  explanation: AuthorizationResult;
}

/** A policy of the request that is not valid, answered as IAM's `MalformedPolicyDocument` error with our findings. */
export interface SimulationError {
  Code: 'MalformedPolicyDocument' | 'InvalidInput';
  Message: string;
  /** Per malformed policy: which input (`PolicyInputList.1`), and the findings with line and column. */
  Policies?: { PolicyInput: string; Findings: Finding[] }[];
}

/** SimulateCustomPolicy's answer: the results, or the error IAM would return. */
export type SimulateCustomPolicyResponse = { EvaluationResults: EvaluationResult[]; IsTruncated: false } | { Error: SimulationError };

const DECISIONS = { Allowed: 'allowed', ExplicitDeny: 'explicitDeny', ImplicitDeny: 'implicitDeny' } as const;

function managedType(arn: string): SourcePolicyType {
  return arn.startsWith('arn:aws:iam::aws:policy/') ? 'aws-managed' : 'user-managed';
}

/** IAM's `SourcePolicyType` of a statement: whose inline policy, which kind of managed policy, or a resource policy. */
export function sourcePolicyType(ref: StatementRef): SourcePolicyType {
  if (ref.policyType === 'resource') return 'resource';
  if (ref.policyArn !== undefined && (ref.policyType === 'identity' || ref.policyType === 'boundary')) return managedType(ref.policyArn);
  if (ref.policyType === 'identity' && ref.attachment === 'inline') return ref.group !== undefined ? 'group' : ref.role !== undefined ? 'role' : 'user';
  return 'none';
}

function simulationStatement(ref: StatementRef): SimulationStatement {
  return {
    SourcePolicyId: ref.policyArn ?? ref.policyName,
    SourcePolicyType: sourcePolicyType(ref),
    ...(ref.range
      ? {
          StartPosition: { Line: ref.range.start.line, Column: ref.range.start.column },
          EndPosition: { Line: ref.range.end.line, Column: ref.range.end.column },
        }
      : {}),
  };
}

function decisionOf(result: AuthorizationResult, type: PolicyType): boolean | undefined {
  const verdicts = result.policyTypes.filter((t) => t.policyType === type);
  return verdicts.length === 0 ? undefined : verdicts.every((t) => t.decision === 'Allow');
}

function evaluationResult(explanation: AuthorizationResult): EvaluationResult {
  const organizations = decisionOf(explanation, 'scp');
  const boundary = decisionOf(explanation, 'boundary');
  return {
    EvalActionName: explanation.request.action,
    EvalResourceName: explanation.request.resource,
    EvalDecision: DECISIONS[explanation.decision],
    MatchedStatements: explanation.matchedStatements.map(simulationStatement),
    MissingContextValues: explanation.missingContextKeys,
    ...(organizations !== undefined ? { OrganizationsDecisionDetail: { AllowedByOrganizations: organizations } } : {}),
    ...(boundary !== undefined ? { PermissionsBoundaryDecisionDetail: { AllowedByPermissionsBoundary: boundary } } : {}),
    explanation,
  };
}

/** The request context of `ContextEntries`: a `…List` type, or more than one value, makes a multivalued key. */
export function contextOf(entries: readonly ContextEntry[] | undefined): Record<string, ContextValue> {
  const context = records<ContextValue>();
  for (const entry of entries ?? []) {
    const list = entry.ContextKeyType?.endsWith('List') === true || entry.ContextKeyValues.length !== 1;
    setRecord(context, entry.ContextKeyName, list ? entry.ContextKeyValues : (entry.ContextKeyValues[0] ?? ''));
  }
  return context;
}

/** The plain-words explanation of one result, wildcards expanded over the IAM catalogue. */
export function explainResult(result: EvaluationResult): string {
  return explainAuthorization(result.explanation, { expandWildcards: true });
}

/** SimulatePrincipalPolicy for a user or role of the account: every action against every resource, with the reasons for each decision. */
export function simulatePrincipalPolicy(state: AccountState, input: SimulatePrincipalPolicyRequest): { EvaluationResults: EvaluationResult[] } {
  const context = contextOf(input.ContextEntries);
  const resources = input.ResourceArns && input.ResourceArns.length > 0 ? input.ResourceArns : ['*'];
  const results: EvaluationResult[] = [];
  for (const action of input.ActionNames) {
    for (const resource of resources) results.push(evaluationResult(authorize(state, { principalArn: input.PolicySourceArn, action, resource, context })));
  }
  return { EvaluationResults: results };
}

const isStrings = (value: unknown): value is string[] => Array.isArray(value) && value.every((v) => typeof v === 'string');

/** What is wrong with the shape of a request, in IAM's `InvalidInput` terms, or undefined. */
function shapeProblem(input: SimulateCustomPolicyRequest): string | undefined {
  if (!isStrings(input.PolicyInputList)) return '`PolicyInputList` must be a list of policy documents';
  if (!isStrings(input.ActionNames) || input.ActionNames.length === 0) return '`ActionNames` must list at least one action';
  for (const key of ['PermissionsBoundaryPolicyInputList', 'SessionPolicyInputList', 'ResourceArns'] as const) {
    if (input[key] !== undefined && !isStrings(input[key])) return `\`${key}\` must be a list of strings`;
  }
  if (input.ServiceControlPolicyLevels !== undefined && !(Array.isArray(input.ServiceControlPolicyLevels) && input.ServiceControlPolicyLevels.every(isStrings))) {
    return '`ServiceControlPolicyLevels` must be a list of lists of policy documents, root first';
  }
  for (const key of ['ResourcePolicy', 'ResourceOwner', 'CallerArn'] as const) {
    if (input[key] !== undefined && typeof input[key] !== 'string') return `\`${key}\` must be a string`;
  }
  if (input.ContextEntries !== undefined && !(Array.isArray(input.ContextEntries) && input.ContextEntries.every((e) => e && typeof e.ContextKeyName === 'string' && isStrings(e.ContextKeyValues)))) {
    return '`ContextEntries` must be a list of `ContextKeyName` and `ContextKeyValues`';
  }
  return undefined;
}

function sourcePolicies(input: SimulateCustomPolicyRequest): SourcePolicy[] {
  const policies: SourcePolicy[] = [];
  (input.ServiceControlPolicyLevels ?? []).forEach((level, l) =>
    level.forEach((document, i) => policies.push({ policyName: `ServiceControlPolicyLevels.${l + 1}.${i + 1}`, policyType: 'scp', level: l, document })),
  );
  if (input.ResourcePolicy !== undefined) policies.push({ policyName: 'ResourcePolicy', policyType: 'resource', document: input.ResourcePolicy });
  input.PolicyInputList.forEach((document, i) => policies.push({ policyName: `PolicyInputList.${i + 1}`, policyType: 'identity', document }));
  (input.PermissionsBoundaryPolicyInputList ?? []).forEach((document, i) => policies.push({ policyName: `PermissionsBoundaryPolicyInputList.${i + 1}`, policyType: 'boundary', document }));
  (input.SessionPolicyInputList ?? []).forEach((document, i) => policies.push({ policyName: `SessionPolicyInputList.${i + 1}`, policyType: 'session', document }));
  return policies;
}

function malformed(policies: readonly SourcePolicy[]): SimulationError | undefined {
  const bad = policies.flatMap((p) => {
    const type = p.policyType === 'resource' ? 'resource' : p.policyType === 'scp' ? 'scp' : 'identity';
    const findings = validatePolicy(p.document, { policyType: type }).findings.filter((f) => f.severity === 'error');
    return findings.length > 0 ? [{ PolicyInput: p.policyName, Findings: findings }] : [];
  });
  if (bad.length === 0) return undefined;
  const first = bad[0]!;
  const at = first.Findings[0]?.range ? ` (line ${first.Findings[0].range.start.line}, column ${first.Findings[0].range.start.column})` : '';
  return { Code: 'MalformedPolicyDocument', Message: `\`${first.PolicyInput}\` is malformed: ${first.Findings[0]?.message ?? 'it does not parse'}${at}`, Policies: bad };
}

const ACCOUNT_OF_ARN = /^arn:aws[\w-]*:(?:iam|sts)::(\d{12}):/;
// `ResourceOwner` is for resources whose ARN names no account (S3 buckets and objects).
const OWNED_ARN = /^arn:[^:]*:[^:]*:[^:]*:\d{12}:/;

/**
 * SimulateCustomPolicy: the given policies (identity, boundary, session, resource, SCPs per level) decide
 * every action on every resource (`*` when none are named) for the caller. A malformed policy answers with
 * IAM's `MalformedPolicyDocument` and the findings, placed at their line and column.
 */
export function simulateCustomPolicy(input: SimulateCustomPolicyRequest): SimulateCustomPolicyResponse {
  const problem = shapeProblem(input);
  if (problem) return { Error: { Code: 'InvalidInput', Message: problem } };
  const policies = sourcePolicies(input);
  const error = malformed(policies);
  if (error) return { Error: error };
  const ownerAccount = input.ResourceOwner ? (ACCOUNT_OF_ARN.exec(input.ResourceOwner)?.[1] ?? (/^\d{12}$/.test(input.ResourceOwner) ? input.ResourceOwner : undefined)) : undefined;
  const principalArn = input.CallerArn ?? `arn:aws:iam::${ownerAccount ?? '123456789012'}:user/simulated-caller`;
  const context = contextOf(input.ContextEntries);
  const resources = input.ResourceArns && input.ResourceArns.length > 0 ? input.ResourceArns : ['*'];
  const results: EvaluationResult[] = [];
  for (const action of input.ActionNames) {
    for (const resource of resources) {
      const ownsItself = OWNED_ARN.test(resource);
      const request = { principalArn, action, resource, context, ...(ownerAccount && !ownsItself ? { resourceAccount: ownerAccount } : {}) };
      results.push(evaluationResult(evaluatePolicies(policies, request)));
    }
  }
  return { EvaluationResults: results, IsTruncated: false };
}
