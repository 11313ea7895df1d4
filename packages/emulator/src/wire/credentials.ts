import { hmac } from '@oslojs/crypto/hmac';
import { SHA256, sha256 } from '@oslojs/crypto/sha2';
import { utf8Encode } from './bytes.ts';
import type { AccountState } from '../state.ts';
import { ExpiredToken } from '../sts/errors.ts';
import type { ResolvedCredentials } from './types.ts';

// The root credentials of an emulated account are derived from the attempt's seed, not stored: the same
// seed always gives the same key, so a stored attempt keeps its credentials and a regrade replays.
// Their strength is the seed's: 80 bits from a CSPRNG that never leaves the server.

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** An access key pair in AWS's shapes: `AKIA` + 16 base32 characters, and a 40-character secret. */
export interface AccessKeyPair {
  accessKeyId: string;
  secretAccessKey: string;
}

/** The root user's access key of the account provisioned from `seed`. */
export function rootCredentials(seed: string): AccessKeyPair {
  const id = sha256(utf8Encode(`skylab/aws-root-access-key-id\n${seed}`));
  const accessKeyId = `AKIA${Array.from(id.subarray(0, 16), (byte) => BASE32[byte % 32]).join('')}`;
  // 30 bytes are exactly 40 base64 characters, the length of an AWS secret access key.
  const secret = hmac(SHA256, utf8Encode(seed), utf8Encode('skylab/aws-root-secret-access-key')).subarray(0, 30);
  let secretAccessKey = '';
  for (let i = 0; i < secret.length; i += 3) {
    const n = (secret[i]! << 16) | (secret[i + 1]! << 8) | secret[i + 2]!;
    secretAccessKey += BASE64[(n >> 18) & 63]! + BASE64[(n >> 12) & 63]! + BASE64[(n >> 6) & 63]! + BASE64[n & 63]!;
  }
  return { accessKeyId, secretAccessKey };
}

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
  const session = state.sts?.sessions[accessKeyId];
  if (session) {
    if (now >= session.Expiration) throw new ExpiredToken('The security token included in the request is expired');
    return {
      secretAccessKey: session.SecretAccessKey,
      sessionToken: session.SessionToken,
      session,
      caller: { arn: session.Arn, account: accountOf(session.Arn), userId: session.UserId, type: session.RoleArn ? 'AssumedRole' : 'User' },
    };
  }
  for (const user of Object.values(state.iam.users)) {
    const key = user.AccessKeys?.find((k) => k.AccessKeyId === accessKeyId && k.Status === 'Active');
    if (key) return { secretAccessKey: key.SecretAccessKey, caller: { arn: user.Arn, account: accountOf(user.Arn), userId: user.UserId, type: 'User' } };
  }
  return undefined;
}
