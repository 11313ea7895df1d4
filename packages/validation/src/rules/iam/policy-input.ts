import type { PathSegment } from '../../finding.ts';
import type { PolicyDocument, PolicyStatement } from '../../iam-policy/schema.ts';
import { POLICY_KINDS, type PolicyKind } from '../../schemas/artifact-kinds.ts';
import type { CatalogueAction, IamCatalogue } from './catalogue.ts';

/** What the IAM rules take: the normalised policy and its text. */
export interface PolicyInput {
  policy: PolicyDocument;
  text: string;
}

/** Every statement with its normalised path. */
export function statements(policy: PolicyDocument): { statement: PolicyStatement; index: number; path: PathSegment[] }[] {
  return policy.Statement.map((statement, index) => ({ statement, index, path: ['Statement', index] }));
}

const globCache = new Map<string, RegExp>();

/** IAM's `*` and `?` wildcards as a regular expression (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_action.html). */
export function globRegExp(pattern: string, ignoreCase: boolean): RegExp {
  const cacheKey = `${ignoreCase ? 'i' : 's'}${pattern}`;
  let re = globCache.get(cacheKey);
  if (!re) {
    const body = pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
    re = new RegExp(`^${body}$`, ignoreCase ? 'is' : 's');
    if (globCache.size > 5000) globCache.clear();
    globCache.set(cacheKey, re);
  }
  return re;
}

/** True when the action pattern (`s3:Get*`) matches the action name (case-insensitive). */
export function actionMatches(pattern: string, action: string): boolean {
  return globRegExp(pattern, true).test(action);
}

/** `s3:GetObject` → [`s3`, `GetObject`]; `*` → [`*`, `*`]. */
export function splitAction(action: string): [string, string] {
  const colon = action.indexOf(':');
  return colon < 0 ? [action, '*'] : [action.slice(0, colon), action.slice(colon + 1)];
}

/** The catalogue action a pattern names exactly, when it has no wildcard and the catalogue knows it. */
export function exactAction(catalogue: IamCatalogue, pattern: string): CatalogueAction | undefined {
  if (/[*?]/.test(pattern)) return undefined;
  const [service, name] = splitAction(pattern);
  return catalogue.action(service, name);
}

/** True when the statement applies to every resource. */
export function anyResource(statement: PolicyStatement): boolean {
  return statement.Resource?.includes('*') ?? false;
}

/** Every policy kind, for rules about any IAM policy. */
export const ALL_POLICY_KINDS = Object.keys(POLICY_KINDS) as PolicyKind[];

/** Policy kinds that grant permissions to the principal they are attached to. */
export const IDENTITY_KINDS: PolicyKind[] = ['iam-identity-policy', 'iam-permissions-boundary', 'iam-scp', 'iam-session-policy'];

/** Policy kinds attached to a resource, naming principals. */
export const RESOURCE_KINDS: PolicyKind[] = ['iam-resource-policy', 's3-bucket-policy', 'ecr-repository-policy'];

/** One action pattern of a statement's `Action`, with its path. */
export interface ActionEntry {
  statement: PolicyStatement;
  index: number;
  action: string;
  path: PathSegment[];
}

// Six rules walk the same entries of one policy in one lint run; the entries are read-only.
const entriesOf = new WeakMap<PolicyDocument, readonly ActionEntry[]>();

/** Each action pattern of `Action` with its path, for rules that look at one action at a time. */
export function actionEntries(policy: PolicyDocument): readonly ActionEntry[] {
  let entries = entriesOf.get(policy);
  if (!entries) {
    entries = policy.Statement.flatMap((statement, index) => (statement.Action ?? []).map((action, i) => ({ statement, index, action, path: ['Statement', index, 'Action', i] })));
    entriesOf.set(policy, entries);
  }
  return entries;
}
