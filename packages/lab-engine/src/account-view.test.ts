import type { AccountState } from '@skylab/emulator';
import type { Lab } from '@skylab/validation';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { accountView } from './account-view.ts';
import { applyAnswers } from './apply-answers.ts';
import { loadLab } from './load-lab.ts';
import { provision } from './provision.ts';
import { renderDeep } from './template.ts';
import { testCtx } from './test-ctx.ts';

const labAt = (id: string) => loadLab(readFileSync(resolve(import.meta.dirname, `../../../labs/${id}/lab.yaml`), 'utf8')).lab as Lab;

function solved(id: string): AccountState {
  const lab = labAt(id);
  const provisioned = provision(lab, 'seed-1', testCtx());
  const applied = applyAnswers(lab, provisioned, renderDeep(lab.solution.answers, provisioned.params), testCtx());
  if (!applied.ok) throw new Error(`the solution of ${id} does not apply`);
  return applied.state;
}

describe('accountView', () => {
  it("shows IAM users with their inline policies as pretty JSON, and each user's groups", () => {
    const state = solved('iam-s3-read-only');
    const view = accountView(state);
    const reader = view.Iam.Users.find((u) => u.UserName === 'app-reader');
    expect(reader).toMatchObject({ Path: '/', Groups: [], AccessKeys: [], LoginProfile: false });
    const [policy] = reader?.UserPolicies ?? [];
    expect(policy?.PolicyDocument).toContain('\n  "Version": "2012-10-17"');
  });

  it('draws the VPC by Availability Zone: public subnets route to the internet gateway, instances in their subnet', () => {
    const [vpc] = accountView(solved('vpc-public-private-subnets-nat')).Vpcs;
    expect(vpc?.Zones.map((z) => [z.AvailabilityZone, z.Subnets.map((s) => `${s.Name}${s.Public ? ' public' : ''}`)])).toEqual([
      ['us-east-1a', ['public-a public', 'private-a']],
      ['us-east-1b', ['public-b public', 'private-b']],
    ]);
    const publicA = vpc?.Zones[0]?.Subnets[0];
    expect(publicA?.Instances.map((i) => i.Name)).toEqual(['web-a']);
    expect(publicA?.NatGatewayIds).toHaveLength(1);
    expect(vpc?.InternetGateways.map((g) => g.Name)).toEqual(['main-igw']);
    const app = vpc?.SecurityGroups.find((g) => g.GroupName === 'app-sg');
    expect(app?.Inbound).toEqual([{ Protocol: 'tcp', PortRange: '8080', Peer: expect.stringMatching(/^sg-/), PeerName: 'web-sg' }]);
    const publicRt = vpc?.RouteTables.find((t) => t.Name === 'public-rt');
    expect(publicRt?.Routes).toContainEqual({ Destination: '0.0.0.0/0', Target: expect.stringMatching(/^igw-/), State: 'active' });
  });

  it('numbers network ACL entries with the final deny as `*`', () => {
    const acls = accountView(solved('nacl-ephemeral-ports')).Vpcs.flatMap((v) => v.NetworkAcls);
    const custom = acls.find((a) => !a.IsDefault);
    expect(custom?.Inbound.at(-1)).toEqual({ RuleNumber: '*', Protocol: 'all', PortRange: 'all', Cidr: '0.0.0.0/0', RuleAction: 'deny' });
  });

  it('lists listener rules in evaluation order with the default rule last, and target health', () => {
    const view = accountView(solved('alb-path-routing'));
    const rules = view.LoadBalancers[0]?.Listeners[0]?.Rules ?? [];
    expect(rules.at(-1)?.Priority).toBe('default');
    const priorities = rules.slice(0, -1).map((r) => Number(r.Priority));
    expect(priorities).toEqual([...priorities].sort((a, b) => a - b));
    expect(rules[0]?.Conditions[0]).toMatch(/^path-pattern is /);
    expect(rules[0]?.Actions[0]).toMatch(/^forward to [a-z-]+$/);
    expect(view.TargetGroups.length).toBeGreaterThan(0);
  });

  it('shows Auto Scaling groups with their policies, and alarms with their condition', () => {
    const asg = accountView(solved('asg-target-tracking-cpu')).AutoScalingGroups[0];
    expect(asg?.Policies.map((p) => p.PolicyType)).toContain('TargetTrackingScaling');
    const alarms = accountView(solved('cloudwatch-alarm-missing-data')).Alarms;
    expect(alarms.map((a) => a.Condition)).toContain('Sum of Shop/Orders Heartbeat (Service=orders-worker) < 1 for 3 of 3 periods of 60 s');
  });

  it('never shows a secret: access key secrets, passwords, session credentials, object bodies, user data', () => {
    const state = solved('vpc-public-private-subnets-nat');
    const iam = solved('iam-s3-read-only');
    Object.assign(state, { iam: iam.iam, s3: iam.s3 });
    const user = Object.values(state.iam.users)[0]!;
    user.AccessKeys = [{ AccessKeyId: 'AKIAEXAMPLEEXAMPLE23', SecretAccessKey: 'secret-access-key-value', Status: 'Active', CreateDate: '' }];
    user.LoginProfile = { CreateDate: '', PasswordResetRequired: false, Password: 'login-password-value' };
    state.sts.sessions.s = { AccessKeyId: 'ASIAEXAMPLE', SecretAccessKey: 'session-secret-value', SessionToken: 'session-token-value', Expiration: 1, Arn: '', UserId: '', SessionPolicies: [], Tags: {}, Chained: false };
    const bucket = Object.values(state.s3.buckets)[0]!;
    bucket.Objects.k = { Key: 'k', Size: 3, ETag: '', LastModified: '', Body: 'object-body-value' };
    Object.values(state.ec2.instances)[0]!.UserData = 'user-data-value';
    const text = JSON.stringify(accountView(state));
    for (const secret of ['secret-access-key-value', 'login-password-value', 'session-secret-value', 'session-token-value', 'object-body-value', 'user-data-value']) {
      expect(text).not.toContain(secret);
    }
    expect(text).toContain('AKIAEXAMPLEEXAMPLE23');
    expect(accountView(state).Buckets.find((b) => b.Name === bucket.Name)).toMatchObject({ ObjectCount: Object.keys(bucket.Objects).length });
  });
});
