/** An IAM user as the emulator stores it, in the field names of the IAM API. */
export interface IamUser {
  UserName: string;
  UserId: string;
  Arn: string;
  Path: string;
  CreateDate: string;
  /** Inline policies by `PolicyName`: the `PolicyDocument` text as submitted. */
  UserPolicies: Record<string, string>;
  /** ARNs of the managed policies attached to the user, in attachment order. */
  AttachedPolicyArns: string[];
}

/** One version of a managed policy. */
export interface IamPolicyVersion {
  VersionId: string;
  Document: string;
  IsDefaultVersion: boolean;
  CreateDate: string;
}

/** A customer managed policy. */
export interface IamManagedPolicy {
  PolicyName: string;
  PolicyId: string;
  Arn: string;
  Path: string;
  Description?: string;
  DefaultVersionId: string;
  AttachmentCount: number;
  CreateDate: string;
  UpdateDate: string;
  Versions: IamPolicyVersion[];
}

/** The IAM part of an account. */
export interface IamState {
  /** Users by lower-cased `UserName`: IAM names are unique regardless of case. */
  users: Record<string, IamUser>;
  /** Customer managed policies by `Arn`. */
  policies: Record<string, IamManagedPolicy>;
}

/** IAM with no users and no policies. */
export function emptyIamState(): IamState {
  return { users: {}, policies: {} };
}
