import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Lab } from '@skylab/validation';
import { grade } from './grade.ts';
import { loadLab } from './load-lab.ts';
import { provision } from './provision.ts';
import { renderDeep } from './template.ts';
import { testCtx } from './test-ctx.ts';

const LAB = loadLab(readFileSync(resolve(import.meta.dirname, '../../../labs/vpc-three-tier-security-groups/lab.yaml'), 'utf8')).lab as Lab;
const wrong = (id: string) => LAB.wrongAnswers.find((w) => w.id === id)?.answers as Record<string, string>;

function sameNetwork(seed: string, answers: Record<string, string>, ctx = testCtx()) {
  const provisioned = provision(LAB, seed, ctx);
  const outcome = grade(LAB, provisioned, renderDeep(answers, provisioned.params), ctx);
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
