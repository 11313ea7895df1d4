import { compileMarkedArn, matchArn } from './arn.ts';
import type { CompiledResource, CompiledStatement } from './compile.ts';
import { evaluateCondition } from './conditions.ts';
import { matchCompiled, type CompiledGlob } from './glob.ts';
import { matchPrincipal } from './principal.ts';
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
}

/** How one statement came out for one request. */
export type StatementOutcome =
  | { kind: 'match'; principalMatch?: PrincipalMatch }
  | {
      kind: 'no-match' | 'unsupported';
      failed: UnmatchedStatement['failed'];
      reason: string;
      unsupported?: string[];
      condition?: UnmatchedStatement['condition'];
    };

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
    if (match) return { kind: 'match', principalMatch: match };
    return { kind: 'no-match', failed: 'principal', reason: `its \`Principal\` ${statement.principal.text} does not name \`${request.principal.arn}\`` };
  }
  if (statement.notPrincipal) {
    // A `Deny` with `NotPrincipal` always applies to principals with a permissions boundary
    // (https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_boundaries.html).
    const boundaryOverride = statement.effect === 'Deny' && request.hasBoundary;
    if (!boundaryOverride && matchPrincipal(statement.notPrincipal, request.principal)) {
      return { kind: 'no-match', failed: 'principal', reason: `its \`NotPrincipal\` ${statement.notPrincipal.text} excludes \`${request.principal.arn}\`` };
    }
    return { kind: 'match', principalMatch: 'direct' };
  }
  return { kind: 'match' };
}

/**
 * Matches one statement: principal (resource-based policies only), action, resource, then condition.
 * The first element that fails is the reason the statement does not apply.
 */
export function evaluateStatement(statement: CompiledStatement, request: PreparedRequest, missing: Set<string>): StatementOutcome {
  const principal = statement.principal || statement.notPrincipal ? principalOutcome(statement, request) : undefined;
  if (principal && principal.kind !== 'match') return principal;
  if (statement.actions && !anyGlob(statement.actions, request.actionLower)) {
    return { kind: 'no-match', failed: 'action', reason: `its \`Action\` (${statement.actionText}) does not cover \`${request.action}\`` };
  }
  if (statement.notActions && anyGlob(statement.notActions, request.actionLower)) {
    return { kind: 'no-match', failed: 'action', reason: `its \`NotAction\` (${statement.actionText}) excludes \`${request.action}\`` };
  }
  if (statement.resources && !resourceHit(statement.resources, request)) {
    return { kind: 'no-match', failed: 'resource', reason: `its \`Resource\` (${statement.resourceText}) does not match \`${request.resource}\`` };
  }
  if (statement.notResources && resourceHit(statement.notResources, request)) {
    return { kind: 'no-match', failed: 'resource', reason: `its \`NotResource\` (${statement.resourceText}) excludes \`${request.resource}\`` };
  }
  if (statement.conditions) {
    const outcome = evaluateCondition(statement.conditions, request.lookup);
    for (const key of outcome.missingKeys) missing.add(key);
    if (outcome.result === 'no-match') {
      return { kind: 'no-match', failed: 'condition', reason: outcome.reason, ...(outcome.failedOn ? { condition: outcome.failedOn } : {}) };
    }
    if (outcome.result === 'unsupported') return { kind: 'unsupported', failed: 'unsupported', reason: outcome.reason, unsupported: outcome.unsupported };
  }
  return principal ?? MATCH;
}

const MATCH: StatementOutcome = { kind: 'match' };
