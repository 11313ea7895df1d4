import { describe, expect, it } from 'vitest';
import type { Lab } from '@skylab/validation';
import { pathSegments, valueAt } from './check-resource.ts';
import { grade } from './grade.ts';
import { loadLab } from './load-lab.ts';
import { provision } from './provision.ts';
import { testCtx } from './test-ctx.ts';

const TEXT = `apiVersion: skylab.dev/v1
id: lt
title: A launch template
summary: IMDSv2
description: Write the template
difficulty: beginner
estimatedMinutes: 5
track: compute-and-scaling
setup:
  ec2:
    vpcs: [{ Name: main, CidrBlock: 10.0.0.0/16 }]
    subnets: [{ Name: private, VpcId: main, CidrBlock: 10.0.2.0/24 }]
    securityGroups:
      - { GroupName: app-sg, Description: app, VpcId: main }
      - { GroupName: open-sg, Description: open, VpcId: main, IpPermissions: [{ IpProtocol: tcp, FromPort: 22, ToPort: 22, IpRanges: [{ CidrIp: 0.0.0.0/0 }] }] }
    launchTemplates:
      - { LaunchTemplateName: app, LaunchTemplateData: { ImageId: ami-0abcdef1234567890, InstanceType: t3.micro, SecurityGroupIds: [app-sg] } }
  iam:
    roles: [{ RoleName: app, AssumeRolePolicyDocument: { Version: "2012-10-17", Statement: [{ Effect: Allow, Principal: { Service: ec2.amazonaws.com }, Action: sts:AssumeRole }] } }]
    instanceProfiles: [{ InstanceProfileName: app-profile, Roles: [app] }]
tasks:
  - { id: template, kind: launch-template, title: The template, prompt: Write it, LaunchTemplateName: app }
checks:
  - id: tokens
    title: IMDSv2
    resource: { type: launch-template, name: app, path: LaunchTemplateData.MetadataOptions.HttpTokens, equals: required }
    feedback: { pass: ok, fail: no }
  - id: same
    title: same
    points: 3
    equivalent-launch-template: { task: template }
    feedback: { pass: ok, fail: no }
solution:
  answers:
    template: |
      LaunchTemplateData:
        ImageId: ami-0abcdef1234567890
        InstanceType: t3.micro
        SecurityGroupIds: [app-sg]
        IamInstanceProfile: { Name: app-profile }
        MetadataOptions: { HttpTokens: required }
`;

const LAB = loadLab(TEXT).lab as Lab;
const SOLUTION = LAB.solution.answers.template as string;

function graded(answer: string) {
  const ctx = testCtx();
  return grade(LAB, provision(LAB, 'seed', ctx), { template: answer }, ctx);
}

describe('launch-template task', () => {
  it('loads without findings', () => {
    expect(loadLab(TEXT).findings).toEqual([]);
  });

  it.each([
    ['an unknown security group', SOLUTION.replace('[app-sg]', '[web-sg]'), 'there is no security group called `web-sg` in the account', { start: { line: 4, column: 22 } }],
    ['an unknown instance profile', SOLUTION.replace('Name: app-profile', 'Name: web-profile'), 'there is no instance profile `web-profile` in the account', { start: { line: 5 } }],
    ['a field AWS does not have', `${SOLUTION}  HttpTokens: required\n`, 'HttpTokens', { start: { line: 7 } }],
  ])('refuses %s at its place in the answer', (_name, answer, message, range) => {
    const outcome = graded(answer);
    expect(outcome.ok).toBe(false);
    const finding = outcome.findings[0];
    expect(finding?.message).toContain(message);
    expect(finding?.range).toMatchObject(range);
  });

  it.each([
    ['the solution', SOLUTION, [], []],
    ['IMDSv1 allowed', SOLUTION.replace('HttpTokens: required', 'HttpTokens: optional'), ['tokens', 'same'], ['`MetadataOptions.HttpTokens`: yours `optional`, the reference `required`', 'launched instance, `IMDSv1 answers a plain GET`: yours `yes`, the reference `no`']],
    ['the profile dropped', SOLUTION.replace('  IamInstanceProfile: { Name: app-profile }\n', ''), ['same'], ['`IamInstanceProfile`: yours `none`, the reference `app-profile`', "launched instance, `the role's credentials from IMDS`: yours `no`, the reference `yes`"]],
    ['the open group swapped in', SOLUTION.replace('[app-sg]', '[open-sg]'), ['same'], ['`security groups`: yours `open-sg`, the reference `app-sg`']],
    ['a key pair the account does not have', `${SOLUTION}  KeyName: ops-key\n`, ['same'], ['`KeyName`: yours `ops-key`, the reference `none`', 'launched instance, `launch`: yours `refused (InvalidKeyPair.NotFound)`, the reference `launched`']],
    ['an unencrypted data volume', `${SOLUTION}  BlockDeviceMappings: [{ DeviceName: /dev/sdf, Ebs: { VolumeSize: 10 } }]\n`, ['same'], ['`BlockDeviceMappings[/dev/sdf].Ebs.Encrypted`: yours `false`, the reference `no volume`']],
  ])('grades %s by every field that matters', (_name, answer, failed, explanations) => {
    const outcome = graded(answer);
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.findings));
    expect(outcome.grade.checks.filter((c) => c.status !== 'pass').map((c) => c.id)).toEqual(failed);
    const same = outcome.grade.checks.find((c) => c.id === 'same')?.explanation ?? '';
    for (const line of explanations) expect(same).toContain(line);
  });

  it('explains the actual value of a resource property', () => {
    const outcome = graded(SOLUTION.replace('  MetadataOptions: { HttpTokens: required }\n', ''));
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.findings));
    expect(outcome.grade.checks[0]?.explanation).toBe('`LaunchTemplateData.MetadataOptions.HttpTokens` of launch template `app` is left out; expected `"required"`');
  });
});

describe('resource paths', () => {
  const value = { A: { B: [{ C: 1 }, { C: 2 }] } };
  it.each([
    ['A.B[1].C', ['A', 'B', 1, 'C'], 2],
    ['A.B[0]', ['A', 'B', 0], { C: 1 }],
    ['A.X.C', ['A', 'X', 'C'], undefined],
  ])('reads `%s`', (path, segments, expected) => {
    expect(pathSegments(path)).toEqual(segments);
    expect(valueAt(value, segments)).toEqual(expected);
  });
});
