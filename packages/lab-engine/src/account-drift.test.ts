import { cloneState, type AccountState, type NetworkAcl, type SecurityGroup } from '@skylab/emulator';
import type { Lab } from '@skylab/validation';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { accountDrift } from './account-drift.ts';
import { applyAnswers } from './apply-answers.ts';
import { grade } from './grade.ts';
import { loadLab } from './load-lab.ts';
import { provision } from './provision.ts';
import { testCtx } from './test-ctx.ts';

const labAt = (id: string) => loadLab(readFileSync(resolve(import.meta.dirname, `../../../labs/${id}/lab.yaml`), 'utf8')).lab as Lab;
const IAM_LAB = labAt('iam-s3-read-only');
const NETWORK_LAB = labAt('nacl-ephemeral-ports');

/** A lab's account with its solution installed, as a learner's account is after a right submission. */
function solved(lab: Lab): AccountState {
  const applied = applyAnswers(lab, provision(lab, 'seed-1', testCtx()), lab.solution.answers, testCtx());
  if (!applied.ok) throw new Error(`the solution does not apply: ${JSON.stringify(applied.findings)}`);
  return applied.state;
}

const IAM = solved(IAM_LAB);
const NETWORK = solved(NETWORK_LAB);

const group = (state: AccountState, name: string) => Object.values(state.ec2.securityGroups).find((g) => g.GroupName === name) as SecurityGroup;
const acl = (state: AccountState) => Object.values(state.ec2.networkAcls).find((a) => !a.IsDefault) as NetworkAcl;
const named = <T extends { Tags: { Key: string; Value: string }[] }>(items: Record<string, T>, name: string) =>
  Object.values(items).find((item) => item.Tags.some((t) => t.Key === 'Name' && t.Value === name)) as T;
const readOnlyArn = 'arn:aws:iam::aws:policy/ReadOnlyAccess';

interface Row {
  name: string;
  base: AccountState;
  change: (state: AccountState) => void;
  messages: string[];
}

const rows: Row[] = [
  { name: 'nothing changed', base: IAM, change: () => {}, messages: [] },
  {
    name: 'a deleted user',
    base: IAM,
    change: (s) => delete s.iam.users['app-reader'],
    messages: ['you deleted the IAM user `app-reader`'],
  },
  {
    name: 'a created user',
    base: IAM,
    change: (s) => {
      s.iam.users['intruder'] = { ...s.iam.users['app-reader']!, UserName: 'intruder', UserId: 'AIDAOTHER' };
    },
    messages: ['you created the IAM user `intruder`'],
  },
  {
    name: 'a policy attached to the graded user',
    base: IAM,
    change: (s) => s.iam.users['app-reader']!.AttachedPolicyArns.push(readOnlyArn),
    messages: ['you attached the policy `ReadOnlyAccess` to the IAM user `app-reader`'],
  },
  {
    name: 'the answer replaced by another inline policy and a second one added',
    base: IAM,
    change: (s) => {
      const user = s.iam.users['app-reader']!;
      user.UserPolicies['s3-read-only'] = '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"*","Resource":"*"}]}';
      user.UserPolicies['extra'] = '{}';
    },
    messages: ['you added the inline policy `extra` to the IAM user `app-reader`', 'you changed the inline policy `s3-read-only` of the IAM user `app-reader`'],
  },
  {
    name: 'the answer deleted',
    base: IAM,
    change: (s) => {
      s.iam.users['app-reader']!.UserPolicies = {};
    },
    messages: ['you deleted the inline policy `s3-read-only` of the IAM user `app-reader`'],
  },
  {
    name: 'a user deleted and created again with the same name',
    base: IAM,
    change: (s) => {
      s.iam.users['app-reader'] = { ...s.iam.users['app-reader']!, UserId: 'AIDANEW', CreateDate: '2027-01-01T00:00:00Z', UserPolicies: {} };
    },
    messages: ['you deleted and created again the IAM user `app-reader`', 'you deleted the inline policy `s3-read-only` of the IAM user `app-reader`'],
  },
  {
    name: 'an access key created',
    base: IAM,
    change: (s) => {
      s.iam.users['app-reader']!.AccessKeys = [{ AccessKeyId: 'AKIAEXAMPLE', SecretAccessKey: 'x', Status: 'Active', CreateDate: '2026-01-01T00:00:00Z' }];
    },
    messages: ['you created the access key `AKIAEXAMPLE` of the IAM user `app-reader`'],
  },
  {
    name: 'an object uploaded',
    base: IAM,
    change: (s) => {
      s.s3.buckets['my-app-bucket']!.Objects['new.txt'] = { Key: 'new.txt', Size: 1, ETag: '"x"', LastModified: '2026-01-01T00:00:00Z' };
    },
    messages: ['you uploaded the object `new.txt` to the S3 bucket `my-app-bucket`'],
  },
  { name: 'a bucket deleted', base: IAM, change: (s) => delete s.s3.buckets['my-app-bucket'], messages: ['you deleted the S3 bucket `my-app-bucket`'] },
  {
    name: 'timestamps, STS sessions and counters alone',
    base: IAM,
    change: (s) => {
      s.iam.users['app-reader']!.CreateDate = '2030-01-01T00:00:00Z';
      s.iam.awsManagedAttachments[readOnlyArn] = 3;
      s.sts.sessions['ASIAX'] = { AccessKeyId: 'ASIAX' } as AccountState['sts']['sessions'][string];
    },
    messages: [],
  },
  {
    name: 'a password policy set',
    base: IAM,
    change: (s) => {
      s.iam.passwordPolicy = { MinimumPasswordLength: 8, RequireSymbols: false, RequireNumbers: false, RequireUppercaseCharacters: false, RequireLowercaseCharacters: false, AllowUsersToChangePassword: true };
    },
    messages: ['you changed the account password policy'],
  },
  {
    name: 'an inbound rule added to a security group',
    base: NETWORK,
    change: (s) => group(s, 'web-sg').IpPermissions.push({ IpProtocol: '-1', IpRanges: [{ CidrIp: '0.0.0.0/0' }], Ipv6Ranges: [], UserIdGroupPairs: [], PrefixListIds: [] }),
    messages: ['you changed the inbound rules of the security group `web-sg`'],
  },
  {
    name: 'the same security group rules in another order',
    base: NETWORK,
    change: (s) => group(s, 'web-sg').IpPermissions.reverse(),
    messages: [],
  },
  {
    name: 'a network ACL entry removed from the outbound side',
    base: NETWORK,
    change: (s) => {
      const entries = acl(s).Entries;
      entries.splice(entries.findIndex((e) => e.Egress && e.RuleNumber < 32767), 1);
    },
    messages: ['you changed the outbound rules of the network ACL `web-acl`'],
  },
  {
    name: 'a route deleted from a route table',
    base: NETWORK,
    change: (s) => {
      const table = named(s.ec2.routeTables, 'public-rt');
      table.Routes = table.Routes.filter((r) => r.DestinationCidrBlock !== '0.0.0.0/0');
    },
    messages: ['you deleted the route to `0.0.0.0/0` from the route table `public-rt`'],
  },
  {
    name: 'an instance stopped and retyped',
    base: NETWORK,
    change: (s) => {
      const instance = named(s.ec2.instances, 'web-1');
      instance.State = { Code: 80, Name: 'stopped' };
      instance.InstanceType = 't3.large';
    },
    messages: ['you changed `InstanceType` of the EC2 instance `web-1` from `t3.micro` to `t3.large`', 'you changed the state of the EC2 instance `web-1` from `running` to `stopped`'],
  },
  {
    name: 'a part of the account no resource kind covers',
    base: NETWORK,
    change: (s) => {
      (s.ec2 as unknown as Record<string, unknown>).carrierGateways = { 'cagw-1': {} };
    },
    messages: ['you changed `ec2.carrierGateways`'],
  },
];

describe('accountDrift', () => {
  it.each(rows)('$name', ({ base, change, messages }) => {
    const actual = cloneState(base);
    change(actual);
    expect(accountDrift(base, actual).map((c) => c.message)).toEqual(messages);
  });

  it('says where each change is and what kind it is', () => {
    const actual = cloneState(IAM);
    delete actual.iam.users['app-reader'];
    actual.iam.groups['admins'] = { GroupName: 'admins', GroupId: 'AGPA1', Arn: 'arn', Path: '/', CreateDate: '', Users: [], GroupPolicies: {}, AttachedPolicyArns: [] };
    expect(accountDrift(IAM, actual)).toEqual([
      { kind: 'deleted', path: ['iam', 'users', 'app-reader'], message: 'you deleted the IAM user `app-reader`' },
      { kind: 'created', path: ['iam', 'groups', 'admins'], message: 'you created the IAM group `admins`' },
    ]);
  });
});

describe('applyAnswers', () => {
  it('leaves the account grading leaves, and the provisioned one untouched', () => {
    const provisioned = provision(IAM_LAB, 'seed-2', testCtx());
    const before = JSON.stringify(provisioned.state);
    const graded = grade(IAM_LAB, provisioned, IAM_LAB.solution.answers, testCtx());
    const applied = applyAnswers(IAM_LAB, provisioned, IAM_LAB.solution.answers, testCtx());
    expect(graded.ok && graded.state).toEqual(applied.state);
    expect(applied).toMatchObject({ ok: true, findings: [] });
    expect(JSON.stringify(provisioned.state)).toBe(before);
  });

  it('says when an answer cannot be installed, as grading would', () => {
    const provisioned = provision(IAM_LAB, 'seed-2', testCtx());
    delete provisioned.state.iam.users['app-reader'];
    const applied = applyAnswers(IAM_LAB, provisioned, IAM_LAB.solution.answers, testCtx());
    expect(applied.ok).toBe(false);
    expect(applied.findings[0]).toMatchObject({ ruleId: 'aws/NoSuchEntity', path: ['reader-policy'] });
  });
});
