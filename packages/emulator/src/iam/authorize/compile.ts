import { statementPath, validatePolicy, type PolicyStatement } from '@skylab/validation';
import { compileArn, type CompiledArn } from './arn.ts';
import { compileCondition, type CompiledCondition } from './conditions.ts';
import { cachedGlob, type CompiledGlob } from './glob.ts';
import { compilePrincipal, type CompiledPrincipal } from './principal.ts';
import type { PolicyType, SourcePolicy, StatementRef } from './types.ts';
import { hasVariable } from './variables.ts';

// Policies are compiled once — parsed, validated, statements normalised, actions lower-cased, ARN patterns
// split and wildcards compiled — and cached by identity, so that evaluating a request only matches.

/** A `Resource`/`NotResource` entry: compiled unless it holds policy variables (substituted per request). */
export interface CompiledResource {
  text: string;
  arn?: CompiledArn;
}

/** A statement ready to match. */
export interface CompiledStatement {
  ref: StatementRef;
  effect: 'Allow' | 'Deny';
  actions?: CompiledGlob[];
  notActions?: CompiledGlob[];
  actionText: string;
  resources?: CompiledResource[];
  notResources?: CompiledResource[];
  resourceText: string;
  principal?: CompiledPrincipal;
  notPrincipal?: CompiledPrincipal;
  conditions?: CompiledCondition[];
}

/** A policy ready to evaluate, or the reason it cannot be read. */
export interface CompiledPolicy {
  source: SourcePolicy;
  statements: CompiledStatement[];
  invalid?: string;
}

const list = (values: readonly string[]) => values.map((v) => `\`${v}\``).join(', ');

function validationType(policyType: PolicyType): 'identity' | 'resource' {
  return policyType === 'resource' || policyType === 'rcp' ? 'resource' : 'identity';
}

function resources(patterns: string[] | undefined, variables: boolean): CompiledResource[] | undefined {
  return patterns?.map((text) => (variables && hasVariable(text) ? { text } : { text, arn: compileArn(text) }));
}

function compileStatement(source: SourcePolicy, statement: PolicyStatement, index: number, variables: boolean, range: StatementRef['range']): CompiledStatement {
  const ref: StatementRef = {
    policyName: source.policyName,
    ...(source.policyArn !== undefined ? { policyArn: source.policyArn } : {}),
    policyType: source.policyType,
    ...(source.attachment !== undefined ? { attachment: source.attachment } : {}),
    ...(source.group !== undefined ? { group: source.group } : {}),
    ...(source.role !== undefined ? { role: source.role } : {}),
    ...(source.level !== undefined ? { level: source.level } : {}),
    statementIndex: index,
    ...(statement.Sid ? { sid: statement.Sid } : {}),
    effect: statement.Effect,
    ...(range ? { range } : {}),
    ...(statement.Action?.some((a) => a.includes('*') || a.includes('?')) ? { actions: statement.Action } : {}),
  };
  const lowerGlobs = (patterns: string[] | undefined) => patterns?.map((p) => cachedGlob(p.toLowerCase()));
  const actions = lowerGlobs(statement.Action);
  const notActions = lowerGlobs(statement.NotAction);
  const res = resources(statement.Resource, variables);
  const notRes = resources(statement.NotResource, variables);
  return {
    ref,
    effect: statement.Effect,
    ...(actions ? { actions } : {}),
    ...(notActions ? { notActions } : {}),
    actionText: list(statement.Action ?? statement.NotAction ?? []),
    ...(res ? { resources: res } : {}),
    ...(notRes ? { notResources: notRes } : {}),
    resourceText: list(statement.Resource ?? statement.NotResource ?? []),
    ...(statement.Principal ? { principal: compilePrincipal(statement.Principal) } : {}),
    ...(statement.NotPrincipal ? { notPrincipal: compilePrincipal(statement.NotPrincipal) } : {}),
    ...(statement.Condition ? { conditions: compileCondition(statement.Condition, variables) } : {}),
  };
}

/** Compiles a policy without caching; use `compiledPolicy` in evaluation. */
export function compilePolicy(source: SourcePolicy): CompiledPolicy {
  const { policy, findings, document } = validatePolicy(source.document, { policyType: validationType(source.policyType) });
  if (!policy) {
    return { source, statements: [], invalid: findings.find((f) => f.severity === 'error')?.message ?? 'it does not parse' };
  }
  const variables = policy.Version === '2012-10-17';
  const statements = policy.Statement.map((statement, index) => compileStatement(source, statement, index, variables, document.locate(statementPath(document, index))));
  return { source, statements };
}

const byObject = new WeakMap<SourcePolicy, CompiledPolicy>();
const byText = new Map<string, Map<string, CompiledPolicy>>();
const TEXT_CACHE_LIMIT = 2048;

function metaKey(source: SourcePolicy): string {
  return `${source.policyType}|${source.policyName}|${source.policyArn ?? ''}|${source.attachment ?? ''}|${source.group ?? ''}|${source.role ?? ''}|${source.level ?? ''}`;
}

/**
 * The compiled form of a policy, cached by the source object and by its text and origin: accounts hand
 * out fresh source objects per request, but the same documents.
 */
export function compiledPolicy(source: SourcePolicy): CompiledPolicy {
  const hit = byObject.get(source);
  if (hit) return hit;
  let forText = byText.get(source.document);
  const key = metaKey(source);
  let compiled = forText?.get(key);
  if (!compiled) {
    compiled = compilePolicy(source);
    if (!forText) {
      if (byText.size >= TEXT_CACHE_LIMIT) byText.clear();
      forText = new Map();
      byText.set(source.document, forText);
    }
    forText.set(key, compiled);
  }
  byObject.set(source, compiled);
  return compiled;
}
