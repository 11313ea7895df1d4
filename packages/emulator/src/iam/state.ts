import { records } from '../records.ts';

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
  Tags?: IamTag[];
  /** The managed policy that sets the user's permissions boundary. */
  PermissionsBoundary?: string;
  AccessKeys?: IamAccessKey[];
  /** Serial numbers of the MFA devices enabled for the user. */
  MFADevices?: string[];
  LoginProfile?: { CreateDate: string; PasswordResetRequired: boolean; Password: string };
}

/** A tag, as IAM lists them. */
export interface IamTag {
  Key: string;
  Value: string;
}

/** An access key; the secret is kept so the wire layer can verify SigV4 signatures. */
export interface IamAccessKey {
  AccessKeyId: string;
  SecretAccessKey: string;
  Status: 'Active' | 'Inactive';
  CreateDate: string;
}

/** An IAM group with its members and policies. */
export interface IamGroup {
  GroupName: string;
  GroupId: string;
  Arn: string;
  Path: string;
  CreateDate: string;
  /** Member user names, as created. */
  Users: string[];
  GroupPolicies: Record<string, string>;
  AttachedPolicyArns: string[];
}

/** An IAM role: its trust policy (`AssumeRolePolicyDocument`), policies and session limits. */
export interface IamRole {
  RoleName: string;
  RoleId: string;
  Arn: string;
  Path: string;
  CreateDate: string;
  AssumeRolePolicyDocument: string;
  Description?: string;
  /** Seconds, 3600 to 43200 (default 3600). */
  MaxSessionDuration: number;
  RolePolicies: Record<string, string>;
  AttachedPolicyArns: string[];
  PermissionsBoundary?: string;
  Tags: IamTag[];
}

/** An instance profile: the container that passes a role to EC2 instances. */
export interface IamInstanceProfile {
  InstanceProfileName: string;
  InstanceProfileId: string;
  Arn: string;
  Path: string;
  CreateDate: string;
  /** At most one role (an IAM quota). */
  Roles: string[];
}

/** A virtual MFA device. */
export interface IamMfaDevice {
  SerialNumber: string;
  UserName?: string;
  EnableDate?: string;
}

/** The account password policy (https://docs.aws.amazon.com/IAM/latest/APIReference/API_PasswordPolicy.html). */
export interface IamPasswordPolicy {
  MinimumPasswordLength: number;
  RequireSymbols: boolean;
  RequireNumbers: boolean;
  RequireUppercaseCharacters: boolean;
  RequireLowercaseCharacters: boolean;
  AllowUsersToChangePassword: boolean;
  MaxPasswordAge?: number;
  PasswordReusePrevention?: number;
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
  /** Groups, roles and instance profiles by lower-cased name (unique regardless of case). */
  groups: Record<string, IamGroup>;
  roles: Record<string, IamRole>;
  instanceProfiles: Record<string, IamInstanceProfile>;
  /** Virtual MFA devices by serial number. */
  mfaDevices: Record<string, IamMfaDevice>;
  /** How many entities each AWS managed policy is attached to, by ARN. */
  awsManagedAttachments: Record<string, number>;
  passwordPolicy?: IamPasswordPolicy;
}

/** IAM with no users and no policies. */
export function emptyIamState(): IamState {
  return { users: records(), policies: records(), groups: records(), roles: records(), instanceProfiles: records(), mfaDevices: records(), awsManagedAttachments: records() };
}
