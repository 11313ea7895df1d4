import { expandActionPattern, iamCatalogue } from '@skylab/validation';
import { globMatchIgnoreCase } from './glob.ts';
import type { AuthorizationResult, StatementRef } from './types.ts';

const POLICY_KIND: Record<StatementRef['policyType'], (ref: StatementRef) => string> = {
  identity: (ref) => `${ref.attachment === 'managed' ? 'managed policy' : ref.attachment === 'inline' ? 'inline policy' : 'identity-based policy'}${ref.group ? ` of group \`${ref.group}\`` : ''}`,
  resource: () => 'resource-based policy',
  boundary: () => 'permissions boundary',
  session: () => 'session policy',
  scp: (ref) => `service control policy (level ${ref.level ?? 0})`,
  rcp: () => 'resource control policy',
};

/** How a statement is named to a learner: `statement 2 (`ReadObjects`) of inline policy `s3-read-only`, line 9`. */
export function describeStatement(ref: StatementRef): string {
  const sid = ref.sid ? ` (\`${ref.sid}\`)` : '';
  const where = ref.range ? `, line ${ref.range.start.line}` : '';
  return `statement ${ref.statementIndex + 1}${sid} of ${POLICY_KIND[ref.policyType](ref)} \`${ref.policyName}\`${where}`;
}

/** How explanations are worded. */
export interface ExplainOptions {
  /** Say how many catalogue actions the wildcard that matched stands for: "`s3:Get*` matches 63 actions, among them `s3:GetObject`". */
  expandWildcards?: boolean;
}

const expansions = new Map<string, string[]>();

// Labs explain the same few patterns over and over; expanding one walks a whole service's actions.
function expansion(pattern: string): string[] {
  let hit = expansions.get(pattern);
  if (!hit) {
    if (expansions.size >= 1024) expansions.clear();
    hit = expandActionPattern(pattern);
    expansions.set(pattern, hit);
  }
  return hit;
}

/** The wildcard pattern of a statement that covered the action, expanded over the IAM catalogue, or an empty string. */
export function describeWildcard(ref: StatementRef, action: string): string {
  const pattern = ref.actions?.find((p) => (p.includes('*') || p.includes('?')) && globMatchIgnoreCase(p, action));
  if (!pattern) return '';
  const expanded = expansion(pattern);
  if (expanded.length === 0) return iamCatalogue.actions(action.slice(0, action.indexOf(':'))) ? ` (\`${pattern}\` matches no action the catalogue knows)` : '';
  const named = expanded.find((a) => a.toLowerCase() === action.toLowerCase()) ?? expanded[0];
  return ` (\`${pattern}\` matches ${expanded.length} action${expanded.length === 1 ? '' : 's'}, among them \`${named}\`)`;
}

/**
 * The reasons behind a decision in plain words, one line each: what was decided, which statements
 * decided it, why each other statement did not apply, and what the simulator could not evaluate.
 */
export function explainAuthorization(result: AuthorizationResult, options: ExplainOptions = {}): string {
  const { action, resource } = result.request;
  const wildcard = (ref: StatementRef) => (options.expandWildcards ? describeWildcard(ref, action) : '');
  const subject = `\`${action}\` on \`${resource}\``;
  const lines: string[] = [];
  const denies = result.matchedStatements.filter((s) => s.effect === 'Deny');
  const allows = result.matchedStatements.filter((s) => s.effect === 'Allow');
  if (result.decision === 'ExplicitDeny') {
    lines.push(`${subject} is explicitly denied: an explicit deny overrides any allow`);
    for (const ref of denies) lines.push(`- ${describeStatement(ref)} denies it${wildcard(ref)}`);
    for (const ref of allows) lines.push(`- ${describeStatement(ref)} would allow it, but the deny wins`);
  } else if (result.decision === 'Allowed') {
    lines.push(`${subject} is allowed`);
    for (const ref of allows) lines.push(`- ${describeStatement(ref)} allows it${wildcard(ref)}`);
  } else if (!result.determinate) {
    lines.push(`${subject} is not allowed: a statement that might apply uses something the simulator does not evaluate, so it fails closed`);
    for (const ref of allows) lines.push(`- ${describeStatement(ref)} allows it, unless a statement below denies it`);
  } else if (result.matchedStatements.length === 0 && result.unmatched.length === 0) {
    lines.push(`${subject} is implicitly denied: the principal has no policy statements, and everything not allowed is denied`);
  } else {
    lines.push(`${subject} is implicitly denied: no statement allows it`);
  }
  if (result.decision !== 'ExplicitDeny' && result.determinate && result.policyTypes.some((t) => t.policyType !== 'identity')) lines.push(`- why: ${result.reason}`);
  for (const ref of result.unmatched) lines.push(`- ${describeStatement(ref)} does not apply: ${ref.reason}`);
  for (const invalid of result.invalidPolicies) lines.push(`- policy \`${invalid.policyName}\` is ignored because it is not valid: ${invalid.reason}`);
  if (result.unsupported.length > 0) lines.push(`not evaluated: ${result.unsupported.join(', ')}`);
  return lines.join('\n');
}
