import type { AccountState } from '../state.ts';
import { ExpiredToken } from '../sts/errors.ts';
import type { ResolvedCredentials } from './types.ts';
import { getRecord } from '../records.ts';

// The root user's access key is not the emulator's to make: it is a secret, so the API draws it from a
// CSPRNG, stores it with the attempt and hands the root caller in through `resolveCredentials`.

/** The root user of an account as a caller: the account id is its user id, as GetCallerIdentity reports it. */
export function rootCaller(accountId: string, secretAccessKey: string): ResolvedCredentials {
  return { secretAccessKey, caller: { arn: `arn:aws:iam::${accountId}:root`, account: accountId, userId: accountId, type: 'Root' } };
}

const accountOf = (arn: string) => /^arn:aws:(?:iam|sts)::(\d{12}):/.exec(arn)?.[1] ?? '';

/**
 * The credentials an account issued itself: an STS session's temporary key (refused with `ExpiredToken`
 * once it expired on the emulator's clock) or an IAM user's active access key. Undefined for any other id.
 */
export function accountCredentials(state: AccountState, accessKeyId: string, now: number): ResolvedCredentials | undefined {
  const session = state.sts ? getRecord(state.sts.sessions, accessKeyId) : undefined;
  if (session) {
    if (now >= session.Expiration) throw new ExpiredToken('The security token included in the request is expired');
    return {
      secretAccessKey: session.SecretAccessKey,
      sessionToken: session.SessionToken,
      session,
      caller: { arn: session.Arn, account: accountOf(session.Arn), userId: session.UserId, type: session.RoleArn ? 'AssumedRole' : session.SessionIssuerArn ? 'FederatedUser' : 'User' },
    };
  }
  for (const user of Object.values(state.iam.users)) {
    const key = user.AccessKeys?.find((k) => k.AccessKeyId === accessKeyId && k.Status === 'Active');
    if (key) return { secretAccessKey: key.SecretAccessKey, caller: { arn: user.Arn, account: accountOf(user.Arn), userId: user.UserId, type: 'User' } };
  }
  return undefined;
}
