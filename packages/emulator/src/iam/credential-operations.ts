import type { Ctx } from '../ctx.ts';
import type { AccountState } from '../state.ts';
import { DeleteConflict, EntityAlreadyExists, LimitExceeded, NoSuchEntity, PasswordPolicyViolation } from './errors.ts';
import { checkName, checkQuota, findUser, IAM_QUOTAS, now } from './operations.ts';
import type { IamAccessKey, IamPasswordPolicy } from './state.ts';
import { deleteRecord, getRecord, hasRecord, setRecord } from '../records.ts';

// Long-term credentials: access keys (at most two per user), virtual MFA devices, console passwords and
// the account password policy (https://docs.aws.amazon.com/IAM/latest/UserGuide/id_credentials.html).

/** At most two access keys per user (reference_iam-quotas.html). */
export const ACCESS_KEYS_PER_USER = 2;

/** CreateAccessKey: a new active key pair; the secret is returned only here, as in IAM. */
export function createAccessKey(state: AccountState, input: { UserName: string }, ctx: Ctx): { AccessKey: IamAccessKey & { UserName: string } } {
  const user = findUser(state, input.UserName);
  const keys = (user.AccessKeys ??= []);
  if (keys.length >= ACCESS_KEYS_PER_USER) throw new LimitExceeded(`cannot exceed quota for AccessKeysPerUser: ${ACCESS_KEYS_PER_USER}`);
  const key: IamAccessKey = { AccessKeyId: ctx.ids.next('AKIA'), SecretAccessKey: ctx.ids.next('secret'), Status: 'Active', CreateDate: now(ctx) };
  keys.push(key);
  return { AccessKey: { ...key, UserName: user.UserName } };
}

function findKey(state: AccountState, userName: string, accessKeyId: string): IamAccessKey {
  const key = findUser(state, userName).AccessKeys?.find((k) => k.AccessKeyId === accessKeyId);
  if (!key) throw new NoSuchEntity(`the access key with id \`${accessKeyId}\` cannot be found`);
  return key;
}

/** UpdateAccessKey: activates or deactivates a key. */
export function updateAccessKey(state: AccountState, input: { UserName: string; AccessKeyId: string; Status: 'Active' | 'Inactive' }, _ctx: Ctx): Record<string, never> {
  findKey(state, input.UserName, input.AccessKeyId).Status = input.Status;
  return {};
}

/** DeleteAccessKey. */
export function deleteAccessKey(state: AccountState, input: { UserName: string; AccessKeyId: string }, _ctx: Ctx): Record<string, never> {
  findKey(state, input.UserName, input.AccessKeyId);
  const user = findUser(state, input.UserName);
  user.AccessKeys = (user.AccessKeys ?? []).filter((k) => k.AccessKeyId !== input.AccessKeyId);
  return {};
}

/** ListAccessKeys: metadata only, never the secret. */
export function listAccessKeys(state: AccountState, input: { UserName: string }, _ctx: Ctx): { AccessKeyMetadata: { UserName: string; AccessKeyId: string; Status: string; CreateDate: string }[] } {
  const user = findUser(state, input.UserName);
  return { AccessKeyMetadata: (user.AccessKeys ?? []).map((k) => ({ UserName: user.UserName, AccessKeyId: k.AccessKeyId, Status: k.Status, CreateDate: k.CreateDate })) };
}

/** CreateVirtualMFADevice. */
export function createVirtualMFADevice(state: AccountState, input: { VirtualMFADeviceName: string; Path?: string }, ctx: Ctx): { VirtualMFADevice: { SerialNumber: string } } {
  checkName('device name', input.VirtualMFADeviceName, 226);
  const serial = `arn:aws:iam::${ctx.accountId}:mfa${input.Path ?? '/'}${input.VirtualMFADeviceName}`;
  if (hasRecord(state.iam.mfaDevices, serial)) throw new EntityAlreadyExists(`MFA device \`${input.VirtualMFADeviceName}\` already exists`);
  checkQuota(Object.keys(state.iam.mfaDevices).length, 'VirtualMFADevicesPerAccount', IAM_QUOTAS.virtualMfaDevicesPerAccount);
  setRecord(state.iam.mfaDevices, serial, { SerialNumber: serial });
  return { VirtualMFADevice: { SerialNumber: serial } };
}

/** DeleteVirtualMFADevice: refused while the device is enabled for a user. */
export function deleteVirtualMFADevice(state: AccountState, input: { SerialNumber: string }, _ctx: Ctx): Record<string, never> {
  const device = getRecord(state.iam.mfaDevices, input.SerialNumber);
  if (!device) throw new NoSuchEntity(`the MFA device \`${input.SerialNumber}\` cannot be found`);
  if (device.UserName) throw new DeleteConflict(`cannot delete MFA device \`${input.SerialNumber}\`: deactivate it for \`${device.UserName}\` first`);
  deleteRecord(state.iam.mfaDevices, input.SerialNumber);
  return {};
}

/** EnableMFADevice: binds a device to a user (the authentication codes are not modelled). */
export function enableMFADevice(state: AccountState, input: { UserName: string; SerialNumber: string }, ctx: Ctx): Record<string, never> {
  const user = findUser(state, input.UserName);
  const device = getRecord(state.iam.mfaDevices, input.SerialNumber);
  if (!device) throw new NoSuchEntity(`the MFA device \`${input.SerialNumber}\` cannot be found`);
  if (device.UserName) throw new EntityAlreadyExists(`MFA device \`${input.SerialNumber}\` is already in use`);
  checkQuota((user.MFADevices ?? []).length, 'MFADevicesPerUser', IAM_QUOTAS.mfaDevicesPerUser);
  device.UserName = user.UserName;
  device.EnableDate = now(ctx);
  (user.MFADevices ??= []).push(device.SerialNumber);
  return {};
}

/** DeactivateMFADevice. */
export function deactivateMFADevice(state: AccountState, input: { UserName: string; SerialNumber: string }, _ctx: Ctx): Record<string, never> {
  const user = findUser(state, input.UserName);
  if (!user.MFADevices?.includes(input.SerialNumber)) throw new NoSuchEntity(`the MFA device \`${input.SerialNumber}\` is not enabled for \`${user.UserName}\``);
  user.MFADevices = user.MFADevices.filter((s) => s !== input.SerialNumber);
  const device = getRecord(state.iam.mfaDevices, input.SerialNumber);
  if (device) {
    delete device.UserName;
    delete device.EnableDate;
  }
  return {};
}

/** ListMFADevices. */
export function listMFADevices(state: AccountState, input: { UserName: string }, _ctx: Ctx): { MFADevices: { UserName: string; SerialNumber: string; EnableDate: string }[] } {
  const user = findUser(state, input.UserName);
  return { MFADevices: (user.MFADevices ?? []).map((s) => ({ UserName: user.UserName, SerialNumber: s, EnableDate: getRecord(state.iam.mfaDevices, s)?.EnableDate ?? '' })) };
}

// The policy IAM applies when an account has set none (id_credentials_passwords_account-policy.html).
const DEFAULT_PASSWORD_POLICY: IamPasswordPolicy = {
  MinimumPasswordLength: 8,
  RequireSymbols: true,
  RequireNumbers: true,
  RequireUppercaseCharacters: true,
  RequireLowercaseCharacters: true,
  AllowUsersToChangePassword: true,
};

function checkPassword(state: AccountState, password: string): void {
  const policy = state.iam.passwordPolicy ?? DEFAULT_PASSWORD_POLICY;
  const problems: string[] = [];
  if (password.length < policy.MinimumPasswordLength) problems.push(`at least ${policy.MinimumPasswordLength} characters`);
  if (policy.RequireSymbols && !/[!@#$%^&*()_+\-=[\]{}|']/.test(password)) problems.push('a symbol');
  if (policy.RequireNumbers && !/\d/.test(password)) problems.push('a number');
  if (policy.RequireUppercaseCharacters && !/[A-Z]/.test(password)) problems.push('an uppercase letter');
  if (policy.RequireLowercaseCharacters && !/[a-z]/.test(password)) problems.push('a lowercase letter');
  if (problems.length > 0) throw new PasswordPolicyViolation(`the password does not meet the account password policy: it needs ${problems.join(', ')}`);
}

/** CreateLoginProfile: a console password, checked against the account password policy. */
export function createLoginProfile(state: AccountState, input: { UserName: string; Password: string; PasswordResetRequired?: boolean }, ctx: Ctx): { LoginProfile: { UserName: string; CreateDate: string; PasswordResetRequired: boolean } } {
  const user = findUser(state, input.UserName);
  if (user.LoginProfile) throw new EntityAlreadyExists(`login profile for user \`${user.UserName}\` already exists`);
  checkPassword(state, input.Password);
  user.LoginProfile = { CreateDate: now(ctx), PasswordResetRequired: input.PasswordResetRequired ?? false, Password: input.Password };
  return { LoginProfile: { UserName: user.UserName, CreateDate: user.LoginProfile.CreateDate, PasswordResetRequired: user.LoginProfile.PasswordResetRequired } };
}

/** UpdateLoginProfile and ChangePassword: a new password, checked against the policy. */
export function updateLoginProfile(state: AccountState, input: { UserName: string; Password?: string; PasswordResetRequired?: boolean }, _ctx: Ctx): Record<string, never> {
  const user = findUser(state, input.UserName);
  if (!user.LoginProfile) throw new NoSuchEntity(`login profile for user \`${user.UserName}\` cannot be found`);
  if (input.Password !== undefined) {
    checkPassword(state, input.Password);
    user.LoginProfile.Password = input.Password;
  }
  if (input.PasswordResetRequired !== undefined) user.LoginProfile.PasswordResetRequired = input.PasswordResetRequired;
  return {};
}

/** DeleteLoginProfile. */
export function deleteLoginProfile(state: AccountState, input: { UserName: string }, _ctx: Ctx): Record<string, never> {
  const user = findUser(state, input.UserName);
  if (!user.LoginProfile) throw new NoSuchEntity(`login profile for user \`${user.UserName}\` cannot be found`);
  delete user.LoginProfile;
  return {};
}

/** UpdateAccountPasswordPolicy: unset fields take IAM's defaults for an explicit policy (all off, length 8). */
export function updateAccountPasswordPolicy(state: AccountState, input: Partial<IamPasswordPolicy>, _ctx: Ctx): Record<string, never> {
  state.iam.passwordPolicy = {
    MinimumPasswordLength: input.MinimumPasswordLength ?? 8,
    RequireSymbols: input.RequireSymbols ?? false,
    RequireNumbers: input.RequireNumbers ?? false,
    RequireUppercaseCharacters: input.RequireUppercaseCharacters ?? false,
    RequireLowercaseCharacters: input.RequireLowercaseCharacters ?? false,
    AllowUsersToChangePassword: input.AllowUsersToChangePassword ?? false,
    ...(input.MaxPasswordAge !== undefined ? { MaxPasswordAge: input.MaxPasswordAge } : {}),
    ...(input.PasswordReusePrevention !== undefined ? { PasswordReusePrevention: input.PasswordReusePrevention } : {}),
  };
  return {};
}

/** GetAccountPasswordPolicy: `NoSuchEntity` when none is set. */
export function getAccountPasswordPolicy(state: AccountState, _input: Record<string, never>, _ctx: Ctx): { PasswordPolicy: IamPasswordPolicy } {
  if (!state.iam.passwordPolicy) throw new NoSuchEntity('the password policy for this account cannot be found');
  return { PasswordPolicy: state.iam.passwordPolicy };
}
