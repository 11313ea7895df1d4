import { describe, expect, it } from 'vitest';
import { AwsError } from '../errors.ts';
import { emptyAccountState, type AccountState } from '../state.ts';
import { testCtx } from '../test-ctx.ts';
import { iamActions } from './actions.ts';
import {
  IAM_QUOTAS,
  attachUserPolicy,
  createPolicy,
  createUser,
  deleteUser,
  deleteUserPolicy,
  detachUserPolicy,
  getUser,
  getUserPolicy,
  listAttachedUserPolicies,
  listUserPolicies,
  putUserPolicy,
} from './operations.ts';

const POLICY = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }] });
const ctx = testCtx();

function account(): AccountState {
  const state = emptyAccountState();
  createUser(state, { UserName: 'app-reader' }, ctx);
  return state;
}

function errorOf(run: () => unknown): { code: string; httpStatus: number; message: string } | undefined {
  try {
    run();
  } catch (error) {
    if (error instanceof AwsError) return { code: error.code, httpStatus: error.httpStatus, message: error.message };
    throw error;
  }
  return undefined;
}

describe('IAM users', () => {
  it('creates a user with an AIDA id and an ARN in the account', () => {
    const state = emptyAccountState();
    const { User } = createUser(state, { UserName: 'Alice', Path: '/team/' }, ctx);
    expect(User).toMatchObject({ UserName: 'Alice', Path: '/team/', Arn: 'arn:aws:iam::111122223333:user/team/Alice', CreateDate: '2026-01-01T00:00:00.000Z' });
    expect(User.UserId).toMatch(/^AIDA/);
    expect(getUser(state, { UserName: 'alice' }, ctx).User.UserName).toBe('Alice');
  });

  it.each<[string, (state: AccountState) => unknown, string, number]>([
    ['a name that differs only by case', (s) => createUser(s, { UserName: 'APP-READER' }, ctx), 'EntityAlreadyExists', 409],
    ['an invalid user name', (s) => createUser(s, { UserName: 'no spaces' }, ctx), 'ValidationError', 400],
    ['a path without slashes', (s) => createUser(s, { UserName: 'x', Path: 'team' }, ctx), 'ValidationError', 400],
    ['an unknown user', (s) => getUser(s, { UserName: 'nobody' }, ctx), 'NoSuchEntity', 404],
    ['deleting a user with inline policies', (s) => (putUserPolicy(s, { UserName: 'app-reader', PolicyName: 'p', PolicyDocument: POLICY }, ctx), deleteUser(s, { UserName: 'app-reader' }, ctx)), 'DeleteConflict', 409],
    ['an inline policy that does not parse', (s) => putUserPolicy(s, { UserName: 'app-reader', PolicyName: 'p', PolicyDocument: '{"Statement": [' }, ctx), 'MalformedPolicyDocument', 400],
    ['an inline policy naming a Principal', (s) => putUserPolicy(s, { UserName: 'app-reader', PolicyName: 'p', PolicyDocument: '{"Version":"2012-10-17","Statement":{"Effect":"Allow","Principal":"*","Action":"s3:*","Resource":"*"}}' }, ctx), 'MalformedPolicyDocument', 400],
    ['an unknown inline policy', (s) => getUserPolicy(s, { UserName: 'app-reader', PolicyName: 'nope' }, ctx), 'NoSuchEntity', 404],
    ['deleting an unknown inline policy', (s) => deleteUserPolicy(s, { UserName: 'app-reader', PolicyName: 'nope' }, ctx), 'NoSuchEntity', 404],
    ['attaching an unknown policy', (s) => attachUserPolicy(s, { UserName: 'app-reader', PolicyArn: 'arn:aws:iam::aws:policy/NoSuchPolicy' }, ctx), 'NoSuchEntity', 404],
    ['detaching a policy that is not attached', (s) => detachUserPolicy(s, { UserName: 'app-reader', PolicyArn: 'arn:aws:iam::111122223333:policy/x' }, ctx), 'NoSuchEntity', 404],
    ['a managed policy whose name exists', (s) => (createPolicy(s, { PolicyName: 'read', PolicyDocument: POLICY }, ctx), createPolicy(s, { PolicyName: 'READ', PolicyDocument: POLICY }, ctx)), 'EntityAlreadyExists', 409],
  ])('refuses %s', (_name, run, code, httpStatus) => {
    const state = account();
    expect(errorOf(() => run(state))).toMatchObject({ code, httpStatus });
  });

  it('explains a malformed policy with located findings', () => {
    const state = account();
    try {
      putUserPolicy(state, { UserName: 'app-reader', PolicyName: 'p', PolicyDocument: '{"Version":"2012-10-17",\n"Statement":{"Effect":"allow","Action":"s3:*","Resource":"*"}}' }, ctx);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(AwsError);
      const aws = error as AwsError;
      expect(aws.message).toBe('`Effect` must be `Allow` or `Deny` (case-sensitive), not `allow`');
      expect(aws.findings[0]?.range?.start).toMatchObject({ line: 2, column: 23 });
    }
  });
});

describe('IAM inline policies', () => {
  it('puts, replaces, lists, gets and deletes', () => {
    const state = account();
    putUserPolicy(state, { UserName: 'app-reader', PolicyName: 'p', PolicyDocument: POLICY }, ctx);
    putUserPolicy(state, { UserName: 'APP-READER', PolicyName: 'p', PolicyDocument: POLICY.replace('GetObject', 'ListBucket') }, ctx);
    expect(listUserPolicies(state, { UserName: 'app-reader' }, ctx)).toEqual({ PolicyNames: ['p'] });
    expect(getUserPolicy(state, { UserName: 'app-reader', PolicyName: 'p' }, ctx).PolicyDocument).toContain('s3:ListBucket');
    deleteUserPolicy(state, { UserName: 'app-reader', PolicyName: 'p' }, ctx);
    expect(listUserPolicies(state, { UserName: 'app-reader' }, ctx)).toEqual({ PolicyNames: [] });
    deleteUser(state, { UserName: 'app-reader' }, ctx);
    expect(state.iam.users).toEqual({});
  });

  it('counts the user quota over all inline policies, without whitespace', () => {
    const state = account();
    const statement = (i: number) => ({ Sid: `S${i}`, Effect: 'Allow', Action: 's3:GetObject', Resource: `arn:aws:s3:::bucket-${i}/*` });
    const doc = (count: number, indent?: number) => JSON.stringify({ Version: '2012-10-17', Statement: Array.from({ length: count }, (_, i) => statement(i)) }, null, indent);
    let count = 1;
    while (doc(count + 1).length <= IAM_QUOTAS.userInlinePolicySize) count++;
    // Indentation does not count: the largest compact document still fits when pretty-printed.
    expect(doc(count, 8).length).toBeGreaterThan(IAM_QUOTAS.userInlinePolicySize);
    expect(() => putUserPolicy(state, { UserName: 'app-reader', PolicyName: 'big', PolicyDocument: doc(count, 8) }, ctx)).not.toThrow();
    expect(errorOf(() => putUserPolicy(state, { UserName: 'app-reader', PolicyName: 'more', PolicyDocument: POLICY }, ctx))).toEqual({
      code: 'LimitExceeded',
      httpStatus: 409,
      message: 'maximum policy size of 2048 bytes exceeded for user `app-reader`',
    });
    expect(errorOf(() => putUserPolicy(state, { UserName: 'app-reader', PolicyName: 'big', PolicyDocument: doc(count + 1) }, ctx))?.code).toBe('LimitExceeded');
  });
});

describe('IAM managed policies', () => {
  it('creates with default version v1, attaches once, and detaches', () => {
    const state = account();
    const { Policy } = createPolicy(state, { PolicyName: 'read', PolicyDocument: POLICY, Description: 'reads' }, ctx);
    expect(Policy).toMatchObject({ Arn: 'arn:aws:iam::111122223333:policy/read', DefaultVersionId: 'v1', AttachmentCount: 0, Description: 'reads' });
    expect(Policy.PolicyId).toMatch(/^ANPA/);
    attachUserPolicy(state, { UserName: 'app-reader', PolicyArn: Policy.Arn }, ctx);
    attachUserPolicy(state, { UserName: 'app-reader', PolicyArn: Policy.Arn }, ctx);
    expect(listAttachedUserPolicies(state, { UserName: 'app-reader' }, ctx)).toEqual({ AttachedPolicies: [{ PolicyName: 'read', PolicyArn: Policy.Arn }] });
    expect(state.iam.policies[Policy.Arn]?.AttachmentCount).toBe(1);
    expect(errorOf(() => deleteUser(state, { UserName: 'app-reader' }, ctx))?.code).toBe('DeleteConflict');
    detachUserPolicy(state, { UserName: 'app-reader', PolicyArn: Policy.Arn }, ctx);
    expect(state.iam.policies[Policy.Arn]?.AttachmentCount).toBe(0);
  });

  it('enforces the managed policy size and attachment quotas', () => {
    const state = account();
    const huge = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: `arn:aws:s3:::${'b'.repeat(IAM_QUOTAS.managedPolicySize)}` }] });
    expect(errorOf(() => createPolicy(state, { PolicyName: 'huge', PolicyDocument: huge }, ctx))?.code).toBe('LimitExceeded');
    for (let i = 0; i < IAM_QUOTAS.attachedPoliciesPerUser; i++) {
      const { Policy } = createPolicy(state, { PolicyName: `p${i}`, PolicyDocument: POLICY }, ctx);
      attachUserPolicy(state, { UserName: 'app-reader', PolicyArn: Policy.Arn }, ctx);
    }
    const { Policy } = createPolicy(state, { PolicyName: 'one-too-many', PolicyDocument: POLICY }, ctx);
    expect(errorOf(() => attachUserPolicy(state, { UserName: 'app-reader', PolicyArn: Policy.Arn }, ctx))?.code).toBe('LimitExceeded');
  });

  it('dispatches wire action names through the action table', () => {
    const state = emptyAccountState();
    iamActions.CreateUser(state, { UserName: 'bob' }, ctx);
    expect(iamActions.GetUser(state, { UserName: 'bob' }, ctx).User.Arn).toBe('arn:aws:iam::111122223333:user/bob');
  });
});
