import { describe, expect, it } from 'vitest';
import { emptyAccountState, type AccountState } from '../../state.ts';
import { testCtx } from '../../test-ctx.ts';
import { addUserToGroup, createGroup, putGroupPolicy } from '../group-operations.ts';
import { attachUserPolicy, createPolicy, createUser, deleteUserPolicy, putUserPolicy } from '../operations.ts';
import { createPolicyVersion, setDefaultPolicyVersion } from '../policy-version-operations.ts';
import { createRole, putRolePolicy, putUserPermissionsBoundary, tagRole, tagUser } from '../role-operations.ts';
import { authorize, principalPolicies, type AuthorizeOptions } from './authorize.ts';
import { evaluatePolicies } from './evaluate.ts';
import { ACCOUNT, ALICE, type GoldenCase } from './golden/harness.ts';
import { GOLDEN_TOPICS } from './golden/topics.ts';
import type { AuthorizationRequest } from './types.ts';

// `authorize` caches what it derives from the account per caller; these compare it, byte for byte, with the
// derivation done afresh on every request.
function uncached(state: AccountState, request: AuthorizationRequest, options: AuthorizeOptions = {}) {
  const { policies, principal } = principalPolicies(state, request.principalArn, options.session);
  const extra = [
    ...(options.resourcePolicy !== undefined ? [{ policyName: 'resource-policy', policyType: 'resource' as const, document: options.resourcePolicy }] : []),
    ...(options.serviceControlPolicies ?? []).flatMap((level, index) => level.map((document, i) => ({ policyName: `scp-${index}-${i + 1}`, policyType: 'scp' as const, level: index, document }))),
  ];
  return evaluatePolicies([...extra, ...policies], { ...request, principal: { ...principal, ...request.principal } });
}

function expectSame(state: AccountState, request: AuthorizationRequest, options: AuthorizeOptions = {}): string {
  const expected = JSON.stringify(uncached(state, request, options));
  expect(JSON.stringify(authorize(state, request, options))).toBe(expected);
  expect(JSON.stringify(authorize(state, request, options))).toBe(expected);
  return expected;
}

const GOLDEN = Object.values(GOLDEN_TOPICS).flat();

/** An account where Alice holds the case's policies: identity ones inline, a boundary as a managed policy, session ones on her session. */
function accountFor(golden: GoldenCase): { state: AccountState; options: AuthorizeOptions } | undefined {
  const kinds = new Set(golden.policies.map((p) => p.policyType));
  if (kinds.has('rcp') || golden.policies.filter((p) => p.policyType === 'resource' || p.policyType === 'boundary').length > 1) return undefined;
  const state = emptyAccountState();
  const docs = (type: string) => golden.policies.filter((p) => p.policyType === type).map((p) => p.document);
  state.iam.users.alice = { UserName: 'alice', UserId: 'AIDAALICE', Arn: ALICE, Path: '/', CreateDate: '', UserPolicies: Object.fromEntries(golden.policies.filter((p) => p.policyType === 'identity').map((p) => [p.policyName, p.document])), AttachedPolicyArns: [] };
  const [boundary] = docs('boundary');
  if (boundary !== undefined) {
    const Arn = `arn:aws:iam::${ACCOUNT}:policy/boundary`;
    state.iam.policies[Arn] = { PolicyName: 'boundary', PolicyId: 'ANPA1', Arn, Path: '/', DefaultVersionId: 'v1', AttachmentCount: 1, CreateDate: '', UpdateDate: '', Versions: [{ VersionId: 'v1', Document: boundary, IsDefaultVersion: true, CreateDate: '' }] };
    state.iam.users.alice.PermissionsBoundary = Arn;
  }
  const sessionDocs = docs('session');
  if (sessionDocs.length > 0) state.sts.sessions.s = { AccessKeyId: 'ASIA1', SecretAccessKey: 'x', SessionToken: 't', Expiration: 1, Arn: ALICE, UserId: 'AIDAALICE', SessionPolicies: sessionDocs, Tags: {}, Chained: false };
  const levels: string[][] = [];
  for (const p of golden.policies) if (p.policyType === 'scp') (levels[p.level ?? 0] ??= []).push(p.document);
  const [resourcePolicy] = docs('resource');
  return { state, options: { ...(resourcePolicy !== undefined ? { resourcePolicy } : {}), ...(levels.length > 0 ? { serviceControlPolicies: Array.from(levels, (l) => l ?? []) } : {}) } };
}

describe('authorize with cached callers', () => {
  it('answers every golden case it can set up in an account exactly as the uncached derivation', () => {
    let compared = 0;
    for (const golden of GOLDEN) {
      const account = accountFor(golden);
      if (!account || (golden.request.principalArn !== undefined && golden.request.principalArn !== ALICE)) continue;
      expectSame(account.state, { principalArn: ALICE, ...golden.request }, account.options);
      compared++;
    }
    expect(compared).toBeGreaterThan(100);
  });

  it('notices every kind of change an operation makes in place', () => {
    const ctx = testCtx();
    const state = emptyAccountState();
    const { User } = createUser(state, { UserName: 'bob' }, ctx);
    const request = { principalArn: User.Arn, action: 's3:GetObject', resource: 'arn:aws:s3:::b/k', context: { 'aws:PrincipalTag/team': 'data' } };
    const doc = (Effect: string, Condition?: object) => JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect, Action: 's3:*', Resource: '*', ...(Condition ? { Condition } : {}) }] });
    const seen = new Set<string>();
    const step = (change: () => unknown) => {
      change();
      seen.add(expectSame(state, request));
    };
    step(() => undefined);
    step(() => putUserPolicy(state, { UserName: 'bob', PolicyName: 'p', PolicyDocument: doc('Allow') }, ctx));
    step(() => putUserPolicy(state, { UserName: 'bob', PolicyName: 'p', PolicyDocument: doc('Deny') }, ctx));
    step(() => deleteUserPolicy(state, { UserName: 'bob', PolicyName: 'p' }, ctx));
    const { Policy } = createPolicy(state, { PolicyName: 'm', PolicyDocument: doc('Allow', { StringEquals: { 'aws:PrincipalTag/team': 'ops' } }) }, ctx);
    step(() => attachUserPolicy(state, { UserName: 'bob', PolicyArn: Policy.Arn }, ctx));
    step(() => tagUser(state, { UserName: 'bob', Tags: [{ Key: 'team', Value: 'ops' }] }, ctx));
    step(() => createPolicyVersion(state, { PolicyArn: Policy.Arn, PolicyDocument: doc('Deny'), SetAsDefault: true }, ctx));
    step(() => setDefaultPolicyVersion(state, { PolicyArn: Policy.Arn, VersionId: 'v1' }, ctx));
    step(() => createGroup(state, { GroupName: 'g' }, ctx));
    step(() => putGroupPolicy(state, { GroupName: 'g', PolicyName: 'gp', PolicyDocument: doc('Deny') }, ctx));
    step(() => addUserToGroup(state, { GroupName: 'g', UserName: 'bob' }, ctx));
    step(() => putUserPermissionsBoundary(state, { UserName: 'bob', PermissionsBoundary: 'arn:aws:iam::aws:policy/AmazonEC2ReadOnlyAccess' }, ctx));
    expect(seen.size).toBeGreaterThan(5);
  });

  it('follows a role and its sessions', () => {
    const ctx = testCtx();
    const state = emptyAccountState();
    const trust = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: ACCOUNT }, Action: 'sts:AssumeRole' }] });
    const { Role } = createRole(state, { RoleName: 'app', AssumeRolePolicyDocument: trust }, ctx);
    const sessionArn = `arn:aws:sts::${ACCOUNT}:assumed-role/app/s1`;
    const request = { principalArn: sessionArn, action: 's3:GetObject', resource: 'arn:aws:s3:::b/k' };
    putRolePolicy(state, { RoleName: 'app', PolicyName: 'p', PolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:*', Resource: '*', Condition: { StringEquals: { 'aws:PrincipalTag/env': 'dev' } } }] }) }, ctx);
    expectSame(state, request);
    tagRole(state, { RoleName: 'app', Tags: [{ Key: 'env', Value: 'dev' }] }, ctx);
    const allowed = expectSame(state, request);
    state.sts.sessions.s1 = { AccessKeyId: 'ASIA1', SecretAccessKey: 'x', SessionToken: 't', Expiration: 1, Arn: sessionArn, UserId: `${Role.RoleId}:s1`, RoleArn: Role.Arn, SessionPolicies: [], Tags: { env: 'prod' }, Chained: false };
    expect(expectSame(state, request)).not.toBe(allowed);
    expectSame(state, { ...request, principal: { tags: { env: 'dev' } } });
  });
});
