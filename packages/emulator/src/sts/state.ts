import { records } from '../records.ts';

/** Temporary credentials STS issued, with what the session carries into policy evaluation. */
export interface StsSession {
  AccessKeyId: string;
  SecretAccessKey: string;
  SessionToken: string;
  /** Epoch ms on the injected clock; the credentials are refused from then on. */
  Expiration: number;
  /** The caller the credentials act as: an assumed-role or federated user session ARN, or the IAM user for GetSessionToken. */
  Arn: string;
  /** `AROA…:session-name` for role sessions, the user id for GetSessionToken. */
  UserId: string;
  /** For role sessions: the role. */
  RoleArn?: string;
  /**
   * For federated user sessions (GetFederationToken): the IAM user, or the account root, whose long-term
   * credentials requested it (CloudTrail's `sessionIssuer`); `Arn` is then `…:federated-user/Name`.
   */
  SessionIssuerArn?: string;
  /** Session policies passed to AssumeRole or GetFederationToken (inline `Policy` and `PolicyArns`), as documents. */
  SessionPolicies: string[];
  /** Session tags; they override the role's tags of the same key. */
  Tags: Record<string, string>;
  /** Epoch ms of the MFA authentication, when the session was created with MFA. */
  MultiFactorAuthTime?: number;
  /** Whether the session came from another role session (role chaining). */
  Chained: boolean;
  SourceIdentity?: string;
}

/** The STS part of an account: live and expired sessions by access key id. */
export interface StsState {
  sessions: Record<string, StsSession>;
}

/** STS with no sessions. */
export function emptyStsState(): StsState {
  return { sessions: records() };
}
