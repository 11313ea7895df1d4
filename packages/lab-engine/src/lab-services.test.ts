import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { awsEndpointServices, servedServices } from './lab-services.ts';
import { loadLab } from './load-lab.ts';

const labOf = (id: string) => {
  const { lab } = loadLab(readFileSync(resolve(import.meta.dirname, '../../../labs', id, 'lab.yaml'), 'utf8'), `labs/${id}/lab.yaml`);
  if (lab === undefined) throw new Error(`labs/${id} does not load`);
  return lab;
};

const IAM_ONLY = ['iam', 'sts'];
const WITH_EC2 = ['iam', 'sts', 'ec2'];
const WIRED = ['iam', 'sts', 'ec2', 'elasticloadbalancing', 'autoscaling', 'monitoring', 's3'];

describe('awsEndpointServices', () => {
  it.each([
    ['iam-s3-read-only', IAM_ONLY, ['iam', 'sts']],
    ['iam-ec2-role-trust', IAM_ONLY, ['iam', 'sts']],
    // Nothing of the lab on the wire: no panel whose every call would fail.
    ['vpc-three-tier-security-groups', IAM_ONLY, []],
    ['vpc-three-tier-security-groups', WITH_EC2, ['ec2']],
    ['alb-path-routing', WITH_EC2, []],
    ['alb-path-routing', WIRED, ['elasticloadbalancing']],
    // Auto Scaling alone is not enough: its alarms are CloudWatch's (`monitoring`).
    ['asg-target-tracking-cpu', ['autoscaling'], []],
    ['asg-target-tracking-cpu', WIRED, ['autoscaling', 'monitoring']],
    // EBS settings need KMS too, which the wire does not serve in any of these.
    ['ebs-encryption-and-snapshot-sharing', WIRED, []],
    // Only quizzes: no service to call.
    ['s3-storage-classes', WIRED, []],
  ])('%s with %j served → %j', (id, served, services) => {
    expect(awsEndpointServices(labOf(id), served)).toEqual(services);
  });

  it("asks the emulator's wire which services it serves", () => {
    expect(servedServices()).toEqual(expect.arrayContaining(['iam', 'sts', 'ec2', 'elasticloadbalancing', 'autoscaling', 'monitoring']));
  });

  it.each([
    ['iam-s3-read-only', ['iam', 'sts']],
    ['vpc-three-tier-security-groups', ['ec2']],
    ['alb-health-checks', ['ec2', 'elasticloadbalancing']],
    ['asg-target-tracking-cpu', ['autoscaling', 'monitoring']],
    ['cloudwatch-alarm-missing-data', ['monitoring']],
    ['s3-storage-classes', []],
  ])('%s → %j on the wire as it is', (id, services) => {
    expect(awsEndpointServices(labOf(id))).toEqual(services);
  });
});
