import { expandActionPattern, iamCatalogue, resourceOfType } from '@skylab/validation';
import { evaluatePolicies } from './evaluate.ts';
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

function resourcesFor(action: string, spec: UniverseSpec): readonly string[] {
  if (spec.allPairs) return spec.resources;
  const known = iamCatalogue.action(action);
  // Unknown to the catalogue: nothing says which resources it takes, so try them all.
  if (!known) return spec.resources;
  if (known.resourceTypes.length === 0) return ['*'];
  return spec.resources.filter((arn) => known.resourceTypes.some((type) => resourceOfType(arn, type)));
}

/**
 * The requests of a universe built from the catalogue: every action of the services and patterns, each
 * with the resources of the types it acts on (`*` for actions without resource-level permissions), once
 * per context. Ordered by action, resource, context.
 */
export function accessUniverse(spec: UniverseSpec): AuthorizationRequest[] {
  const contexts = spec.contexts && spec.contexts.length > 0 ? spec.contexts : [undefined];
  const requests: AuthorizationRequest[] = [];
  for (const action of actionsOf(spec)) {
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
  const requests = Array.isArray(universe) ? (universe as readonly AuthorizationRequest[]) : accessUniverse(universe as UniverseSpec);
  const out: AccessComparison = { onlyA: [], onlyB: [], bothAllow: 0, neitherAllows: 0, evaluated: requests.length, indeterminate: [] };
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

