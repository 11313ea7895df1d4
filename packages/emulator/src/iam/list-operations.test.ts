import { describe, expect, it } from 'vitest';
import { emptyAccountState } from '../state.ts';
import { testCtx } from '../test-ctx.ts';
import { createGroup } from './group-operations.ts';
import { listGroups, listPolicies, listRoles, listUsers } from './list-operations.ts';
import { attachUserPolicy, createPolicy, createUser } from './operations.ts';
import { createRole } from './role-operations.ts';

const trust = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }] });
const allowAll = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:GetObject', Resource: '*' }] });

function account() {
  const ctx = testCtx();
  const state = emptyAccountState();
  for (const [UserName, Path] of [['carol', '/ops/'], ['alice', '/'], ['Bob', '/ops/'], ['dave', '/']] as const) createUser(state, { UserName, Path }, ctx);
  createGroup(state, { GroupName: 'admins' }, ctx);
  createRole(state, { RoleName: 'web', AssumeRolePolicyDocument: trust }, ctx);
  createPolicy(state, { PolicyName: 'reader', PolicyDocument: allowAll }, ctx);
  attachUserPolicy(state, { UserName: 'alice', PolicyArn: 'arn:aws:iam::aws:policy/ReadOnlyAccess' }, ctx);
  return { state, ctx };
}

describe('the IAM List actions', () => {
  it.each([
    [{}, ['alice', 'Bob', 'carol', 'dave'], false],
    [{ PathPrefix: '/ops/' }, ['Bob', 'carol'], false],
    [{ MaxItems: 3 }, ['alice', 'Bob', 'carol'], true],
    [{ MaxItems: 3, Marker: 'dave' }, ['dave'], false],
  ])('ListUsers %j lists users in name order, case aside', (input, names, truncated) => {
    const { state, ctx } = account();
    const result = listUsers(state, input, ctx);
    expect(result.Users.map((u) => u.UserName)).toEqual(names);
    expect(result.IsTruncated).toBe(truncated);
    expect(result.Marker).toBe(truncated ? 'dave' : undefined);
  });

  it('pages through every user with the marker it hands out', () => {
    const { state, ctx } = account();
    const seen: string[] = [];
    let marker: string | undefined;
    do {
      const result = listUsers(state, { MaxItems: 1, ...(marker ? { Marker: marker } : {}) }, ctx);
      seen.push(...result.Users.map((u) => u.UserName));
      marker = result.Marker;
    } while (marker !== undefined);
    expect(seen).toEqual(['alice', 'Bob', 'carol', 'dave']);
  });

  it.each([
    [{ MaxItems: 0 }, '`0` is not a valid MaxItems: use 1 to 1000'],
    [{ MaxItems: 1001 }, '`1001` is not a valid MaxItems: use 1 to 1000'],
    [{ Marker: 'nobody' }, '`nobody` is not a marker this list handed out'],
    [{ PathPrefix: 'ops/' }, '`ops/` is not a valid PathPrefix: it must start with `/`'],
  ])('refuses %j with a ValidationError', (input, message) => {
    const { state, ctx } = account();
    expect(() => listUsers(state, input, ctx)).toThrow(expect.objectContaining({ code: 'ValidationError', message }));
  });

  it('lists groups and roles without their policies', () => {
    const { state, ctx } = account();
    expect(listGroups(state, {}, ctx).Groups.map((g) => g.GroupName)).toEqual(['admins']);
    const [role] = listRoles(state, {}, ctx).Roles;
    expect(role).toMatchObject({ RoleName: 'web', Arn: 'arn:aws:iam::111122223333:role/web' });
    expect(role).not.toHaveProperty('RolePolicies');
  });

  it.each([
    [{ Scope: 'Local' }, ['arn:aws:iam::111122223333:policy/reader']],
    [{ Scope: 'AWS', OnlyAttached: true }, ['arn:aws:iam::aws:policy/ReadOnlyAccess']],
    [{ OnlyAttached: true }, ['arn:aws:iam::aws:policy/ReadOnlyAccess']],
  ])('ListPolicies %j', (input, arns) => {
    const { state, ctx } = account();
    const result = listPolicies(state, input, ctx);
    expect(result.Policies.map((p) => p.Arn)).toEqual(arns);
    expect(result.Policies[0]).not.toHaveProperty('Versions');
  });

  it('lists the AWS managed policies it carries with this account’s attachment counts, and refuses an unknown scope', () => {
    const { state, ctx } = account();
    const aws = listPolicies(state, { Scope: 'AWS' }, ctx).Policies;
    expect(aws.length).toBeGreaterThanOrEqual(11);
    expect(aws.find((p) => p.PolicyName === 'ReadOnlyAccess')?.AttachmentCount).toBe(1);
    expect(aws.find((p) => p.PolicyName === 'AdministratorAccess')?.AttachmentCount).toBe(0);
    expect(() => listPolicies(state, { Scope: 'Mine' }, ctx)).toThrow(expect.objectContaining({ code: 'ValidationError' }));
  });
});
