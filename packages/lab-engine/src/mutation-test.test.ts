import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Lab } from '@skylab/validation';
import { loadLab } from './load-lab.ts';
import { coveringCidr, mutationTest } from './mutation-test.ts';
import { provision } from './provision.ts';
import { testCtx } from './test-ctx.ts';

const lab = (id: string) => loadLab(readFileSync(resolve(import.meta.dirname, `../../../labs/${id}/lab.yaml`), 'utf8')).lab as Lab;
const without = (l: Lab, checkId: string): Lab => ({ ...l, checks: l.checks.filter((c) => c.id !== checkId) });

function survivors(l: Lab): string[] {
  const ctx = testCtx();
  return mutationTest(l, provision(l, 'mutants-1', ctx), ctx)
    .filter((m) => m.status === 'survived')
    .map((m) => m.description);
}

describe('mutationTest', () => {
  // With only spot probes, each lab lets through a change of behaviour that a learner could make and
  // keep 100%; the exhaustive check is what kills it.
  it.each<[string, string, RegExp]>([
    ['iam-s3-read-only', 'least-privilege', /statement allowing `ec2:DescribeInstances` on `\*` added/],
    ['iam-least-privilege-deploy', 'least-privilege', /`Resource` `arn:aws:s3:::ci-artifacts-\d+\/releases\/\*` widened to `arn:aws:s3:::ci-artifacts-\d+\*\/releases\/\*`/],
    ['iam-ec2-role-trust', 'exactly-ec2', /`210987654321` trusted too|`sts:TagSession` granted too/],
    ['vpc-three-tier-security-groups', 'same-network', /the reference to `web-sg` swapped for a CIDR covering its instances/],
    ['nacl-ephemeral-ports', 'same-network', /entry 90 \(inbound\): `198\.51\.100\.0\/24` widened to/],
  ])('%s without `%s` lets a mutant survive', (id, check, expected) => {
    const found = survivors(without(lab(id), check));
    expect(found.some((d) => expected.test(d)), found.join('\n')).toBe(true);
  });

  it.each(['iam-s3-read-only', 'vpc-three-tier-security-groups'])('%s as written kills every mutant that changes behaviour', (id) => {
    expect(survivors(lab(id))).toEqual([]);
  });

  it.each<[string[], string | undefined]>([
    [['10.0.1.0/24', '10.0.2.0/24'], '10.0.0.0/22'],
    [['10.0.11.0/24', '10.0.12.0/24'], '10.0.8.0/21'],
    [['10.0.1.0/24'], '10.0.1.0/24'],
    [['10.0.1.0/24', '192.168.0.0/24'], '0.0.0.0/0'],
    [[], undefined],
  ])('covers %j with %s', (cidrs, expected) => {
    expect(coveringCidr(cidrs)).toBe(expected);
  });
});
