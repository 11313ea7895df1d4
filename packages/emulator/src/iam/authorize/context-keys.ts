import type { KeyLookup } from './variables.ts';
import type { AuthorizationRequest, PrincipalInfo } from './types.ts';

// The global condition context keys AWS derives from the caller and the request
// (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_condition-keys.html). Keys the
// caller supplies in the request context win over derived ones, as SimulatePrincipalPolicy's
// `ContextEntries` do.

function derived(lower: string, principal: PrincipalInfo, request: AuthorizationRequest, resourceAccount: string | undefined): string | undefined {
  switch (lower) {
    case 'aws:username':
      // Present only for IAM users: a role session has no user name.
      return principal.type === 'User' ? principal.userName : undefined;
    case 'aws:userid':
      return principal.userId;
    case 'aws:principalarn':
      return principal.type === 'AssumedRole' ? principal.roleArn : principal.type === 'Service' ? undefined : principal.arn;
    case 'aws:principalaccount':
      return principal.accountId;
    case 'aws:principaltype':
      return principal.type === 'Service' ? undefined : principal.type;
    case 'aws:principalisawsservice':
      return principal.type === 'Service' ? 'true' : 'false';
    case 'aws:principalservicename':
      return principal.type === 'Service' ? principal.arn : undefined;
    case 'aws:resourceaccount':
      return resourceAccount;
    case 'aws:currenttime':
      return request.time === undefined ? undefined : new Date(request.time).toISOString();
    case 'aws:epochtime':
      return request.time === undefined ? undefined : String(Math.floor(request.time / 1000));
    case 'aws:multifactorauthpresent':
      // Absent for long-term credentials, present for temporary ones (condition-keys-multifactorauthpresent).
      return principal.multiFactorAuthPresent === undefined ? undefined : String(principal.multiFactorAuthPresent);
    case 'aws:multifactorauthage':
      return principal.multiFactorAuthTime !== undefined && request.time !== undefined ? String(Math.floor((request.time - principal.multiFactorAuthTime) / 1000)) : undefined;
    default:
      if (lower.startsWith('aws:principaltag/') && principal.tags) {
        const tag = lower.slice('aws:principaltag/'.length);
        for (const [key, value] of Object.entries(principal.tags)) if (key.toLowerCase() === tag) return value;
      }
      return undefined;
  }
}

/** The context lookup for one request: caller-supplied keys first (case-insensitive), then derived keys. */
export function contextLookup(request: AuthorizationRequest, principal: PrincipalInfo, resourceAccount: string | undefined): KeyLookup {
  let given: Map<string, readonly string[]> | undefined;
  const context = request.context;
  return (lower) => {
    if (context) {
      if (!given) {
        given = new Map();
        for (const key in context) {
          const value = context[key] as string | string[];
          given.set(key.toLowerCase(), Array.isArray(value) ? value : [value]);
        }
      }
      const value = given.get(lower);
      if (value !== undefined) return value;
    }
    const value = derived(lower, principal, request, resourceAccount);
    return value === undefined ? undefined : [value];
  };
}
