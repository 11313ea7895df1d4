import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Lab } from '@skylab/validation';
import { grade } from './grade.ts';
import { loadLab } from './load-lab.ts';
import { provision } from './provision.ts';
import { renderDeep } from './template.ts';
import { testCtx } from './test-ctx.ts';
import type { ExposureMatrixVisual } from './visuals/types.ts';

const labOf = (id: string) => loadLab(readFileSync(resolve(import.meta.dirname, `../../../labs/${id}/lab.yaml`), 'utf8')).lab as Lab;
const LAB = labOf('vpc-three-tier-security-groups');
const NACL_LAB = labOf('nacl-ephemeral-ports');
const wrong = (id: string, lab = LAB) => lab.wrongAnswers.find((w) => w.id === id)?.answers as Record<string, string>;

function sameNetwork(seed: string, answers: Record<string, string>, ctx = testCtx(), lab = LAB) {
  const provisioned = provision(lab, seed, ctx);
  const outcome = grade(lab, provisioned, renderDeep(answers, provisioned.params), ctx);
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.findings));
  return outcome.grade.checks.find((c) => c.id === 'same-network');
}

describe('equivalent-reachability checks', () => {
  it('name the path a covering CIDR opens, through a probe instance, with the rule that lets it in', () => {
    const result = sameNetwork('s1', wrong('cidrs-covering-both-azs'));
    expect(result?.status).toBe('fail');
    expect(result?.explanation).toMatch(/^compared on \d+ paths \(\d+ tcp and \d+ udp ports, and icmp; the lab's instances, \d+ probe instances and the internet\)/);
    expect(result?.explanation).toContain('your network lets through what the reference blocks');
    expect(result?.explanation).toMatch(/- a new instance in `app-[ab]` carrying `web-sg` → `db-1` on tcp 5432\n {2}the path exists: .*`db-sg` \(ingress rule tcp 5432 from `10\.0\.8\.0\/21`\)/);
  });

  it('give the same answer whether the reference side is computed or remembered, and keep variants apart', () => {
    const ctx = testCtx();
    const first = sameNetwork('s2', wrong('all-traffic-from-web-tier'), ctx);
    // The same context keeps counting ids: a second provision of the lab is another variant with other ids.
    const other = sameNetwork('s3', LAB.solution.answers, ctx);
    const again = sameNetwork('s2', wrong('all-traffic-from-web-tier'));
    expect(first?.status).toBe('fail');
    expect(other?.status).toBe('pass');
    expect(again).toEqual(first);
  });
});

function matrixOf(result: ReturnType<typeof sameNetwork>): ExposureMatrixVisual {
  if (result?.visual?.kind !== 'exposure-matrix') throw new Error(`no exposure matrix: ${JSON.stringify(result?.visual)}`);
  return result.visual;
}

function cell(matrix: ExposureMatrixVisual, source: string, destination: string, service: string) {
  const at = (name: string) => matrix.tiers.findIndex((t) => t.name === name);
  return matrix.cells.find((c) => c.source === at(source) && c.destination === at(destination) && c.service === matrix.services.indexOf(service));
}

describe('equivalent-reachability visuals', () => {
  it('draw a wrong security group answer as tiers by group, the differing cell and each example path with its blocking hop', () => {
    const matrix = matrixOf(sameNetwork('v1', wrong('subnet-cidrs')));
    expect(matrix.grouping).toBe('security-group');
    expect(matrix.tiers.map((t) => t.name)).toEqual(['internet', 'app-sg', 'db-sg', 'web-sg', 'no lab group']);
    expect(matrix.tiers[3]).toMatchObject({ instances: ['web-1', 'web-2'] });
    // The CIDR of `public-a` admits the web tier of one subnet only: of every web-sg → app-sg path, the solution opens all.
    const webToApp = cell(matrix, 'web-sg', 'app-sg', 'tcp 8080');
    expect(webToApp?.reference).toBe(webToApp?.paths);
    expect(webToApp?.learner).toBeLessThan(webToApp?.reference ?? 0);
    expect(cell(matrix, 'internet', 'web-sg', 'tcp 443')).toMatchObject({ learner: 2, reference: 2 });
    expect(matrix.differences).toBeGreaterThan(0);
    expect(matrix.examples.length).toBeGreaterThan(0);
    expect(matrix.examples.length).toBeLessThanOrEqual(6);
    const blocked = matrix.examples.find((e) => !e.reachable);
    expect(blocked?.blocks[0]).toMatchObject({ code: 'ENI_SG_RULES_MISMATCH', type: 'network-interface', path: 'forward' });
    expect(matrix.examples.find((e) => e.reachable)?.hops.find((h) => h.name === 'db-sg')?.detail).toBe('ingress tcp 5432 from 10.0.11.0/24');
    expect(JSON.stringify(matrix)).not.toMatch(/\b(?:sg|i|subnet)-[0-9a-f]{8,}/);
  });

  it('show the solution as the same matrix with nothing different and no examples', () => {
    const matrix = matrixOf(sameNetwork('v2', LAB.solution.answers));
    expect(matrix.differences).toBe(0);
    expect(matrix.examples).toEqual([]);
    expect(matrix.cells.every((c) => c.learner === c.reference)).toBe(true);
    // Replies need no rule: the database never opens a connection to the app tier in either network.
    expect(cell(matrix, 'db-sg', 'app-sg', 'tcp 8080')).toBeUndefined();
    expect(cell(matrix, 'web-sg', 'app-sg', 'tcp 8080')).toMatchObject({ learner: 25, reference: 25, paths: 25 });
  });

  it('group a network ACL answer by subnet, with the internet paths the ACL closes', () => {
    const result = sameNetwork('v3', wrong('no-inbound-ephemeral', NACL_LAB), testCtx(), NACL_LAB);
    const matrix = matrixOf(result);
    expect(result?.status).toBe('fail');
    expect(matrix.grouping).toBe('subnet');
    expect(matrix.tiers.map((t) => t.name)).toContain('web-subnet');
    expect(matrix.cells.some((c) => c.learner !== c.reference)).toBe(true);
    expect(matrix.examples.every((e) => e.kind === 'network-path')).toBe(true);
    expect(matrix.examples.some((e) => e.blocks.some((b) => b.type === 'network-acl'))).toBe(true);
  });
});
