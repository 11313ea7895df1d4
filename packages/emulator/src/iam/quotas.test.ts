import { describe, expect, it } from 'vitest';
import { AwsError } from '../errors.ts';
import { setRecord } from '../records.ts';
import { emptyAccountState, type AccountState } from '../state.ts';
import { testCtx } from '../test-ctx.ts';
import { iamActions } from './actions.ts';
import { GROUP_QUOTAS } from './group-operations.ts';
import { IAM_QUOTAS } from './operations.ts';
import { ROLE_QUOTAS } from './role-operations.ts';

// Account-wide IAM quotas (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_iam-quotas.html):
// the call that would go over answers LimitExceeded (409) in IAM's words and changes nothing.

const ctx = testCtx();
const DOC = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }] });
const TRUST = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }] });
const call = (state: AccountState, action: keyof typeof iamActions, input: object) => (iamActions[action] as (s: AccountState, i: object, c: typeof ctx) => unknown)(state, input, ctx);

/** Fills a record with `n` placeholder entries: only their count matters to a quota. */
function fill(record: Record<string, unknown>, n: number, entry: (name: string) => object = () => ({})): void {
  for (let i = 0; i < n; i++) setRecord(record, `filler-${i}`, entry(`filler-${i}`));
}

const QUOTAS: [quota: string, max: number, full: (s: AccountState) => void, over: (s: AccountState) => unknown][] = [
  ['UsersPerAccount', IAM_QUOTAS.usersPerAccount, (s) => fill(s.iam.users, IAM_QUOTAS.usersPerAccount), (s) => call(s, 'CreateUser', { UserName: 'one-more' })],
  ['GroupsPerAccount', GROUP_QUOTAS.groupsPerAccount, (s) => fill(s.iam.groups, GROUP_QUOTAS.groupsPerAccount), (s) => call(s, 'CreateGroup', { GroupName: 'one-more' })],
  ['RolesPerAccount', ROLE_QUOTAS.rolesPerAccount, (s) => fill(s.iam.roles, ROLE_QUOTAS.rolesPerAccount), (s) => call(s, 'CreateRole', { RoleName: 'one-more', AssumeRolePolicyDocument: TRUST })],
  ['PoliciesPerAccount', IAM_QUOTAS.policiesPerAccount, (s) => fill(s.iam.policies, IAM_QUOTAS.policiesPerAccount, (PolicyName) => ({ PolicyName })), (s) => call(s, 'CreatePolicy', { PolicyName: 'one-more', PolicyDocument: DOC })],
  ['InstanceProfilesPerAccount', IAM_QUOTAS.instanceProfilesPerAccount, (s) => fill(s.iam.instanceProfiles, IAM_QUOTAS.instanceProfilesPerAccount), (s) => call(s, 'CreateInstanceProfile', { InstanceProfileName: 'one-more' })],
  ['VirtualMFADevicesPerAccount', IAM_QUOTAS.virtualMfaDevicesPerAccount, (s) => fill(s.iam.mfaDevices, IAM_QUOTAS.virtualMfaDevicesPerAccount), (s) => call(s, 'CreateVirtualMFADevice', { VirtualMFADeviceName: 'one-more' })],
  [
    'MFADevicesPerUser',
    IAM_QUOTAS.mfaDevicesPerUser,
    (s) => {
      call(s, 'CreateUser', { UserName: 'ada' });
      for (let i = 0; i <= IAM_QUOTAS.mfaDevicesPerUser; i++) call(s, 'CreateVirtualMFADevice', { VirtualMFADeviceName: `mfa-${i}` });
      for (let i = 0; i < IAM_QUOTAS.mfaDevicesPerUser; i++) call(s, 'EnableMFADevice', { UserName: 'ada', SerialNumber: `arn:aws:iam::${ctx.accountId}:mfa/mfa-${i}` });
    },
    (s) => call(s, 'EnableMFADevice', { UserName: 'ada', SerialNumber: `arn:aws:iam::${ctx.accountId}:mfa/mfa-${IAM_QUOTAS.mfaDevicesPerUser}` }),
  ],
];

describe('IAM account quotas', () => {
  it.each(QUOTAS)('%s: the entity over %i is refused with LimitExceeded and nothing changes', (quota, max, full, over) => {
    const state = emptyAccountState();
    full(state);
    const before = JSON.stringify(state);
    let error: unknown;
    try {
      over(state);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AwsError);
    expect(error).toMatchObject({ code: 'LimitExceeded', httpStatus: 409, message: `cannot exceed quota for ${quota}: ${max}` });
    expect(JSON.stringify(state)).toBe(before);
  });
});
