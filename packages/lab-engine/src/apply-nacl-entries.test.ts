import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Lab } from '@skylab/validation';
import { grade } from './grade.ts';
import { loadLab } from './load-lab.ts';
import { provision } from './provision.ts';
import { resolveName, resourceNames } from './resource-names.ts';
import { testCtx } from './test-ctx.ts';

const LAB = loadLab(readFileSync(resolve(import.meta.dirname, '../../../labs/nacl-ephemeral-ports/lab.yaml'), 'utf8')).lab as Lab;
const TASK = 'web-acl-entries';
const ENTRY = '{ RuleNumber: 100, Protocol: "6", RuleAction: allow, Egress: false, CidrBlock: 0.0.0.0/0, PortRange: { From: 443, To: 443 } }';

function gradeWith(answer: string) {
  const ctx = testCtx();
  return grade(LAB, provision(LAB, 'seed', ctx), { [TASK]: answer }, ctx);
}

describe('a nacl-entries task', () => {
  it('replaces the numbered entries and keeps the final deny entries', () => {
    const outcome = gradeWith(`Entries:\n  - ${ENTRY}\n`);
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.findings));
    const found = resolveName(resourceNames(outcome.state), 'web-acl', 'network acl');
    const acl = 'id' in found ? outcome.state.ec2.networkAcls[found.id] : undefined;
    expect(acl?.Entries.map((e) => `${e.Egress ? 'out' : 'in'} ${e.RuleNumber} ${e.RuleAction}`)).toEqual(['in 100 allow', 'in 32767 deny', 'out 32767 deny']);
  });

  it('takes a bare list and JSON as well', () => {
    expect(gradeWith(`- ${ENTRY}\n`).ok).toBe(true);
    expect(gradeWith(JSON.stringify({ Entries: [{ RuleNumber: 100, Protocol: '-1', RuleAction: 'allow', Egress: true, CidrBlock: '0.0.0.0/0' }] })).ok).toBe(true);
  });

  it.each<[string, string, string, number, number]>([
    ['a rule number twice in one direction', `Entries:\n  - ${ENTRY}\n  - ${ENTRY}\n`, 'aws/NetworkAclEntryAlreadyExists', 3, 5],
    ['the reserved rule number', `Entries:\n  - ${ENTRY.replace('RuleNumber: 100', 'RuleNumber: 32767')}\n`, 'aws/InvalidParameterValue', 2, 5],
    ['tcp without a port range', `Entries:\n  - ${ENTRY}\n  - { RuleNumber: 110, Protocol: "6", RuleAction: allow, Egress: false, CidrBlock: 0.0.0.0/0 }\n`, 'aws/MissingParameter', 3, 5],
    ['a misspelt field', `Entries:\n  - ${ENTRY.replace('RuleAction', 'Action')}\n`, 'nacl-entries/unknown-element', 2, 39],
  ])('refuses %s with a finding at its line and column', (_name, answer, ruleId, line, column) => {
    const outcome = gradeWith(answer);
    expect(outcome.ok).toBe(false);
    const finding = outcome.findings.find((f) => f.ruleId === ruleId);
    expect(finding, JSON.stringify(outcome.findings)).toBeDefined();
    expect(finding?.path[0]).toBe(TASK);
    expect([finding?.range?.start.line, finding?.range?.start.column]).toEqual([line, column]);
  });

  it('explains the ephemeral-port trap with the deciding entry', () => {
    const wrong = LAB.wrongAnswers.find((w) => w.id === 'mirrored-like-a-security-group');
    const outcome = gradeWith(wrong?.answers[TASK] as string);
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.findings));
    const https = outcome.grade.checks.find((c) => c.id === 'internet-https-web');
    expect(https?.status).toBe('fail');
    expect(https?.misconceptions).toEqual(['stateful-nacl', 'ephemeral-ports']);
    expect(https?.explanation).toContain('network acl `web-acl` of subnet `web-subnet` denies outbound return traffic to `203.0.113.10/32` on ports `1024-65535`');
  });
});
