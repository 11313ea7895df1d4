import { describe, expect, it } from 'vitest';
import { AwsError } from '../../errors.ts';
import { emptyAccountState } from '../../state.ts';
import { testCtx } from '../../test-ctx.ts';
import { addUserToGroup, attachGroupPolicy, createGroup, putGroupPolicy } from '../group-operations.ts';
import { attachUserPolicy, createPolicy, createUser, putUserPolicy } from '../operations.ts';
import { attachRolePolicy, createRole, putRolePolicy } from '../role-operations.ts';
import { explainAuthorization } from './explain.ts';
import { explainResult, simulateCustomPolicy, simulatePrincipalPolicy, type SimulateCustomPolicyRequest } from './simulate.ts';

const ctx = testCtx();
const USER = 'arn:aws:iam::111122223333:user/app-reader';

function account() {
  const state = emptyAccountState();
  createUser(state, { UserName: 'app-reader' }, ctx);
  putUserPolicy(state, {
    UserName: 'app-reader',
    PolicyName: 'read',
    PolicyDocument: '{\n  "Version": "2012-10-17",\n  "Statement": [\n    { "Sid": "Read", "Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::b/*" }\n  ]\n}',
  }, ctx);
  const { Policy } = createPolicy(state, {
    PolicyName: 'no-deletes',
    PolicyDocument: JSON.stringify({ Version: '2012-10-17', Statement: { Effect: 'Deny', Action: 's3:Delete*', Resource: '*' } }),
  }, ctx);
  attachUserPolicy(state, { UserName: 'app-reader', PolicyArn: Policy.Arn }, ctx);
  return state;
}

describe('simulatePrincipalPolicy', () => {
  it('answers per action and resource in the IAM API shape', () => {
    const { EvaluationResults } = simulatePrincipalPolicy(account(), {
      PolicySourceArn: USER,
      ActionNames: ['s3:GetObject', 's3:DeleteObject', 's3:PutObject'],
      ResourceArns: ['arn:aws:s3:::b/k'],
      ContextEntries: [{ ContextKeyName: 'aws:SecureTransport', ContextKeyValues: ['true'], ContextKeyType: 'boolean' }],
    });
    expect(EvaluationResults.map((r) => [r.EvalActionName, r.EvalDecision])).toEqual([
      ['s3:GetObject', 'allowed'],
      ['s3:DeleteObject', 'explicitDeny'],
      ['s3:PutObject', 'implicitDeny'],
    ]);
    expect(EvaluationResults[0]?.MatchedStatements).toEqual([{ SourcePolicyId: 'read', SourcePolicyType: 'user', StartPosition: { Line: 4, Column: 5 }, EndPosition: { Line: 4, Column: 99 } }]);
    expect(EvaluationResults[1]?.MatchedStatements[0]).toMatchObject({ SourcePolicyId: 'arn:aws:iam::111122223333:policy/no-deletes', SourcePolicyType: 'user-managed' });
  });

  it('explains a decision in plain words', () => {
    const [deleted] = simulatePrincipalPolicy(account(), { PolicySourceArn: USER, ActionNames: ['s3:DeleteObject'], ResourceArns: ['arn:aws:s3:::b/k'] }).EvaluationResults;
    expect(explainAuthorization(deleted!.explanation).split('\n')).toEqual([
      '`s3:DeleteObject` on `arn:aws:s3:::b/k` is explicitly denied: an explicit deny overrides any allow',
      '- statement 1 of managed policy `no-deletes`, line 1 denies it',
      '- statement 1 (`Read`) of inline policy `read`, line 4 does not apply: its `Action` (`s3:GetObject`) does not cover `s3:DeleteObject`',
    ]);
  });

  it('refuses an unknown principal with NoSuchEntity', () => {
    expect(() => simulatePrincipalPolicy(account(), { PolicySourceArn: 'arn:aws:iam::111122223333:user/ghost', ActionNames: ['s3:GetObject'] })).toThrow(AwsError);
  });
});

const doc = (...Statement: object[]) => JSON.stringify({ Version: '2012-10-17', Statement });
const TRUST = doc({ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' });

describe('simulatePrincipalPolicy source policy types', () => {
  it('labels statements of groups, roles, AWS managed and customer managed policies as IAM does', () => {
    const state = account();
    createGroup(state, { GroupName: 'readers' }, ctx);
    addUserToGroup(state, { GroupName: 'readers', UserName: 'app-reader' }, ctx);
    putGroupPolicy(state, { GroupName: 'readers', PolicyName: 'list', PolicyDocument: doc({ Effect: 'Allow', Action: 's3:ListBucket', Resource: '*' }) }, ctx);
    attachGroupPolicy(state, { GroupName: 'readers', PolicyArn: 'arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess' }, ctx);
    createRole(state, { RoleName: 'worker', AssumeRolePolicyDocument: TRUST }, ctx);
    putRolePolicy(state, { RoleName: 'worker', PolicyName: 'queue', PolicyDocument: doc({ Effect: 'Allow', Action: 'sqs:SendMessage', Resource: '*' }) }, ctx);
    attachRolePolicy(state, { RoleName: 'worker', PolicyArn: 'arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess' }, ctx);
    const types = (arn: string, action: string) =>
      simulatePrincipalPolicy(state, { PolicySourceArn: arn, ActionNames: [action] }).EvaluationResults[0]!.MatchedStatements.map((m) => [m.SourcePolicyId, m.SourcePolicyType]);
    expect(types(USER, 's3:ListBucket')).toEqual([['list', 'group'], ['arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess', 'aws-managed']]);
    expect(types(USER, 's3:DeleteObject')).toEqual([['arn:aws:iam::111122223333:policy/no-deletes', 'user-managed']]);
    expect(types('arn:aws:iam::111122223333:role/worker', 'sqs:SendMessage')).toEqual([['queue', 'role']]);
    expect(types('arn:aws:iam::111122223333:role/worker', 's3:GetObject')).toEqual([['arn:aws:iam::aws:policy/AmazonS3ReadOnlyAccess', 'aws-managed']]);
  });
});

describe('simulateCustomPolicy', () => {
  const base: SimulateCustomPolicyRequest = {
    PolicyInputList: [doc({ Effect: 'Allow', Action: 's3:Get*', Resource: 'arn:aws:s3:::reports/*' })],
    ActionNames: ['s3:GetObject', 's3:PutObject'],
    ResourceArns: ['arn:aws:s3:::reports/q1.csv'],
  };
  const results = (input: SimulateCustomPolicyRequest) => {
    const response = simulateCustomPolicy(input);
    if (!('EvaluationResults' in response)) throw new Error(response.Error.Message);
    return response.EvaluationResults;
  };

  it('decides every action on every resource with the given policies', () => {
    const [get, put] = results(base);
    expect(get).toMatchObject({ EvalActionName: 's3:GetObject', EvalResourceName: 'arn:aws:s3:::reports/q1.csv', EvalDecision: 'allowed', MatchedStatements: [{ SourcePolicyId: 'PolicyInputList.1', SourcePolicyType: 'none', StartPosition: { Line: 1, Column: 38 } }] });
    expect(put).toMatchObject({ EvalDecision: 'implicitDeny', MatchedStatements: [] });
    expect(explainResult(get!)).toMatch(/allows it \(`s3:Get\*` matches \d+ actions, among them `s3:GetObject`\)/);
  });

  it('defaults the resource to `*` and reports missing context keys', () => {
    const [result] = results({ PolicyInputList: [doc({ Effect: 'Allow', Action: 's3:ListAllMyBuckets', Resource: '*', Condition: { Bool: { 'aws:MultiFactorAuthPresent': 'true' } } })], ActionNames: ['s3:ListAllMyBuckets'] });
    expect(result).toMatchObject({ EvalResourceName: '*', EvalDecision: 'implicitDeny', MissingContextValues: ['aws:MultiFactorAuthPresent'] });
  });

  it.each<[string, Partial<SimulateCustomPolicyRequest>, string, object]>([
    ['a boundary that does not allow it', { PermissionsBoundaryPolicyInputList: [doc({ Effect: 'Allow', Action: 'ec2:*', Resource: '*' })] }, 'implicitDeny', { PermissionsBoundaryDecisionDetail: { AllowedByPermissionsBoundary: false } }],
    ['a boundary that allows it', { PermissionsBoundaryPolicyInputList: [doc({ Effect: 'Allow', Action: 's3:*', Resource: '*' })] }, 'allowed', { PermissionsBoundaryDecisionDetail: { AllowedByPermissionsBoundary: true } }],
    ['a session policy that does not allow it', { SessionPolicyInputList: [doc({ Effect: 'Allow', Action: 's3:PutObject', Resource: '*' })] }, 'implicitDeny', {}],
    ['an SCP at the OU level without an allow', { ServiceControlPolicyLevels: [[doc({ Effect: 'Allow', Action: '*', Resource: '*' })], [doc({ Effect: 'Allow', Action: 'ec2:*', Resource: '*' })]] }, 'implicitDeny', { OrganizationsDecisionDetail: { AllowedByOrganizations: false } }],
    ['SCPs that allow it at every level', { ServiceControlPolicyLevels: [[doc({ Effect: 'Allow', Action: '*', Resource: '*' })], [doc({ Effect: 'Allow', Action: 's3:*', Resource: '*' })]] }, 'allowed', { OrganizationsDecisionDetail: { AllowedByOrganizations: true } }],
    ['a resource policy that denies it', { ResourcePolicy: doc({ Effect: 'Deny', Principal: '*', Action: 's3:GetObject', Resource: 'arn:aws:s3:::reports/*' }), CallerArn: 'arn:aws:iam::111122223333:user/alice' }, 'explicitDeny', {}],
  ])('applies %s', (_name, extra, decision, detail) => {
    const [result] = results({ ...base, ...extra, ActionNames: ['s3:GetObject'] });
    expect(result).toMatchObject({ EvalDecision: decision, ...detail });
  });

  it('labels resource policy statements and grants across accounts only with both sides', () => {
    const ResourcePolicy = doc({ Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::444455556666:user/bob' }, Action: 's3:GetObject', Resource: 'arn:aws:s3:::reports/*' });
    const cross = { ...base, ActionNames: ['s3:GetObject'], ResourcePolicy, CallerArn: 'arn:aws:iam::444455556666:user/bob', ResourceOwner: 'arn:aws:iam::111122223333:root' };
    const [allowed] = results(cross);
    expect(allowed).toMatchObject({ EvalDecision: 'allowed' });
    expect(allowed!.MatchedStatements.map((m) => [m.SourcePolicyId, m.SourcePolicyType])).toEqual([['ResourcePolicy', 'resource'], ['PolicyInputList.1', 'none']]);
    const [denied] = results({ ...cross, PolicyInputList: [] });
    expect(denied).toMatchObject({ EvalDecision: 'implicitDeny' });
    expect(denied!.explanation.crossAccount).toBe(true);
  });

  it('takes multivalued context entries', () => {
    const policy = doc({ Effect: 'Allow', Action: 'ec2:CreateTags', Resource: '*', Condition: { 'ForAllValues:StringEquals': { 'aws:TagKeys': ['team', 'env'] } } });
    const run = (values: string[], type: string) => results({ PolicyInputList: [policy], ActionNames: ['ec2:CreateTags'], ContextEntries: [{ ContextKeyName: 'aws:TagKeys', ContextKeyValues: values, ContextKeyType: type }] })[0]!.EvalDecision;
    expect(run(['team'], 'stringList')).toBe('allowed');
    expect(run(['team', 'owner'], 'stringList')).toBe('implicitDeny');
  });

  it('answers a malformed policy with MalformedPolicyDocument and findings at their line and column', () => {
    const response = simulateCustomPolicy({ ...base, PolicyInputList: [base.PolicyInputList[0]!, '{\n  "Version": "2012-10-17",\n  "Statement": {"Effect": "Allow", "Action": "s3:GetObject"}\n}'] });
    expect(response).toMatchObject({ Error: { Code: 'MalformedPolicyDocument', Policies: [{ PolicyInput: 'PolicyInputList.2' }] } });
    if (!('Error' in response)) throw new Error('expected an error');
    expect(response.Error.Message).toMatch(/^`PolicyInputList\.2` is malformed: .*\(line 3, column \d+\)$/);
    expect(response.Error.Policies![0]!.Findings[0]!.range?.start.line).toBe(3);
  });

  it.each([
    [{ ActionNames: ['s3:GetObject'] }, '`PolicyInputList` must be a list of policy documents'],
    [{ PolicyInputList: [], ActionNames: [] }, '`ActionNames` must list at least one action'],
    [{ PolicyInputList: [], ActionNames: ['s3:GetObject'], ServiceControlPolicyLevels: ['x'] }, '`ServiceControlPolicyLevels` must be a list of lists of policy documents, root first'],
  ])('refuses a request of the wrong shape with InvalidInput (%#)', (input, message) => {
    expect(simulateCustomPolicy(input as unknown as SimulateCustomPolicyRequest)).toEqual({ Error: { Code: 'InvalidInput', Message: message } });
  });
});
