import type { PrincipalInfo, PrincipalMatch } from './types.ts';

// Principals in policies and callers in requests
// (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html).

/** Fills in what a caller's ARN tells: its type, account, user name or role. */
export function describePrincipal(arn: string, given: Omit<PrincipalInfo, 'arn'> = {}): PrincipalInfo {
  const out: PrincipalInfo = { arn, ...given };
  if (arn === '*' || arn === 'anonymous') {
    out.type ??= 'Anonymous';
    return out;
  }
  if (!arn.startsWith('arn:')) {
    out.type ??= 'Service';
    return out;
  }
  const match = /^arn:[^:]+:(iam|sts)::(\d{12}):(.*)$/.exec(arn);
  if (!match) return out;
  const [, service, account = '', rest = ''] = match;
  out.accountId ??= account;
  if (service === 'iam' && rest === 'root') out.type ??= 'Account';
  else if (service === 'iam' && rest.startsWith('user/')) {
    out.type ??= 'User';
    out.userName ??= rest.slice(rest.lastIndexOf('/') + 1);
  } else if (service === 'iam' && rest.startsWith('role/')) {
    // A role ARN as caller stands for its sessions (SimulatePrincipalPolicy accepts role ARNs).
    out.type ??= 'AssumedRole';
    out.roleArn ??= arn;
  } else if (service === 'sts' && rest.startsWith('assumed-role/')) {
    out.type ??= 'AssumedRole';
    const role = rest.split('/')[1] ?? '';
    out.roleArn ??= `arn:aws:iam::${account}:role/${role}`;
  } else if (service === 'sts' && rest.startsWith('federated-user/')) {
    out.type ??= 'FederatedUser';
  }
  return out;
}

/** A `Principal`/`NotPrincipal` element compiled for lookups. */
export interface CompiledPrincipal {
  any: boolean;
  aws: Set<string>;
  service: Set<string>;
  federated: Set<string>;
  canonical: Set<string>;
  text: string;
}

/** Compiles a normalised principal element; a bare 12-digit account id means that account's root. */
export function compilePrincipal(element: '*' | Partial<Record<string, string[]>>): CompiledPrincipal {
  const text = JSON.stringify(element);
  if (element === '*') return { any: true, aws: new Set(), service: new Set(), federated: new Set(), canonical: new Set(), text };
  const aws = (element.AWS ?? []).map((v) => (/^\d{12}$/.test(v) ? `arn:aws:iam::${v}:root` : v));
  return {
    any: aws.includes('*'),
    aws: new Set(aws),
    service: new Set((element.Service ?? []).map((s) => s.toLowerCase())),
    federated: new Set(element.Federated ?? []),
    canonical: new Set(element.CanonicalUser ?? []),
    text,
  };
}

/**
 * How a principal element names the caller: itself (`direct`: its user, session or root ARN, or `*`),
 * its role (`role`: the role ARN for a role session), or its account (`account`: the account root, which
 * delegates to the account's own identity-based policies). Undefined when it does not name the caller.
 * Wildcards inside principal ARNs are not supported by IAM and match nothing.
 */
export function matchPrincipal(element: CompiledPrincipal, principal: PrincipalInfo): PrincipalMatch | undefined {
  if (element.any) return 'direct';
  if (principal.type === 'Service') return element.service.has(principal.arn.toLowerCase()) ? 'direct' : undefined;
  if (element.aws.has(principal.arn) || element.federated.has(principal.arn)) return 'direct';
  if (principal.roleArn && element.aws.has(principal.roleArn)) return 'role';
  // Naming the IAM user behind a federated user session: added to the user's permissions before the session
  // policies limit them (https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies.html#policies_session).
  if (principal.sessionIssuerArn && element.aws.has(principal.sessionIssuerArn)) return 'role';
  if (principal.accountId && element.aws.has(`arn:aws:iam::${principal.accountId}:root`)) return 'account';
  return undefined;
}

/** Whether a `NotPrincipal` spares the caller: fully, not at all, or only in part (see `notPrincipalExclusion`). */
export type NotPrincipalExclusion = 'excluded' | 'included' | 'partial';

/**
 * Which callers a `NotPrincipal` spares
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_notprincipal.html): AWS may
 * check the caller's account first, then the user (or the role, then the role session), so a caller is spared
 * only when the element lists its account (`arn:aws:iam::ACCOUNT:root` or the bare id) and itself (its user,
 * federated user, or role; a session named without its role is `partial`). An account alone spares only
 * that account's root user, not its users and roles. Named without its account, the caller is `partial`:
 * "the policy might deny access to the entire account containing the principal".
 */
export function notPrincipalExclusion(element: CompiledPrincipal, principal: PrincipalInfo): NotPrincipalExclusion {
  if (element.any) return 'excluded';
  if (principal.type === 'Service') return element.service.has(principal.arn.toLowerCase()) ? 'excluded' : 'included';
  if (principal.type === 'Anonymous' || principal.accountId === undefined) return element.aws.has(principal.arn) ? 'excluded' : 'included';
  const accountNamed = element.aws.has(`arn:aws:iam::${principal.accountId}:root`);
  if (principal.type === 'Account') return accountNamed ? 'excluded' : 'included';
  const selfNamed = element.aws.has(principal.arn) || element.federated.has(principal.arn);
  const roleNamed = principal.roleArn !== undefined && element.aws.has(principal.roleArn);
  if (!selfNamed && !roleNamed) return 'included';
  if (!accountNamed) return 'partial';
  // A role session is checked as account, role, then session: the role must be listed too.
  if (principal.roleArn !== undefined && principal.roleArn !== principal.arn && !roleNamed) return 'partial';
  return 'excluded';
}
