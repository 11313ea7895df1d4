import { describe, expect, it } from 'vitest';
import { cloneState } from '@skylab/emulator';
import type { Lab } from '@skylab/validation';
import { applyLaunchTemplate } from './apply-launch-template.ts';
import { launchBehaviour, launchSubnet } from './launch-template-launch.ts';
import { loadLab } from './load-lab.ts';
import { provision } from './provision.ts';
import { testCtx } from './test-ctx.ts';

const TEXT = `apiVersion: skylab.dev/v1
id: lt-launch
title: Launches
summary: Launches
description: Launch
difficulty: beginner
estimatedMinutes: 5
track: compute-and-scaling
setup:
  ec2:
    vpcs: [{ Name: main, CidrBlock: 10.0.0.0/16 }]
    internetGateways: [{ Name: igw, VpcId: main }]
    subnets:
      - { Name: private, VpcId: main, CidrBlock: 10.0.2.0/24 }
      - { Name: public, VpcId: main, CidrBlock: 10.0.1.0/24, MapPublicIpOnLaunch: true }
    routeTables: [{ Name: public-rt, VpcId: main, Routes: [{ DestinationCidrBlock: 0.0.0.0/0, GatewayId: igw }], Associations: [{ SubnetId: public }] }]
    securityGroups:
      - { GroupName: app-sg, Description: app, VpcId: main }
      - { GroupName: open-sg, Description: open, VpcId: main, IpPermissions: [{ IpProtocol: tcp, FromPort: 22, ToPort: 22, IpRanges: [{ CidrIp: 0.0.0.0/0 }] }] }
    launchTemplates:
      - { LaunchTemplateName: app, LaunchTemplateData: { ImageId: ami-0abcdef1234567890, InstanceType: t3.micro } }
tasks:
  - { id: template, kind: launch-template, title: The template, prompt: Write it, LaunchTemplateName: app }
checks:
  - { id: same, title: same, equivalent-launch-template: { task: template }, feedback: { pass: ok, fail: no } }
solution:
  answers:
    template: "LaunchTemplateData: { ImageId: ami-0abcdef1234567890, InstanceType: t3.micro }"
`;

const LAB = loadLab(TEXT).lab as Lab;
const TASK = LAB.tasks[0] as Extract<Lab['tasks'][number], { kind: 'launch-template' }>;

describe('launchBehaviour', () => {
  it.each([
    ['the private subnet, no public address', '{ SecurityGroupIds: [open-sg] }', 'private', 'no', 'nothing'],
    ["the public subnet's MapPublicIpOnLaunch", '{ SecurityGroupIds: [open-sg] }', 'public', 'yes', 'tcp 22 from 0.0.0.0/0 (open-sg)'],
    ['a public subnet, no public address', '{ NetworkInterfaces: [{ DeviceIndex: 0, Groups: [open-sg], AssociatePublicIpAddress: false }] }', 'public', 'no', 'nothing'],
    ['a public address for a group that opens nothing', '{ NetworkInterfaces: [{ DeviceIndex: 0, SubnetId: public, Groups: [app-sg], AssociatePublicIpAddress: true }] }', 'private', 'yes', 'nothing'],
  ])('%s', (_name, data, subnet, publicIp, reachable) => {
    const ctx = testCtx();
    const state = cloneState(provision(LAB, 'seed', ctx).state);
    const answer = `LaunchTemplateData: { ImageId: ami-0abcdef1234567890, InstanceType: t3.micro, ${data.slice(2, -2)} }`;
    expect(applyLaunchTemplate(TASK, answer, state, ctx)).toEqual([]);
    const behaviour = launchBehaviour(state, 'app', launchSubnet(state, subnet), ctx);
    expect(behaviour.get('launch')).toBe('launched');
    expect(behaviour.get('public IPv4 address')).toBe(publicIp);
    expect(behaviour.get('reachable from the internet')).toBe(reachable);
  });

  it('takes the lab\'s first subnet when the check names none', () => {
    const ctx = testCtx();
    const state = provision(LAB, 'seed', ctx).state;
    expect(launchSubnet(state, undefined)).toBe(launchSubnet(state, 'private'));
    expect(launchSubnet(state, 'elsewhere')).toBeUndefined();
  });
});
