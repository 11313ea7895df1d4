import { compileMarkedArn, matchArn } from './arn.ts';
import type { CompiledResource, CompiledStatement } from './compile.ts';
import { evaluateCondition } from './conditions.ts';
import { matchCompiled, type CompiledGlob } from './glob.ts';
import { matchPrincipal, notPrincipalExclusion } from './principal.ts';
import type { PrincipalInfo, PrincipalMatch, UnmatchedStatement } from './types.ts';
import { substitute, type KeyLookup } from './variables.ts';

/** A request prepared once for matching against many statements. */
export interface PreparedRequest {
  action: string;
  actionLower: string;
  resource: string;
  resourceParts: readonly string[];
  principal: PrincipalInfo;
  /** Whether the caller has a permissions boundary (it changes how `NotPrincipal` with `Deny` applies). */
  hasBoundary: boolean;
  lookup: KeyLookup;
  /** Condition keys the policies tested that the request did not carry, created on the first one. */
  missing?: Set<string>;
}

/** Which element of a statement failed to match, when its reason is worded only if someone asks. */
export type Miss = 'principal' | 'notPrincipal' | 'action' | 'notAction' | 'resource' | 'notResource';

/**
 * How one statement came out for one request. Element misses carry `miss` instead of a worded `reason`:
 * most statements of a policy do not apply to a given request, and their reasons are read only when an
 * explanation is shown (`missReason` words them).
 */
export type StatementOutcome =
  | { kind: 'match'; principalMatch?: PrincipalMatch }
  | {
      kind: 'no-match' | 'unsupported';
      failed: UnmatchedStatement['failed'];
      reason?: string;
      miss?: Miss;
      unsupported?: string[];
      condition?: UnmatchedStatement['condition'];
    };

const missed = (failed: UnmatchedStatement['failed'], miss: Miss): StatementOutcome => Object.freeze({ kind: 'no-match', failed, miss });
const MISSES: Record<Miss, StatementOutcome> = {
  principal: missed('principal', 'principal'),
  notPrincipal: missed('principal', 'notPrincipal'),
  action: missed('action', 'action'),
  notAction: missed('action', 'notAction'),
  resource: missed('resource', 'resource'),
  notResource: missed('resource', 'notResource'),
};
const MATCH: StatementOutcome = Object.freeze({ kind: 'match' });
const PRINCIPAL_MATCHES: Record<PrincipalMatch, StatementOutcome> = {
  direct: Object.freeze({ kind: 'match', principalMatch: 'direct' }),
  role: Object.freeze({ kind: 'match', principalMatch: 'role' }),
  account: Object.freeze({ kind: 'match', principalMatch: 'account' }),
};

const NOT_PRINCIPAL_ALLOW: StatementOutcome = Object.freeze({
  kind: 'unsupported',
  failed: 'unsupported',
  reason: 'it uses `NotPrincipal` with `Allow`, which AWS does not support, so it never allows',
  unsupported: ['`NotPrincipal` with `Allow`'],
});

function notPrincipalPartial(statement: CompiledStatement, request: PreparedRequest): StatementOutcome {
  const account = `arn:aws:iam::${request.principal.accountId ?? ''}:root`;
  return {
    kind: 'unsupported',
    failed: 'unsupported',
    reason: `its \`NotPrincipal\` ${statement.notPrincipal?.text ?? ''} names \`${request.principal.arn}\` (or its role) but not all of \`${account}\` and the role: AWS may check those first, and then the statement denies`,
    unsupported: ['`NotPrincipal` naming a caller without its account (and role)'],
  };
}

/** Why a statement did not apply, in plain words. */
export function missReason(statement: CompiledStatement, request: PreparedRequest, outcome: StatementOutcome): string {
  if (outcome.kind === 'match') return '';
  if (outcome.reason !== undefined) return outcome.reason;
  switch (outcome.miss) {
    case 'principal':
      return `its \`Principal\` ${statement.principal?.text ?? ''} does not name \`${request.principal.arn}\``;
    case 'notPrincipal':
      return `its \`NotPrincipal\` ${statement.notPrincipal?.text ?? ''} excludes \`${request.principal.arn}\``;
    case 'action':
      return `its \`Action\` (${statement.actionText}) does not cover \`${request.action}\``;
    case 'notAction':
      return `its \`NotAction\` (${statement.actionText}) excludes \`${request.action}\``;
    case 'resource':
      return `its \`Resource\` (${statement.resourceText}) does not match \`${request.resource}\``;
    default:
      return `its \`NotResource\` (${statement.resourceText}) excludes \`${request.resource}\``;
  }
}

function anyGlob(globs: readonly CompiledGlob[], text: string): boolean {
  for (const glob of globs) if (matchCompiled(glob, text)) return true;
  return false;
}

function resourceHit(entries: readonly CompiledResource[], request: PreparedRequest): boolean {
  for (const entry of entries) {
    if (entry.arn) {
      if (matchArn(entry.arn, request.resource, request.resourceParts)) return true;
      continue;
    }
    // Policy variables in a resource: substitute, then match; an unresolvable variable matches nothing.
    const marked = substitute(entry.text, request.lookup, true);
    if (marked !== undefined && matchArn(compileMarkedArn(marked), request.resource, request.resourceParts)) return true;
  }
  return false;
}

function principalOutcome(statement: CompiledStatement, request: PreparedRequest): StatementOutcome {
  if (statement.principal) {
    const match = matchPrincipal(statement.principal, request.principal);
    return match ? PRINCIPAL_MATCHES[match] : MISSES.principal;
  }
  if (statement.notPrincipal) {
    // `NotPrincipal` with `Allow` is not supported by AWS (reference_policies_elements_notprincipal.html):
    // such a statement never allows here, and the result says so.
    if (statement.effect === 'Allow') return NOT_PRINCIPAL_ALLOW;
    // A `Deny` with `NotPrincipal` always applies to principals with a permissions boundary
    // (https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_boundaries.html).
    if (request.hasBoundary) return PRINCIPAL_MATCHES.direct;
    const exclusion = notPrincipalExclusion(statement.notPrincipal, request.principal);
    if (exclusion === 'excluded') return MISSES.notPrincipal;
    if (exclusion === 'partial') return notPrincipalPartial(statement, request);
    return PRINCIPAL_MATCHES.direct;
  }
  return MATCH;
}

/**
 * Matches one statement: principal (resource-based policies only), action, resource, then condition.
 * The first element that fails is the reason the statement does not apply.
 */
export function evaluateStatement(statement: CompiledStatement, request: PreparedRequest): StatementOutcome {
  const principal = statement.principal || statement.notPrincipal ? principalOutcome(statement, request) : undefined;
  // An element the evaluator cannot judge (a `NotPrincipal` in part) matters only when the rest matches.
  if (principal && principal.kind === 'no-match') return principal;
  if (statement.actions && !anyGlob(statement.actions, request.actionLower)) return MISSES.action;
  if (statement.notActions && anyGlob(statement.notActions, request.actionLower)) return MISSES.notAction;
  if (statement.resources && !resourceHit(statement.resources, request)) return MISSES.resource;
  if (statement.notResources && resourceHit(statement.notResources, request)) return MISSES.notResource;
  if (statement.conditions) {
    const outcome = evaluateCondition(statement.conditions, request.lookup);
    for (const key of outcome.missingKeys) (request.missing ??= new Set()).add(key);
    if (outcome.result === 'no-match') {
      return outcome.failedOn ? { kind: 'no-match', failed: 'condition', reason: outcome.reason, condition: outcome.failedOn } : { kind: 'no-match', failed: 'condition', reason: outcome.reason };
    }
    if (outcome.result === 'unsupported') {
      const both = principal?.kind === 'unsupported' ? [...(principal.unsupported ?? []), ...outcome.unsupported] : outcome.unsupported;
      return { kind: 'unsupported', failed: 'unsupported', reason: principal?.kind === 'unsupported' ? `${principal.reason ?? ''}; ${outcome.reason}` : outcome.reason, unsupported: both };
    }
  }
  return principal ?? MATCH;
}
