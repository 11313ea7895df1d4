import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from './cli.ts';
import { lintCommand } from './lint.ts';

function run(args: string[], stdin = '') {
  const out: string[] = [];
  const err: string[] = [];
  const cwd = mkdtempSync(join(tmpdir(), 'skylab-lint-'));
  const io = { cwd, out: (l: string) => out.push(l), err: (l: string) => err.push(l) };
  return { dir: cwd, io, out, err, code: (a = args) => lintCommand(a, io, () => stdin) };
}

const SG = 'GroupDescription: web\nSecurityGroupIngress:\n  - IpProtocol: tcp\n    FromPort: 22\n    ToPort: 22\n    CidrIp: 0.0.0.0/0\n';

describe('skylab lint', () => {
  it('detects the kind and prints file:line:column findings with help', () => {
    const r = run([]);
    writeFileSync(join(r.dir, 'sg.yaml'), SG);
    expect(r.code(['sg.yaml'])).toBe(0);
    expect(r.out[0]).toBe('sg.yaml:6:13 security-warning sg/ssh-open-to-world port 22 (SSH) is open to the whole internet (`0.0.0.0/0`)');
    expect(r.out[1]).toMatch(/^ {2}help: /);
    expect(r.out.at(-1)).toBe('sg.yaml: security-groups, 1 finding, 0 errors');
  });

  it('reads stdin, takes --kind, prints --json and exits 1 on errors', () => {
    const r = run([], '{"Version":"2012-10-17","Statement":{"Effect":"Allow","Action":"s3:GetObject","Resource":"arn:aws:s3:::b"}}');
    expect(r.code(['-', '--kind', 'iam-identity-policy', '--json'])).toBe(1);
    const report = JSON.parse(r.out.join('\n'));
    expect(report).toMatchObject({ file: '<stdin>', kind: 'iam-identity-policy' });
    expect(report.findings.map((f: { ruleId: string }) => f.ruleId)).toContain('iam/resource-type-mismatch');
  });

  it('refuses unknown kinds, undetectable input and bad arguments with exit 2', () => {
    expect(run([], '{}').code(['-'])).toBe(2);
    expect(run([], '{}').code(['-', '--kind', 'nope'])).toBe(2);
    expect(run([]).code(['a', 'b'])).toBe(2);
    expect(run([]).code(['missing.json'])).toBe(2);
  });

  it('is reachable through runCli', () => {
    const r = run([]);
    writeFileSync(join(r.dir, 'sg.yaml'), SG);
    expect(runCli(['lint', 'sg.yaml'], { ...r.io, stdin: () => '', ctx: () => ({}) as never })).toBe(0);
    expect(r.out.at(-1)).toBe('sg.yaml: security-groups, 1 finding, 0 errors');
  });
});
