import { describe, expect, it } from 'vitest';
import type { Ctx } from '../ctx.ts';
import { authorize } from '../iam/authorize/authorize.ts';
import { createAccessKey, createLoginProfile, enableMFADevice, createVirtualMFADevice, updateAccountPasswordPolicy } from '../iam/credential-operations.ts';
import { addUserToGroup, attachGroupPolicy, createGroup, deleteGroup } from '../iam/group-operations.ts';
import { attachUserPolicy, createPolicy, createUser, putUserPolicy } from '../iam/operations.ts';
import { createPolicyVersion, deletePolicyVersion, setDefaultPolicyVersion } from '../iam/policy-version-operations.ts';
import { createRole, putRolePermissionsBoundary, putRolePolicy } from '../iam/role-operations.ts';
import { emptyAccountState } from '../state.ts';
import { testCtx } from '../test-ctx.ts';
import { assumeRole, authorizeSession, getCallerIdentity, getFederationToken, getSessionToken } from './operations.ts';

const doc = (...Statement: object[]) => JSON.stringify({ Version: '2012-10-17', Statement });
const ALICE = 'arn:aws:iam::111122223333:user/alice';

function setup() {
  let time = Date.UTC(2026, 0, 1);
  const base = testCtx();
  const ctx: Ctx & { advance(ms: number): void } = { ...base, clock: { now: () => time }, advance: (ms) => (time += ms) };
  const state = emptyAccountState();
  createUser(state, { UserName: 'alice' }, ctx);
  createRole(state, { RoleName: 'app', AssumeRolePolicyDocument: doc({ Effect: 'Allow', Action: ['sts:AssumeRole', 'sts:TagSession'], Principal: { AWS: '111122223333' } }), MaxSessionDuration: 7200 }, ctx);
  putRolePolicy(state, { RoleName: 'app', PolicyName: 's3', PolicyDocument: doc({ Effect: 'Allow', Action: 's3:*', Resource: '*' }) }, ctx);
  return { state, ctx };
}

describe('groups, managed policy versions and AWS managed policies', () => {
  it('gives a user the permissions of its groups', () => {
    const { state, ctx } = setup();
    createGroup(state, { GroupName: 'readers' }, ctx);
    attachGroupPolicy(state, { GroupName: 'readers', PolicyArn: 'arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess' }, ctx);
    addUserToGroup(state, { GroupName: 'readers', UserName: 'alice' }, ctx);
    expect(authorize(state, { principalArn: ALICE, action: 's3:GetObject', resource: 'arn:aws:s3:::b/k' }).decision).toBe('Allowed');
    expect(authorize(state, { principalArn: ALICE, action: 's3:PutObject', resource: 'arn:aws:s3:::b/k' }).decision).toBe('ImplicitDeny');
    expect(() => deleteGroup(state, { GroupName: 'readers' }, ctx)).toThrow(expect.objectContaining({ code: 'DeleteConflict' }));
  });

  it('applies only the default version and keeps at most five', () => {
    const { state, ctx } = setup();
    const { Policy } = createPolicy(state, { PolicyName: 'p', PolicyDocument: doc({ Effect: 'Allow', Action: 'ec2:*', Resource: '*' }) }, ctx);
    attachUserPolicy(state, { UserName: 'alice', PolicyArn: Policy.Arn }, ctx);
    createPolicyVersion(state, { PolicyArn: Policy.Arn, PolicyDocument: doc({ Effect: 'Allow', Action: 'sqs:*', Resource: '*' }) }, ctx);
    expect(authorize(state, { principalArn: ALICE, action: 'sqs:SendMessage', resource: '*' }).decision).toBe('ImplicitDeny');
    setDefaultPolicyVersion(state, { PolicyArn: Policy.Arn, VersionId: 'v2' }, ctx);
    expect(authorize(state, { principalArn: ALICE, action: 'sqs:SendMessage', resource: '*' }).decision).toBe('Allowed');
    expect(() => deletePolicyVersion(state, { PolicyArn: Policy.Arn, VersionId: 'v2' }, ctx)).toThrow(expect.objectContaining({ code: 'DeleteConflict' }));
    for (let i = 0; i < 3; i++) createPolicyVersion(state, { PolicyArn: Policy.Arn, PolicyDocument: doc({ Effect: 'Allow', Action: 'sqs:*', Resource: '*' }) }, ctx);
    expect(() => createPolicyVersion(state, { PolicyArn: Policy.Arn, PolicyDocument: doc({ Effect: 'Allow', Action: 'sqs:*', Resource: '*' }) }, ctx)).toThrow(expect.objectContaining({ code: 'LimitExceeded' }));
  });

  it('limits access keys to two and enforces the password policy', () => {
    const { state, ctx } = setup();
    createAccessKey(state, { UserName: 'alice' }, ctx);
    createAccessKey(state, { UserName: 'alice' }, ctx);
    expect(() => createAccessKey(state, { UserName: 'alice' }, ctx)).toThrow(expect.objectContaining({ code: 'LimitExceeded' }));
    updateAccountPasswordPolicy(state, { MinimumPasswordLength: 12, RequireNumbers: true }, ctx);
    expect(() => createLoginProfile(state, { UserName: 'alice', Password: 'short1' }, ctx)).toThrow(expect.objectContaining({ code: 'PasswordPolicyViolation' }));
    expect(createLoginProfile(state, { UserName: 'alice', Password: 'long-enough-1' }, ctx).LoginProfile.UserName).toBe('alice');
  });
});

describe('STS', () => {
  it('assumes a role when the trust policy delegates to the account and the caller may', () => {
    const { state, ctx } = setup();
    const { AccessKey } = createAccessKey(state, { UserName: 'alice' }, ctx);
    const caller = { accessKeyId: AccessKey.AccessKeyId };
    expect(() => assumeRole(state, { RoleArn: 'arn:aws:iam::111122223333:role/app', RoleSessionName: 's1' }, ctx, caller)).toThrow(expect.objectContaining({ code: 'AccessDenied' }));
    putUserPolicy(state, { UserName: 'alice', PolicyName: 'assume', PolicyDocument: doc({ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: '*' }) }, ctx);
    const out = assumeRole(state, { RoleArn: 'arn:aws:iam::111122223333:role/app', RoleSessionName: 's1', Policy: doc({ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }) }, ctx, caller);
    expect(out.AssumedRoleUser.Arn).toBe('arn:aws:sts::111122223333:assumed-role/app/s1');
    const key = out.Credentials.AccessKeyId;
    expect(getCallerIdentity(state, {}, ctx, { accessKeyId: key }).Arn).toBe(out.AssumedRoleUser.Arn);
    expect(authorizeSession(state, key, { action: 's3:GetObject', resource: 'arn:aws:s3:::b/k' }, ctx).decision).toBe('Allowed');
    expect(authorizeSession(state, key, { action: 's3:PutObject', resource: 'arn:aws:s3:::b/k' }, ctx).decision).toBe('ImplicitDeny');
    ctx.advance(3600 * 1000);
    expect(() => authorizeSession(state, key, { action: 's3:GetObject', resource: '*' }, ctx)).toThrow(expect.objectContaining({ code: 'ExpiredToken' }));
  });

  it('checks duration bounds, caps role chaining at one hour and applies the boundary', () => {
    const { state, ctx } = setup();
    putUserPolicy(state, { UserName: 'alice', PolicyName: 'assume', PolicyDocument: doc({ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: '*' }) }, ctx);
    const caller = { principalArn: ALICE };
    expect(() => assumeRole(state, { RoleArn: 'arn:aws:iam::111122223333:role/app', RoleSessionName: 's1', DurationSeconds: 7201 }, ctx, caller)).toThrow(expect.objectContaining({ code: 'ValidationError' }));
    putRolePolicy(state, { RoleName: 'app', PolicyName: 'chain', PolicyDocument: doc({ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: '*' }) }, ctx);
    const first = assumeRole(state, { RoleArn: 'arn:aws:iam::111122223333:role/app', RoleSessionName: 's1', DurationSeconds: 7200 }, ctx, caller);
    const chained = { accessKeyId: first.Credentials.AccessKeyId };
    expect(() => assumeRole(state, { RoleArn: 'arn:aws:iam::111122223333:role/app', RoleSessionName: 's2', DurationSeconds: 7200 }, ctx, chained)).toThrow(/1 hour/);
    putRolePermissionsBoundary(state, { RoleName: 'app', PermissionsBoundary: 'arn:aws:iam::aws:policy/AmazonEC2ReadOnlyAccess' }, ctx);
    expect(authorizeSession(state, first.Credentials.AccessKeyId, { action: 's3:GetObject', resource: '*' }, ctx).decision).toBe('ImplicitDeny');
  });

  it('limits a session policy to 2048 characters as sent, whitespace included', () => {
    const { state, ctx } = setup();
    putUserPolicy(state, { UserName: 'alice', PolicyName: 'assume', PolicyDocument: doc({ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: '*' }) }, ctx);
    const statement = doc({ Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::b/*' });
    const padded = (length: number) => statement.replace('{', `{${' '.repeat(length - statement.length)}`);
    const assume = (Policy: string) => assumeRole(state, { RoleArn: 'arn:aws:iam::111122223333:role/app', RoleSessionName: 's1', Policy }, ctx, { principalArn: ALICE });
    expect(assume(padded(2048)).Credentials.AccessKeyId).toMatch(/^ASIA/);
    expect(() => assume(padded(2049))).toThrow(expect.objectContaining({ code: 'ValidationError', message: expect.stringContaining('less than or equal to 2048') }));
  });

  it('requires ExternalId and MFA when the trust policy says so', () => {
    const { state, ctx } = setup();
    createRole(state, {
      RoleName: 'vendor',
      AssumeRolePolicyDocument: doc({ Effect: 'Allow', Action: 'sts:AssumeRole', Principal: { AWS: '444455556666' }, Condition: { StringEquals: { 'sts:ExternalId': 'Unique1' }, Bool: { 'aws:MultiFactorAuthPresent': 'true' } } }),
    }, ctx);
    const caller = { principalArn: 'arn:aws:iam::444455556666:user/bob', policies: [{ policyName: 'p', policyType: 'identity' as const, document: doc({ Effect: 'Allow', Action: 'sts:AssumeRole', Resource: '*' }) }] };
    const arn = 'arn:aws:iam::111122223333:role/vendor';
    expect(() => assumeRole(state, { RoleArn: arn, RoleSessionName: 'vs', ExternalId: 'Unique1' }, ctx, caller)).toThrow(/MultiFactorAuthPresent|not authorized/);
    expect(() => assumeRole(state, { RoleArn: arn, RoleSessionName: 'vs', ExternalId: 'x', SerialNumber: 'arn:aws:iam::444455556666:mfa/bob', TokenCode: '123456' }, ctx, caller)).toThrow(/not authorized/);
    expect(assumeRole(state, { RoleArn: arn, RoleSessionName: 'vs', ExternalId: 'Unique1', SerialNumber: 'arn:aws:iam::444455556666:mfa/bob', TokenCode: '123456' }, ctx, caller).AssumedRoleUser.Arn).toBe('arn:aws:sts::111122223333:assumed-role/vendor/vs');
  });

  it('issues MFA session tokens for users with an enabled device', () => {
    const { state, ctx } = setup();
    const { VirtualMFADevice } = createVirtualMFADevice(state, { VirtualMFADeviceName: 'alice' }, ctx);
    enableMFADevice(state, { UserName: 'alice', SerialNumber: VirtualMFADevice.SerialNumber }, ctx);
    putUserPolicy(state, { UserName: 'alice', PolicyName: 'mfa', PolicyDocument: doc({ Effect: 'Allow', Action: 'ec2:StopInstances', Resource: '*', Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } } }) }, ctx);
    const plain = getSessionToken(state, {}, ctx, { principalArn: ALICE });
    expect(authorizeSession(state, plain.Credentials.AccessKeyId, { action: 'ec2:StopInstances', resource: '*' }, ctx).decision).toBe('ImplicitDeny');
    const mfa = getSessionToken(state, { SerialNumber: VirtualMFADevice.SerialNumber, TokenCode: '123456' }, ctx, { principalArn: ALICE });
    expect(authorizeSession(state, mfa.Credentials.AccessKeyId, { action: 'ec2:StopInstances', resource: '*' }, ctx).decision).toBe('Allowed');
  });
});

describe('GetFederationToken (API_GetFederationToken.html)', () => {
  function federation() {
    const { state, ctx } = setup();
    putUserPolicy(state, { UserName: 'alice', PolicyName: 'p', PolicyDocument: doc({ Effect: 'Allow', Action: ['s3:*', 'sts:GetFederationToken', 'iam:ListUsers'], Resource: '*' }) }, ctx);
    const { AccessKey } = createAccessKey(state, { UserName: 'alice' }, ctx);
    return { state, ctx, caller: { accessKeyId: AccessKey.AccessKeyId } };
  }
  const get = { action: 's3:GetObject', resource: 'arn:aws:s3:::b/k' };

  it.each([
    ['no session policy: no permissions at all', undefined, 's3:GetObject', 'ImplicitDeny'],
    ['a session policy: the intersection with the user policies', doc({ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }), 's3:GetObject', 'Allowed'],
    ['a session policy cannot exceed the user policies', doc({ Effect: 'Allow', Action: '*', Resource: '*' }), 'ec2:RunInstances', 'ImplicitDeny'],
    ['the user policies cannot exceed the session policy', doc({ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }), 's3:PutObject', 'ImplicitDeny'],
    ['no IAM operations through the API, whatever the policies', doc({ Effect: 'Allow', Action: '*', Resource: '*' }), 'iam:ListUsers', 'ImplicitDeny'],
  ])('%s', (_name, Policy, action, decision) => {
    const { state, ctx, caller } = federation();
    const out = getFederationToken(state, { Name: 'jane', ...(Policy ? { Policy } : {}) }, ctx, caller);
    expect(out.FederatedUser).toEqual({ FederatedUserId: '111122223333:jane', Arn: 'arn:aws:sts::111122223333:federated-user/jane' });
    expect(authorizeSession(state, out.Credentials.AccessKeyId, { ...get, action }, ctx).decision).toBe(decision);
  });

  it('reports the federated user to GetCallerIdentity and lets it call nothing else of STS', () => {
    const { state, ctx, caller } = federation();
    const out = getFederationToken(state, { Name: 'jane', Policy: doc({ Effect: 'Allow', Action: '*', Resource: '*' }) }, ctx, caller);
    const session = { accessKeyId: out.Credentials.AccessKeyId };
    expect(getCallerIdentity(state, {}, ctx, session)).toEqual({ UserId: '111122223333:jane', Account: '111122223333', Arn: 'arn:aws:sts::111122223333:federated-user/jane' });
    expect(() => assumeRole(state, { RoleArn: 'arn:aws:iam::111122223333:role/app', RoleSessionName: 's' }, ctx, session)).toThrow(expect.objectContaining({ code: 'AccessDenied' }));
    expect(() => getFederationToken(state, { Name: 'again' }, ctx, session)).toThrow(expect.objectContaining({ code: 'AccessDenied' }));
  });

  it.each([
    ['a name of one character', { Name: 'j' }, 'ValidationError'],
    ['a name of 33 characters', { Name: 'j'.repeat(33) }, 'ValidationError'],
    ['more than 36 hours', { Name: 'jane', DurationSeconds: 129601 }, 'ValidationError'],
    ['less than 15 minutes', { Name: 'jane', DurationSeconds: 899 }, 'ValidationError'],
    ['a malformed session policy', { Name: 'jane', Policy: '{' }, 'MalformedPolicyDocument'],
    ['a missing managed session policy', { Name: 'jane', PolicyArns: [{ arn: 'arn:aws:iam::111122223333:policy/none' }] }, 'ValidationError'],
  ])('refuses %s', (_name, input, code) => {
    const { state, ctx, caller } = federation();
    expect(() => getFederationToken(state, input, ctx, caller)).toThrow(expect.objectContaining({ code }));
  });

  it('needs sts:GetFederationToken, and sts:TagSession to pass tags', () => {
    const { state, ctx } = setup();
    const { AccessKey } = createAccessKey(state, { UserName: 'alice' }, ctx);
    const caller = { accessKeyId: AccessKey.AccessKeyId };
    expect(() => getFederationToken(state, { Name: 'jane' }, ctx, caller)).toThrow(expect.objectContaining({ code: 'AccessDenied' }));
    putUserPolicy(state, { UserName: 'alice', PolicyName: 'f', PolicyDocument: doc({ Effect: 'Allow', Action: 'sts:GetFederationToken', Resource: 'arn:aws:sts::111122223333:federated-user/*' }) }, ctx);
    expect(getFederationToken(state, { Name: 'jane' }, ctx, caller).FederatedUser.Arn).toBe('arn:aws:sts::111122223333:federated-user/jane');
    expect(() => getFederationToken(state, { Name: 'jane', Tags: [{ Key: 'team', Value: 'a' }] }, ctx, caller)).toThrow(expect.objectContaining({ code: 'AccessDenied' }));
  });

  it('gives a root-requested session what its session policies pass, at most one hour', () => {
    const { state, ctx } = setup();
    const root = { principalArn: 'arn:aws:iam::111122223333:root' };
    const out = getFederationToken(state, { Name: 'ops', DurationSeconds: 7200, Policy: doc({ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }) }, ctx, root);
    expect(Date.parse(out.Credentials.Expiration) - ctx.clock.now()).toBe(3600_000);
    expect(authorizeSession(state, out.Credentials.AccessKeyId, get, ctx).decision).toBe('Allowed');
    expect(authorizeSession(state, out.Credentials.AccessKeyId, { ...get, action: 's3:PutObject' }, ctx).decision).toBe('ImplicitDeny');
  });
});
