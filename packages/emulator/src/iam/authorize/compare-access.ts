import { expandActionPattern, iamCatalogue, resourceOfType, type CatalogueAction, type CatalogueResourceType } from '@skylab/validation';
import { compiledPolicy, type CompiledStatement } from './compile.ts';
import { evaluatePolicies, type EvaluationOptions } from './evaluate.ts';
import { matchCompiled } from './glob.ts';
import type { AuthorizationRequest, ContextValue, Decision, PrincipalInfo, SourcePolicy } from './types.ts';

// Behavioural comparison of two policy sets (DESIGN §3, "behavioural equivalence to the reference"): both
// are evaluated on every request of a finite universe, and the requests one allows and the other does not
// are reported. Labs grade least privilege with it: what the learner's policies allow beyond the reference
// is over-permission, what they miss is under-permission.

/** How to build a request universe from the IAM catalogue instead of listing the requests. */
export interface UniverseSpec {
  principalArn: string;
  principal?: Omit<PrincipalInfo, 'arn'>;
  /** Service prefixes whose every catalogue action takes part (`s3`, `sqs`). */
  services?: readonly string[];
  /** Action patterns expanded over the catalogue (`s3:Get*`), or exact names. */
  actions?: readonly string[];
  /** Concrete resource ARNs; each action is paired with those of a type it acts on, or `*` when it acts on none. */
  resources: readonly string[];
  /** Request contexts; every action × resource pair is asked once per context (default: one empty context). */
  contexts?: readonly Record<string, ContextValue>[];
  resourceAccount?: string;
  time?: number;
  /** Pair every action with every resource, without the catalogue's resource types. */
  allPairs?: boolean;
  /** Add, for each resource type an action acts on, one resource of that type that nobody named, in this account and region. */
  anyOther?: { accountId: string; region: string };
}

/** One request the two policy sets decide differently, with both decisions. */
export interface AccessDifference {
  request: AuthorizationRequest;
  a: Decision;
  b: Decision;
}

/** What `a` allows that `b` does not (`onlyA`), the reverse (`onlyB`), and how many requests each side shares. */
export interface AccessComparison {
  onlyA: AccessDifference[];
  onlyB: AccessDifference[];
  /** Requests both allow, and requests neither allows. */
  bothAllow: number;
  neitherAllows: number;
  evaluated: number;
  /** Actions of the universe no Allow statement of either side can match: denied on every resource, so not asked one by one. */
  deniedActions: number;
  /** Requests where either side could not decide for sure (it then fails closed). */
  indeterminate: AuthorizationRequest[];
}

/** An action of the universe, looked up in the catalogue once. */
interface UniverseAction {
  name: string;
  lower: string;
  known: CatalogueAction | undefined;
}

// Expanding every catalogue action is the same work for every grade of a lab: kept per services and patterns.
const actionLists = new Map<string, UniverseAction[]>();
const ACTION_LISTS_LIMIT = 64;

function actionsOf(spec: UniverseSpec): UniverseAction[] {
  const key = JSON.stringify([spec.services ?? [], spec.actions ?? []]);
  const hit = actionLists.get(key);
  if (hit) return hit;
  const names = new Set<string>();
  for (const service of spec.services ?? []) for (const name of expandActionPattern(`${service}:*`)) names.add(name);
  for (const pattern of spec.actions ?? []) {
    const expanded = /[*?]/.test(pattern) ? expandActionPattern(pattern) : [pattern];
    for (const name of expanded) names.add(name);
  }
  const list = [...names].map((name) => ({ name, lower: name.toLowerCase(), known: iamCatalogue.action(name) }));
  if (actionLists.size >= ACTION_LISTS_LIMIT) actionLists.clear();
  actionLists.set(key, list);
  return list;
}

/** A resource of the type nobody named: the type's ARN format with every name filled in. */
function anyOtherOf(type: CatalogueResourceType, where: { accountId: string; region: string }): string {
  return type.arn.replace(/\$\{([^}]+)\}/g, (_, name: string) => (name === 'Partition' ? 'aws' : name === 'Region' ? where.region : name === 'Account' ? where.accountId : 'skylab-any-other'));
}

/**
 * The resources each action is asked on. Which named resources fit a type depends only on the type's ARN
 * format, so it is worked out once per format: a universe of every catalogue action shares a few hundred.
 */
function resourceResolver(spec: UniverseSpec): (action: UniverseAction) => readonly string[] {
  const byFormat = new Map<string, string[]>();
  const ofType = (type: CatalogueResourceType): string[] => {
    let hit = byFormat.get(type.arn);
    if (!hit) {
      hit = spec.resources.filter((arn) => resourceOfType(arn, type));
      if (spec.anyOther) hit.push(anyOtherOf(type, spec.anyOther));
      byFormat.set(type.arn, hit);
    }
    return hit;
  };
  return ({ known }) => {
    if (spec.allPairs) return spec.resources;
    // Unknown to the catalogue: nothing says which resources it takes, so try them all.
    if (!known) return spec.resources;
    if (known.resourceTypes.length === 0) return ['*'];
    if (known.resourceTypes.length === 1) return ofType(known.resourceTypes[0] as CatalogueResourceType);
    return [...new Set(known.resourceTypes.flatMap(ofType))];
  };
}

/**
 * Whether any Allow statement of the policies can apply to the action. When neither side's can, both
 * deny every request of that action implicitly and nothing needs evaluating: what makes a universe of
 * every catalogue action cheap.
 */
function matchesAction(statement: CompiledStatement, lower: string): boolean {
  return statement.actions ? statement.actions.some((g) => matchCompiled(g, lower)) : !(statement.notActions ?? []).some((g) => matchCompiled(g, lower));
}

function mayAllow(policies: readonly SourcePolicy[]): (action: UniverseAction) => boolean {
  const statements = policies.flatMap((p) => compiledPolicy(p).statements.filter((s) => s.effect === 'Allow'));
  return ({ lower }) => statements.some((s) => matchesAction(s, lower));
}

/**
 * Whether the request context can change a decision on the action: only through a condition, or a policy
 * variable in a resource, of a statement that can apply to it. Where none can, one context stands for all.
 */
function contextMatters(policies: readonly SourcePolicy[]): (action: UniverseAction) => boolean {
  const statements = policies.flatMap((p) => compiledPolicy(p).statements.filter((s) => s.conditions !== undefined || s.resourceText.includes('${')));
  return ({ lower }) => statements.some((s) => matchesAction(s, lower));
}

/**
 * The requests of a universe built from the catalogue: every action of the services and patterns, each
 * with the resources of the types it acts on (`*` for actions without resource-level permissions), once
 * per context. Ordered by action, resource, context.
 */
export function accessUniverse(spec: UniverseSpec): AuthorizationRequest[] {
  return universeRequests(spec, () => 'every-context');
}

/** Which requests of an action a universe holds: none, one per resource (the context cannot matter), or one per resource and context. */
type Inclusion = 'none' | 'one-context' | 'every-context';

function universeRequests(spec: UniverseSpec, include: (action: UniverseAction) => Inclusion): AuthorizationRequest[] {
  const contexts = spec.contexts && spec.contexts.length > 0 ? spec.contexts : [undefined];
  const requests: AuthorizationRequest[] = [];
  const resourcesFor = resourceResolver(spec);
  for (const action of actionsOf(spec)) {
    const inclusion = include(action);
    if (inclusion === 'none') continue;
    for (const resource of resourcesFor(action)) {
      for (const context of inclusion === 'one-context' ? contexts.slice(0, 1) : contexts) {
        requests.push({
          principalArn: spec.principalArn,
          action: action.name,
          resource,
          ...(context ? { context } : {}),
          ...(spec.principal ? { principal: spec.principal } : {}),
          ...(spec.resourceAccount !== undefined ? { resourceAccount: spec.resourceAccount } : {}),
          ...(spec.time !== undefined ? { time: spec.time } : {}),
        });
      }
    }
  }
  return requests;
}

/**
 * How `compareAccess` evaluates by default: a universe names KMS keys but no key policies, so each key is
 * taken to have the default key policy, under which the account's IAM policies decide (key-policy-default.html).
 */
export const COMPARISON_OPTIONS: EvaluationOptions = Object.freeze({ assumeDefaultKeyPolicy: true });

/**
 * Compares two policy sets on a universe of requests (a list, or a spec built with `accessUniverse`):
 * the requests `a` allows and `b` does not, and the reverse. `compareAccess(learner, reference, …)`
 * gives over-permission in `onlyA` and missing permission in `onlyB`.
 */
export function compareAccess(a: readonly SourcePolicy[], b: readonly SourcePolicy[], universe: readonly AuthorizationRequest[] | UniverseSpec, options: EvaluationOptions = COMPARISON_OPTIONS): AccessComparison {
  let requests: readonly AuthorizationRequest[];
  let deniedActions = 0;
  if (Array.isArray(universe)) requests = universe as readonly AuthorizationRequest[];
  else {
    const [allowsA, allowsB] = [mayAllow(a), mayAllow(b)];
    const matters = contextMatters([...a, ...b]);
    requests = universeRequests(universe as UniverseSpec, (action) => {
      if (allowsA(action) || allowsB(action)) return matters(action) ? 'every-context' : 'one-context';
      deniedActions++;
      return 'none';
    });
  }
  const out: AccessComparison = { onlyA: [], onlyB: [], bothAllow: 0, neitherAllows: 0, evaluated: requests.length, deniedActions, indeterminate: [] };
  for (const request of requests) {
    const left = evaluatePolicies(a, request, options);
    const right = evaluatePolicies(b, request, options);
    if (!left.determinate || !right.determinate) out.indeterminate.push(request);
    const allowA = left.decision === 'Allowed';
    const allowB = right.decision === 'Allowed';
    if (allowA && allowB) out.bothAllow++;
    else if (!allowA && !allowB) out.neitherAllows++;
    else (allowA ? out.onlyA : out.onlyB).push({ request, a: left.decision, b: right.decision });
  }
  return out;
}

