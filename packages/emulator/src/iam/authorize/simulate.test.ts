import { describe, expect, it } from 'vitest';
import { AwsError } from '../../errors.ts';
import { emptyAccountState } from '../../state.ts';
import { testCtx } from '../../test-ctx.ts';
import { attachUserPolicy, createPolicy, createUser, putUserPolicy } from '../operations.ts';
import { explainAuthorization } from './explain.ts';
import { simulatePrincipalPolicy } from './simulate.ts';

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
