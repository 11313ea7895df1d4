import { expandActionPattern, iamCatalogue, resourceOfType, type CatalogueResourceType } from '@skylab/validation';
import { compiledPolicy } from './compile.ts';
import { evaluatePolicies } from './evaluate.ts';
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
  /** Requests where either side could not decide for sure (it then fails closed). */
  indeterminate: AuthorizationRequest[];
}

function actionsOf(spec: UniverseSpec): string[] {
  const names = new Set<string>();
  for (const service of spec.services ?? []) for (const name of expandActionPattern(`${service}:*`)) names.add(name);
  for (const pattern of spec.actions ?? []) {
    const expanded = /[*?]/.test(pattern) ? expandActionPattern(pattern) : [pattern];
    for (const name of expanded) names.add(name);
  }
  return [...names];
}

/** A resource of the type nobody named: the type's ARN format with every name filled in. */
function anyOtherOf(type: CatalogueResourceType, where: { accountId: string; region: string }): string {
  return type.arn.replace(/\$\{([^}]+)\}/g, (_, name: string) => (name === 'Partition' ? 'aws' : name === 'Region' ? where.region : name === 'Account' ? where.accountId : 'skylab-any-other'));
}

function resourcesFor(action: string, spec: UniverseSpec): readonly string[] {
  if (spec.allPairs) return spec.resources;
  const known = iamCatalogue.action(action);
  // Unknown to the catalogue: nothing says which resources it takes, so try them all.
  if (!known) return spec.resources;
  if (known.resourceTypes.length === 0) return ['*'];
  const named = spec.resources.filter((arn) => known.resourceTypes.some((type) => resourceOfType(arn, type)));
  if (!spec.anyOther) return named;
  const where = spec.anyOther;
  return [...new Set([...named, ...known.resourceTypes.map((type) => anyOtherOf(type, where))])];
}

/**
 * Whether any Allow statement of the policies can apply to the action. When neither side's can, both
 * deny every request of that action implicitly and nothing needs evaluating: what makes a universe of
 * every catalogue action cheap.
 */
function mayAllow(policies: readonly SourcePolicy[]): (action: string) => boolean {
  const statements = policies.flatMap((p) => compiledPolicy(p).statements.filter((s) => s.effect === 'Allow'));
  return (action) => {
    const lower = action.toLowerCase();
    return statements.some((s) => (s.actions ? s.actions.some((g) => matchCompiled(g, lower)) : !(s.notActions ?? []).some((g) => matchCompiled(g, lower))));
  };
}

/**
 * The requests of a universe built from the catalogue: every action of the services and patterns, each
 * with the resources of the types it acts on (`*` for actions without resource-level permissions), once
 * per context. Ordered by action, resource, context.
 */
export function accessUniverse(spec: UniverseSpec, include: (action: string) => boolean = () => true): AuthorizationRequest[] {
  const contexts = spec.contexts && spec.contexts.length > 0 ? spec.contexts : [undefined];
  const requests: AuthorizationRequest[] = [];
  for (const action of actionsOf(spec)) {
    if (!include(action)) continue;
    for (const resource of resourcesFor(action, spec)) {
      for (const context of contexts) {
        requests.push({
          principalArn: spec.principalArn,
          action,
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
 * Compares two policy sets on a universe of requests (a list, or a spec built with `accessUniverse`):
 * the requests `a` allows and `b` does not, and the reverse. `compareAccess(learner, reference, …)`
 * gives over-permission in `onlyA` and missing permission in `onlyB`.
 */
export function compareAccess(a: readonly SourcePolicy[], b: readonly SourcePolicy[], universe: readonly AuthorizationRequest[] | UniverseSpec): AccessComparison {
  let requests: readonly AuthorizationRequest[];
  let skipped = 0;
  if (Array.isArray(universe)) requests = universe as readonly AuthorizationRequest[];
  else {
    const spec = universe as UniverseSpec;
    const [allowsA, allowsB] = [mayAllow(a), mayAllow(b)];
    const contexts = Math.max(1, spec.contexts?.length ?? 0);
    requests = accessUniverse(spec, (action) => {
      if (allowsA(action) || allowsB(action)) return true;
      skipped += resourcesFor(action, spec).length * contexts;
      return false;
    });
  }
  const out: AccessComparison = { onlyA: [], onlyB: [], bothAllow: 0, neitherAllows: skipped, evaluated: requests.length + skipped, indeterminate: [] };
  for (const request of requests) {
    const left = evaluatePolicies(a, request);
    const right = evaluatePolicies(b, request);
    if (!left.determinate || !right.determinate) out.indeterminate.push(request);
    const allowA = left.decision === 'Allowed';
    const allowB = right.decision === 'Allowed';
    if (allowA && allowB) out.bothAllow++;
    else if (!allowA && !allowB) out.neitherAllows++;
    else (allowA ? out.onlyA : out.onlyB).push({ request, a: left.decision, b: right.decision });
  }
  return out;
}

