import type { Ctx } from '../ctx.ts';
import { authorize, roleForArn, userForArn } from '../iam/authorize/authorize.ts';
import { evaluatePolicies } from '../iam/authorize/evaluate.ts';
import type { AuthorizationResult, SourcePolicy } from '../iam/authorize/types.ts';
import { getRecord } from '../records.ts';
import type { AccountState } from '../state.ts';
import { findRepository } from './repository-operations.ts';

// Who may pull from a repository (https://docs.aws.amazon.com/AmazonECR/latest/userguide/repository-policies.html
// and https://docs.aws.amazon.com/AmazonECR/latest/userguide/security_iam_id-based-policy-examples.html): a
// pull is `ecr:GetAuthorizationToken` (on `*`, identity policies only) then `ecr:BatchCheckLayerAvailability`,
// `ecr:BatchGetImage` and `ecr:GetDownloadUrlForLayer` on the repository, decided by the IAM engine with the
// repository policy as the resource-based policy. Within the account either side may allow; from another
// account both the caller's identity policies and the repository policy must (cross-account evaluation).

/** The calls a `docker pull` makes, in order. */
export const PULL_ACTIONS = ['ecr:GetAuthorizationToken', 'ecr:BatchCheckLayerAvailability', 'ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer'] as const;

/** A request on a repository by a caller; a caller of another account brings its identity policies. */
export interface RepositoryRequest {
  principalArn: string;
  action: string;
  repositoryName: string;
  /** For a caller of another account: its identity-based policies (documents), which this account cannot see. */
  callerPolicies?: readonly string[];
}

function accountOf(arn: string): string | undefined {
  return /^arn:aws:(?:iam|sts)::(\d{12}):/.exec(arn)?.[1];
}

/** The decision on one ECR action by a caller, with the repository policy taking part (except for `GetAuthorizationToken`). */
export function authorizeRepositoryAction(state: AccountState, request: RepositoryRequest, ctx: Ctx): AuthorizationResult {
  const repository = findRepository(state, request.repositoryName, undefined, ctx);
  const registryWide = request.action.toLowerCase() === 'ecr:getauthorizationtoken';
  const resource = registryWide ? '*' : repository.repositoryArn;
  const resourcePolicy = registryWide ? undefined : repository.policyText;
  const callerAccount = accountOf(request.principalArn);
  // A caller of this account that is neither a user nor a role of it (a role the policy names but the account
  // never created) has no identity policies: only the repository policy can speak for it.
  const known = callerAccount === ctx.accountId && (userForArn(state, request.principalArn) !== undefined || roleForArn(state, request.principalArn) !== undefined || /:root$/.test(request.principalArn));
  if (known) return authorize(state, { principalArn: request.principalArn, action: request.action, resource, resourceAccount: ctx.accountId }, resourcePolicy === undefined ? {} : { resourcePolicy });
  const policies: SourcePolicy[] = (request.callerPolicies ?? []).map((document, i) => ({ policyName: `caller-policy-${i + 1}`, policyType: 'identity', document }));
  if (resourcePolicy !== undefined) policies.push({ policyName: 'repository-policy', policyType: 'resource', document: resourcePolicy });
  return evaluatePolicies(policies, { principalArn: request.principalArn, action: request.action, resource, resourceAccount: registryWide ? (callerAccount ?? ctx.accountId) : ctx.accountId });
}

/** The role session an instance's profile gives it (`assumed-role/<role>/<instance id>`), or undefined without a profile or role. */
export function instanceRoleSession(state: AccountState, instanceId: string): string | undefined {
  const instance = getRecord(state.ec2.instances, instanceId);
  const profileName = instance?.IamInstanceProfile?.Arn.split('/').pop();
  const profile = profileName ? Object.values(state.iam.instanceProfiles ?? {}).find((p) => p.InstanceProfileName === profileName) : undefined;
  const role = profile?.Roles[0];
  const accountId = /^arn:aws:iam::(\d{12}):/.exec(instance?.IamInstanceProfile?.Arn ?? '')?.[1];
  return role && accountId ? `arn:aws:sts::${accountId}:assumed-role/${role}/${instanceId}` : undefined;
}

/** Whether a caller can pull images from the repository: every pull call allowed, and each decision. */
export function pullAccess(state: AccountState, request: Omit<RepositoryRequest, 'action'>, ctx: Ctx): { allowed: boolean; results: AuthorizationResult[] } {
  const results = PULL_ACTIONS.map((action) => authorizeRepositoryAction(state, { ...request, action }, ctx));
  return { allowed: results.every((r) => r.decision === 'Allowed'), results };
}

/** GetAuthorizationToken: a registry login valid for 12 hours (an emulated token, not a usable password). */
export function getAuthorizationToken(_state: AccountState, _input: Record<string, never>, ctx: Ctx): { authorizationData: { authorizationToken: string; expiresAt: string; proxyEndpoint: string }[] } {
  // base64 of `AWS:emulated-token`: the user name ECR tokens carry is always `AWS`.
  return { authorizationData: [{ authorizationToken: 'QVdTOmVtdWxhdGVkLXRva2Vu', expiresAt: new Date(ctx.clock.now() + 12 * 3600000).toISOString(), proxyEndpoint: `https://${ctx.accountId}.dkr.ecr.${ctx.region}.amazonaws.com` }] };
}
