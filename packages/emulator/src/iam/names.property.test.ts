import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cloneState, emptyAccountState, restoreAccountState, type AccountState } from '../state.ts';
import { awsErrorCode, testCtx } from '../test-ctx.ts';
import { nameArbitrary } from '../test-names.ts';
import { iamActions } from './actions.ts';

// Every IAM name field takes `__proto__`, `constructor` or `toString` like any other name: created, found,
// listed and deleted, also after the account went through storage (JSON) or structuredClone.

const ctx = testCtx();
const DOC = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }] });
const TRUST = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }] });
const arn = (kind: string, name: string) => `arn:aws:iam::${ctx.accountId}:${kind}/${name}`;

type Call = (state: AccountState, input: Record<string, unknown>) => Record<string, unknown>;
const call = (action: keyof typeof iamActions): Call => (state, input) => (iamActions[action] as (s: AccountState, i: unknown, c: typeof ctx) => Record<string, unknown>)(state, input, ctx);

interface Kind {
  kind: string;
  create: (state: AccountState, name: string) => void;
  get: (state: AccountState, name: string) => unknown;
  list?: (state: AccountState) => unknown[];
  remove: (state: AccountState, name: string) => void;
  /** Put*Policy replaces an inline policy of the same name instead of refusing it. */
  replaces?: true;
}

/** An account with one user, group and role to hold inline policies and tags. */
function owners(): AccountState {
  const state = emptyAccountState();
  call('CreateUser')(state, { UserName: 'owner' });
  call('CreateGroup')(state, { GroupName: 'owner' });
  call('CreateRole')(state, { RoleName: 'owner', AssumeRolePolicyDocument: TRUST });
  return state;
}

const names = <T>(key: string) => (items: unknown) => (items as Record<string, string>[]).map((item) => item[key] as T);

const KINDS: Kind[] = [
  {
    kind: 'user',
    create: (s, n) => call('CreateUser')(s, { UserName: n }),
    get: (s, n) => (call('GetUser')(s, { UserName: n }).User as { UserName: string }).UserName,
    list: (s) => names('UserName')(call('ListUsers')(s, {}).Users),
    remove: (s, n) => call('DeleteUser')(s, { UserName: n }),
  },
  {
    kind: 'group',
    create: (s, n) => call('CreateGroup')(s, { GroupName: n }),
    get: (s, n) => (call('GetGroup')(s, { GroupName: n }).Group as { GroupName: string }).GroupName,
    list: (s) => names('GroupName')(call('ListGroups')(s, {}).Groups),
    remove: (s, n) => call('DeleteGroup')(s, { GroupName: n }),
  },
  {
    kind: 'role',
    create: (s, n) => call('CreateRole')(s, { RoleName: n, AssumeRolePolicyDocument: TRUST }),
    get: (s, n) => (call('GetRole')(s, { RoleName: n }).Role as { RoleName: string }).RoleName,
    list: (s) => names('RoleName')(call('ListRoles')(s, {}).Roles),
    remove: (s, n) => call('DeleteRole')(s, { RoleName: n }),
  },
  {
    kind: 'instance profile',
    create: (s, n) => call('CreateInstanceProfile')(s, { InstanceProfileName: n }),
    get: (s, n) => (call('GetInstanceProfile')(s, { InstanceProfileName: n }).InstanceProfile as { InstanceProfileName: string }).InstanceProfileName,
    remove: (s, n) => call('DeleteInstanceProfile')(s, { InstanceProfileName: n }),
  },
  {
    kind: 'managed policy',
    create: (s, n) => call('CreatePolicy')(s, { PolicyName: n, PolicyDocument: DOC }),
    get: (s, n) => (call('GetPolicy')(s, { PolicyArn: arn('policy', n) }).Policy as { PolicyName: string }).PolicyName,
    list: (s) => names('PolicyName')(call('ListPolicies')(s, { Scope: 'Local' }).Policies),
    remove: (s, n) => call('DeletePolicy')(s, { PolicyArn: arn('policy', n) }),
  },
  {
    kind: 'user inline policy',
    create: (s, n) => call('PutUserPolicy')(s, { UserName: 'owner', PolicyName: n, PolicyDocument: DOC }),
    get: (s, n) => call('GetUserPolicy')(s, { UserName: 'owner', PolicyName: n }).PolicyName,
    list: (s) => call('ListUserPolicies')(s, { UserName: 'owner' }).PolicyNames as string[],
    replaces: true,
    remove: (s, n) => call('DeleteUserPolicy')(s, { UserName: 'owner', PolicyName: n }),
  },
  {
    kind: 'group inline policy',
    create: (s, n) => call('PutGroupPolicy')(s, { GroupName: 'owner', PolicyName: n, PolicyDocument: DOC }),
    get: (s, n) => call('GetGroupPolicy')(s, { GroupName: 'owner', PolicyName: n }).PolicyName,
    list: (s) => call('ListGroupPolicies')(s, { GroupName: 'owner' }).PolicyNames as string[],
    replaces: true,
    remove: (s, n) => call('DeleteGroupPolicy')(s, { GroupName: 'owner', PolicyName: n }),
  },
  {
    kind: 'role inline policy',
    create: (s, n) => call('PutRolePolicy')(s, { RoleName: 'owner', PolicyName: n, PolicyDocument: DOC }),
    get: (s, n) => call('GetRolePolicy')(s, { RoleName: 'owner', PolicyName: n }).PolicyName,
    list: (s) => call('ListRolePolicies')(s, { RoleName: 'owner' }).PolicyNames as string[],
    replaces: true,
    remove: (s, n) => call('DeleteRolePolicy')(s, { RoleName: 'owner', PolicyName: n }),
  },
  {
    kind: 'virtual MFA device',
    create: (s, n) => call('CreateVirtualMFADevice')(s, { VirtualMFADeviceName: n }),
    get: (s, n) => {
      call('EnableMFADevice')(s, { UserName: 'owner', SerialNumber: arn('mfa', n) });
      const serials = names('SerialNumber')(call('ListMFADevices')(s, { UserName: 'owner' }).MFADevices);
      call('DeactivateMFADevice')(s, { UserName: 'owner', SerialNumber: arn('mfa', n) });
      return serials.includes(arn('mfa', n)) ? n : undefined;
    },
    remove: (s, n) => call('DeleteVirtualMFADevice')(s, { SerialNumber: arn('mfa', n) }),
  },
];

// How the account travels between calls: kept, stored as JSON and read back, cloned.
const RELOADS: [string, (state: AccountState) => AccountState][] = [
  ['kept', (s) => s],
  ['stored', (s) => restoreAccountState(JSON.parse(JSON.stringify(s)))],
  ['structuredClone', (s) => restoreAccountState(structuredClone(s))],
  ['cloneState', cloneState],
];

const caseInsensitive = { selector: (n: string) => n.toLowerCase(), minLength: 1, maxLength: 5 };

describe.each(KINDS)('IAM $kind names', ({ create, get, list, remove, replaces }) => {
  it('round-trip like any name, hostile ones included: create, get, list, delete', () => {
    fc.assert(
      fc.property(fc.uniqueArray(nameArbitrary('[\\w+=,.@-]', 64), caseInsensitive), fc.constantFrom(...RELOADS), (chosen, [, reload]) => {
        let state = owners();
        const before = list?.(state) ?? [];
        for (const name of chosen) expect(awsErrorCode(() => get(state, name))).toBe('NoSuchEntity');
        for (const name of chosen) create(state, name);
        state = reload(state);
        for (const name of chosen) expect(get(state, name)).toBe(name);
        if (list) expect(list(state).filter((n) => !before.includes(n))).toEqual(expect.arrayContaining(chosen));
        for (const name of chosen) expect(awsErrorCode(() => create(state, name))).toBe(replaces ? undefined : 'EntityAlreadyExists');
        state = reload(state);
        for (const name of chosen) remove(state, name);
        if (list) expect(list(state)).toEqual(before);
        for (const name of chosen) expect(awsErrorCode(() => get(state, name))).toBe('NoSuchEntity');
      }),
      { numRuns: 60 },
    );
  });
});
