import { expect } from 'vitest';
import { saved, type CliContext, type CliCredentials, type CliSession } from './session.ts';

interface AssumedCredentials {
  AccessKeyId: string;
  SecretAccessKey: string;
  SessionToken: string;
}

const assumedRole = (context: CliContext): CliCredentials => ({
  accessKeyId: saved(context, 'roleKey'),
  secretAccessKey: saved(context, 'roleSecret'),
  sessionToken: saved(context, 'roleToken'),
});

// Who am I, then a role assumed with the CLI and used through its session credentials.
export const session: CliSession = {
  lab: 'iam-s3-read-only',
  steps: [
    {
      name: 'tells the root key who it is',
      args: ['sts', 'get-caller-identity'],
      expect: (json, { accountId }) => expect(json).toEqual({ UserId: accountId, Account: accountId, Arn: `arn:aws:iam::${accountId}:root` }),
    },
    {
      name: 'creates a role the account may assume',
      args: ({ accountId }) => [
        'iam',
        'create-role',
        '--role-name',
        'auditor',
        '--assume-role-policy-document',
        JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: `arn:aws:iam::${accountId}:root` }, Action: 'sts:AssumeRole' }] }),
      ],
      expect: (json, { accountId }) => expect(json).toMatchObject({ Role: { RoleName: 'auditor', Arn: `arn:aws:iam::${accountId}:role/auditor`, RoleId: expect.stringMatching(/^AROA/) } }),
    },
    {
      name: 'gives the role read access to IAM users',
      args: ['iam', 'put-role-policy', '--role-name', 'auditor', '--policy-name', 'list-users', '--policy-document', JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'iam:ListUsers', Resource: '*' }] })],
    },
    {
      name: 'assumes the role for 15 minutes',
      args: ({ accountId }) => ['sts', 'assume-role', '--role-arn', `arn:aws:iam::${accountId}:role/auditor`, '--role-session-name', 'audit-1', '--duration-seconds', '900'],
      expect: (json, { accountId, vars }) => {
        expect(json).toMatchObject({
          Credentials: { AccessKeyId: expect.stringMatching(/^ASIA[A-Z2-7]{16}$/), SecretAccessKey: expect.any(String), SessionToken: expect.any(String), Expiration: expect.any(String) },
          AssumedRoleUser: { Arn: `arn:aws:sts::${accountId}:assumed-role/auditor/audit-1`, AssumedRoleId: expect.stringMatching(/^AROA[A-Z0-9]+:audit-1$/) },
        });
        const credentials = (json as { Credentials: AssumedCredentials }).Credentials;
        Object.assign(vars, { roleKey: credentials.AccessKeyId, roleSecret: credentials.SecretAccessKey, roleToken: credentials.SessionToken });
      },
    },
    {
      name: 'is the assumed role with its session credentials',
      args: ['sts', 'get-caller-identity'],
      credentials: assumedRole,
      expect: (json, { accountId }) => expect(json).toMatchObject({ Account: accountId, Arn: `arn:aws:sts::${accountId}:assumed-role/auditor/audit-1` }),
    },
    {
      name: 'may do what the role allows',
      args: ['iam', 'list-users'],
      credentials: assumedRole,
      expect: (json) => expect((json as { Users: { UserName: string }[] }).Users.map((u) => u.UserName)).toContain('app-reader'),
    },
    {
      name: 'may not do what the role does not allow',
      args: ['iam', 'create-user', '--user-name', 'intruder'],
      credentials: assumedRole,
      error: 'AccessDenied',
    },
    {
      name: 'refuses a role that does not trust the caller',
      args: ({ accountId }) => ['sts', 'assume-role', '--role-arn', `arn:aws:iam::${accountId}:role/missing`, '--role-session-name', 'probe'],
      error: 'AccessDenied',
    },
  ],
};
