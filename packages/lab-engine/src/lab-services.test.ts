import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { awsEndpointServices } from './lab-services.ts';
import { loadLab } from './load-lab.ts';

const labOf = (id: string) => {
  const { lab } = loadLab(readFileSync(resolve(import.meta.dirname, '../../../labs', id, 'lab.yaml'), 'utf8'), `labs/${id}/lab.yaml`);
  if (lab === undefined) throw new Error(`labs/${id} does not load`);
  return lab;
};

describe('awsEndpointServices', () => {
  it.each([
    ['iam-s3-read-only', ['iam', 'sts']],
    ['iam-ec2-role-trust', ['iam', 'sts']],
    ['vpc-three-tier-security-groups', ['ec2']],
    ['vpc-public-private-subnets-nat', ['ec2']],
    ['alb-path-routing', ['elasticloadbalancing']],
    ['alb-health-checks', ['ec2', 'elasticloadbalancing']],
    ['asg-target-tracking-cpu', ['autoscaling', 'monitoring']],
    ['cloudwatch-alarm-missing-data', ['monitoring']],
    // S3 is not on the wire yet: no panel whose every call would fail.
    ['s3-storage-classes', []],
  ])('%s → %j', (id, services) => {
    expect(awsEndpointServices(labOf(id))).toEqual(services);
  });
});
