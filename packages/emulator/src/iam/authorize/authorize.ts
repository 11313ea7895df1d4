import type { AccountState } from '../../state.ts';
import { NoSuchEntity } from '../errors.ts';
import type { IamUser } from '../state.ts';
import { evaluatePolicies } from './evaluate.ts';
import type { AuthorizationRequest, AuthorizationResult, SourcePolicy } from './types.ts';

/** The IAM user an ARN names (`arn:aws:iam::111122223333:user/path/name`), or undefined. */
export function userForArn(state: AccountState, principalArn: string): IamUser | undefined {
  const match = /^arn:aws:iam::(\d{12}):user\/(?:.*\/)?([^/]+)$/.exec(principalArn);
  if (!match) return undefined;
  const user = state.iam.users[(match[2] ?? '').toLowerCase()];
  return user && user.Arn === principalArn ? user : undefined;
}

/** The identity-based policies of a user: its inline policies, then its attached managed policies (default versions). */
export function identityPolicies(state: AccountState, user: IamUser): SourcePolicy[] {
  const inline = Object.entries(user.UserPolicies).map(
    ([policyName, document]): SourcePolicy => ({ policyName, policyType: 'identity', attachment: 'inline', document }),
  );
  const managed = user.AttachedPolicyArns.flatMap((arn): SourcePolicy[] => {
    const policy = state.iam.policies[arn];
    const version = policy?.Versions.find((v) => v.VersionId === policy.DefaultVersionId);
    return policy && version ? [{ policyName: policy.PolicyName, policyArn: arn, policyType: 'identity', attachment: 'managed', document: version.Document }] : [];
  });
  return [...inline, ...managed];
}

/**
 * Decides a request by an IAM user with the user's identity-based policies (inline and attached
 * managed). Throws `NoSuchEntity` when the principal is not a user of this account.
 */
export function authorize(state: AccountState, request: AuthorizationRequest): AuthorizationResult {
  const user = userForArn(state, request.principalArn);
  if (!user) throw new NoSuchEntity(`the principal \`${request.principalArn}\` is not a user in this account`);
  return evaluatePolicies(identityPolicies(state, user), request);
}
