import { expect } from 'vitest';
import { saved, type CliSession } from './session.ts';

const readPolicy = {
  Version: '2012-10-17',
  Statement: [{ Effect: 'Allow', Action: ['s3:GetObject', 's3:ListBucket'], Resource: ['arn:aws:s3:::reports', 'arn:aws:s3:::reports/*'] }],
};

// A learner's IAM session: users, inline and managed policies, groups, access keys, and the errors the CLI shows.
export const session: CliSession = {
  lab: 'iam-s3-read-only',
  steps: [
    {
      name: 'reads the user the lab set up',
      args: ['iam', 'get-user', '--user-name', 'app-reader'],
      expect: (json, { accountId }) => expect(json).toMatchObject({ User: { UserName: 'app-reader', Path: '/', Arn: `arn:aws:iam::${accountId}:user/app-reader` } }),
    },
    {
      name: 'creates a user under a path',
      args: ['iam', 'create-user', '--user-name', 'deploy-bot', '--path', '/ci/'],
      expect: (json, { accountId }) =>
        expect(json).toEqual({
          User: { UserName: 'deploy-bot', Path: '/ci/', Arn: `arn:aws:iam::${accountId}:user/ci/deploy-bot`, UserId: expect.stringMatching(/^AIDA/), CreateDate: expect.any(String) },
        }),
    },
    {
      name: 'refuses the same user twice',
      args: ['iam', 'create-user', '--user-name', 'deploy-bot'],
      error: 'EntityAlreadyExists',
    },
    {
      name: 'lists users under the path only',
      args: ['iam', 'list-users', '--path-prefix', '/ci/'],
      expect: (json) => expect((json as { Users: { UserName: string }[] }).Users.map((u) => u.UserName)).toEqual(['deploy-bot']),
    },
    {
      name: 'puts an inline policy given as JSON text',
      args: ['iam', 'put-user-policy', '--user-name', 'deploy-bot', '--policy-name', 'read-reports', '--policy-document', JSON.stringify(readPolicy)],
      expect: (json) => expect(json).toBeUndefined(),
    },
    {
      name: 'reads the inline policy back as the CLI decodes it',
      args: ['iam', 'get-user-policy', '--user-name', 'deploy-bot', '--policy-name', 'read-reports'],
      expect: (json) => expect(json).toEqual({ UserName: 'deploy-bot', PolicyName: 'read-reports', PolicyDocument: readPolicy }),
    },
    {
      name: 'creates a managed policy',
      args: ['iam', 'create-policy', '--policy-name', 'reports-read', '--policy-document', JSON.stringify(readPolicy)],
      expect: (json, { accountId, vars }) => {
        expect(json).toMatchObject({ Policy: { PolicyName: 'reports-read', Arn: `arn:aws:iam::${accountId}:policy/reports-read`, DefaultVersionId: 'v1', AttachmentCount: 0 } });
        vars.policyArn = (json as { Policy: { Arn: string } }).Policy.Arn;
      },
    },
    {
      name: 'creates a group',
      args: ['iam', 'create-group', '--group-name', 'analysts'],
      expect: (json) => expect(json).toMatchObject({ Group: { GroupName: 'analysts', Path: '/' } }),
    },
    {
      name: 'attaches the managed policy to the group',
      args: (context) => ['iam', 'attach-group-policy', '--group-name', 'analysts', '--policy-arn', saved(context, 'policyArn')],
      expect: (json) => expect(json).toBeUndefined(),
    },
    {
      name: 'adds the user to the group',
      args: ['iam', 'add-user-to-group', '--group-name', 'analysts', '--user-name', 'deploy-bot'],
    },
    {
      name: "lists the user's groups",
      args: ['iam', 'list-groups-for-user', '--user-name', 'deploy-bot'],
      expect: (json) => expect((json as { Groups: { GroupName: string }[] }).Groups.map((g) => g.GroupName)).toEqual(['analysts']),
    },
    {
      name: 'shows the group with its member',
      args: ['iam', 'get-group', '--group-name', 'analysts'],
      expect: (json) => expect(json).toMatchObject({ Group: { GroupName: 'analysts' }, Users: [{ UserName: 'deploy-bot' }] }),
    },
    {
      name: 'creates an access key whose secret is shown once',
      args: ['iam', 'create-access-key', '--user-name', 'deploy-bot'],
      expect: (json) =>
        expect(json).toEqual({
          AccessKey: { UserName: 'deploy-bot', AccessKeyId: expect.stringMatching(/^AKIA[A-Z2-7]{16}$/), SecretAccessKey: expect.stringMatching(/^[A-Za-z0-9+/]{40}$/), Status: 'Active', CreateDate: expect.any(String) },
        }),
    },
    {
      name: 'lists the access key without its secret',
      args: ['iam', 'list-access-keys', '--user-name', 'deploy-bot'],
      expect: (json) => {
        const keys = (json as { AccessKeyMetadata: Record<string, unknown>[] }).AccessKeyMetadata;
        expect(keys).toHaveLength(1);
        expect(keys[0]).not.toHaveProperty('SecretAccessKey');
      },
    },
    {
      name: 'refuses a policy document that is not JSON, in the error the CLI prints',
      args: ['iam', 'put-user-policy', '--user-name', 'deploy-bot', '--policy-name', 'broken', '--policy-document', '{"Version":'],
      error: 'MalformedPolicyDocument',
    },
    {
      name: 'answers a user that is not there with NoSuchEntity',
      args: ['iam', 'get-user', '--user-name', 'nobody'],
      error: 'NoSuchEntity',
    },
  ],
};
