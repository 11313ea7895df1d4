import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Lab } from '@skylab/validation';
import { grade } from './grade.ts';
import { loadLab } from './load-lab.ts';
import { provision } from './provision.ts';
import { testCtx } from './test-ctx.ts';

const LAB = loadLab(readFileSync(resolve(import.meta.dirname, '../../../labs/iam-ec2-role-trust/lab.yaml'), 'utf8')).lab as Lab;

function gradeTrust(answer: string) {
  const ctx = testCtx();
  return grade(LAB, provision(LAB, 'learner-1', ctx), { 'trust-policy': answer }, ctx);
}

describe('iam-trust-policy tasks', () => {
  it.each([
    ['a permissions policy without `Principal`', '{\n  "Version": "2012-10-17",\n  "Statement": { "Effect": "Allow", "Action": "sts:AssumeRole", "Resource": "*" }\n}', 'iam-policy/missing-element', 3],
    ['a `Resource` beside the principal', '{\n  "Version": "2012-10-17",\n  "Statement": {\n    "Effect": "Allow",\n    "Principal": { "Service": "ec2.amazonaws.com" },\n    "Action": "sts:AssumeRole",\n    "Resource": "*"\n  }\n}', 'iam-policy/resource-in-trust-policy', 7],
    ['JSON that does not parse', '{ "Version": "2012-10-17", ', 'json/', 1],
  ])('refuse %s with a finding in the answer', (_name, answer, ruleId, line) => {
    const outcome = gradeTrust(answer);
    expect(outcome.ok).toBe(false);
    const finding = outcome.findings.find((f) => f.ruleId.startsWith(ruleId));
    expect(finding?.path[0]).toBe('trust-policy');
    expect(finding?.range?.start.line).toBe(line);
  });
});

describe('simulate checks on a role', () => {
  const solution = LAB.solution.answers['trust-policy'] as string;
  it.each([
    ['a service principal the trust policy names', 'ec2-can-assume', solution, 'pass', /resource-based policy `trust policy of web-app-instance`, line 4 allows it/],
    ['a user of the account the trust policy does not name, whatever its own policies allow', 'developer-cannot-assume', solution, 'pass', /must allow the caller even within its own account/],
    ['another account with the policies the check gives it', 'partner-cannot-assume', '{"Version":"2012-10-17","Statement":{"Effect":"Allow","Principal":"*","Action":"sts:AssumeRole"}}', 'fail', /resource-based policy and the caller's identity-based policies both allow it/],
  ])('decide %s', (_name, checkId, answer, status, explanation) => {
    const outcome = gradeTrust(answer);
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.findings));
    const check = outcome.grade.checks.find((c) => c.id === checkId);
    expect(check?.status).toBe(status);
    expect(check?.explanation).toMatch(explanation);
  });
});
