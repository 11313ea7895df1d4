import { statementPath, validatePolicy, type PolicyStatement } from '@skylab/validation';
import { arnMatches } from './arn.ts';
import { evaluateCondition } from './conditions.ts';
import { globMatchIgnoreCase } from './glob.ts';
import type { AuthorizationRequest, AuthorizationResult, SourcePolicy, StatementRef, UnmatchedStatement } from './types.ts';

type StatementOutcome =
  | { kind: 'match' }
  | { kind: 'no-match' | 'unsupported'; failed: UnmatchedStatement['failed']; reason: string; unsupported?: string[]; condition?: UnmatchedStatement['condition'] };

const list = (values: string[]) => values.map((v) => `\`${v}\``).join(', ');

function matchAction(statement: PolicyStatement, action: string): StatementOutcome | undefined {
  if (statement.Action && !statement.Action.some((pattern) => globMatchIgnoreCase(pattern, action))) {
    return { kind: 'no-match', failed: 'action', reason: `its \`Action\` (${list(statement.Action)}) does not cover \`${action}\`` };
  }
  if (statement.NotAction?.some((pattern) => globMatchIgnoreCase(pattern, action))) {
    return { kind: 'no-match', failed: 'action', reason: `its \`NotAction\` (${list(statement.NotAction)}) excludes \`${action}\`` };
  }
  return undefined;
}

// Policy variables such as `${aws:username}` are replaced before matching in version 2012-10-17 policies
// (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html); we do not model them yet.
function matchResource(statement: PolicyStatement, resource: string, variables: boolean): StatementOutcome | undefined {
  const patterns = statement.Resource ?? statement.NotResource ?? [];
  const isVariable = (p: string) => variables && p.includes('${');
  const plain = patterns.filter((p) => !isVariable(p));
  const withVariables = patterns.filter(isVariable);
  const hit = plain.some((pattern) => arnMatches(pattern, resource));
  const element = statement.Resource ? 'Resource' : 'NotResource';
  const unknown = (): StatementOutcome => ({
    kind: 'unsupported',
    failed: 'unsupported',
    reason: `its \`${element}\` uses policy variables (${list(withVariables)}), which the simulator does not evaluate yet`,
    unsupported: withVariables.map((p) => `policy variable in \`${p}\``),
  });
  if (statement.Resource) {
    if (hit) return undefined;
    if (withVariables.length > 0) return unknown();
    return { kind: 'no-match', failed: 'resource', reason: `its \`Resource\` (${list(statement.Resource)}) does not match \`${resource}\`` };
  }
  if (hit) return { kind: 'no-match', failed: 'resource', reason: `its \`NotResource\` (${list(patterns)}) excludes \`${resource}\`` };
  return withVariables.length > 0 ? unknown() : undefined;
}

function evaluateStatement(statement: PolicyStatement, request: AuthorizationRequest, context: ReadonlyMap<string, string[]>, variables: boolean, missing: Set<string>): StatementOutcome {
  const action = matchAction(statement, request.action);
  if (action) return action;
  const resource = matchResource(statement, request.resource, variables);
  if (resource?.kind === 'no-match') return resource;
  if (statement.Condition) {
    const outcome = evaluateCondition(statement.Condition, context, variables);
    for (const key of outcome.missingKeys) missing.add(key);
    if (outcome.result === 'no-match') {
      return { kind: 'no-match', failed: 'condition', reason: outcome.reason, ...(outcome.failedOn ? { condition: outcome.failedOn } : {}) };
    }
    if (outcome.result === 'unsupported') {
      return { kind: 'unsupported', failed: 'unsupported', reason: outcome.reason, unsupported: [...(resource && resource.kind !== 'match' ? (resource.unsupported ?? []) : []), ...outcome.unsupported] };
    }
  }
  return resource ?? { kind: 'match' };
}

function contextMap(request: AuthorizationRequest): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const [key, value] of Object.entries(request.context ?? {})) map.set(key.toLowerCase(), Array.isArray(value) ? value : [value]);
  return map;
}

/**
 * Evaluates identity-based policies for one request, following the IAM evaluation logic for a single
 * account (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html):
 * an explicit deny in any statement wins; otherwise an allow is needed; otherwise the request is
 * implicitly denied. A statement the evaluator cannot fully judge never allows, and a Deny it cannot
 * judge keeps the decision from being `Allowed`.
 */
export function evaluatePolicies(policies: readonly SourcePolicy[], request: AuthorizationRequest): AuthorizationResult {
  const context = contextMap(request);
  const missing = new Set<string>();
  const matched: StatementRef[] = [];
  const unmatched: UnmatchedStatement[] = [];
  const unsupported = new Set<string>();
  const invalidPolicies: AuthorizationResult['invalidPolicies'] = [];
  let possibleDeny = false;
  let possibleAllow = false;

  for (const source of policies) {
    const { policy, findings, document } = validatePolicy(source.document, { policyType: source.policyType });
    if (!policy) {
      invalidPolicies.push({ policyName: source.policyName, reason: findings.find((f) => f.severity === 'error')?.message ?? 'it does not parse' });
      continue;
    }
    const variables = policy.Version === '2012-10-17';
    policy.Statement.forEach((statement, statementIndex) => {
      const range = document.locate(statementPath(document, statementIndex));
      const ref: StatementRef = {
        policyName: source.policyName,
        ...(source.policyArn !== undefined ? { policyArn: source.policyArn } : {}),
        policyType: source.policyType,
        attachment: source.attachment,
        statementIndex,
        ...(statement.Sid ? { sid: statement.Sid } : {}),
        effect: statement.Effect,
        ...(range ? { range } : {}),
      };
      const outcome = evaluateStatement(statement, request, context, variables, missing);
      if (outcome.kind === 'match') {
        matched.push(ref);
        return;
      }
      unmatched.push({ ...ref, failed: outcome.failed, reason: outcome.reason, ...(outcome.condition ? { condition: outcome.condition } : {}) });
      if (outcome.kind === 'unsupported') {
        for (const item of outcome.unsupported ?? []) unsupported.add(item);
        if (statement.Effect === 'Deny') possibleDeny = true;
        else possibleAllow = true;
      }
    });
  }

  const explicitDeny = matched.some((s) => s.effect === 'Deny');
  const allow = matched.some((s) => s.effect === 'Allow');
  let decision: AuthorizationResult['decision'] = 'ImplicitDeny';
  let determinate = true;
  if (explicitDeny) decision = 'ExplicitDeny';
  else if (possibleDeny) determinate = !(allow || possibleAllow);
  else if (allow) decision = 'Allowed';
  else determinate = !possibleAllow;

  return {
    decision,
    determinate,
    request,
    matchedStatements: matched,
    unmatched,
    unsupported: [...unsupported],
    missingContextKeys: [...missing],
    invalidPolicies,
  };
}
