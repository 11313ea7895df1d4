import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Lab } from '@skylab/validation';
import { grade } from './grade.ts';
import { loadLab } from './load-lab.ts';
import { provision } from './provision.ts';
import { testCtx } from './test-ctx.ts';

const BASE = readFileSync(resolve(import.meta.dirname, '../../../labs/iam-s3-read-only/lab.yaml'), 'utf8');
const CHECK = readFileSync(resolve(import.meta.dirname, 'check-equivalent-access.fixture.yaml'), 'utf8');
const LAB = loadLab(BASE.replace('\nhints:', `\n${CHECK}\nhints:`)).lab as Lab;
const policy = (statements: object[]) => JSON.stringify({ Version: '2012-10-17', Statement: statements });

function leastPrivilege(answer: string) {
  const ctx = testCtx();
  const outcome = grade(LAB, provision(LAB, 'learner-1', ctx), { 'reader-policy': answer }, ctx);
  if (!outcome.ok) throw new Error(JSON.stringify(outcome.findings));
  return outcome.grade.checks.find((c) => c.id === 'least-privilege-s3');
}

describe('equivalent-access checks', () => {
  it('pass an answer written differently that allows exactly the same', () => {
    const same = policy([{ Effect: 'Allow', Action: ['s3:GetObject', 's3:ListBucket'], Resource: ['arn:aws:s3:::my-app-bucket', 'arn:aws:s3:::my-app-bucket/*'] }, { Effect: 'Deny', Action: 's3:ListBucket', Resource: 'arn:aws:s3:::my-app-bucket/*' }]);
    const result = leastPrivilege(same);
    expect(result?.status).toBe('pass');
    expect(result?.explanation).toMatch(/^compared on \d+ requests: \d+ allowed by both, \d+ by neither, and \d+ more actions that neither allows on any resource$/);
  });

  it('name what is over-permitted, with the wildcard expanded, and what is missing', () => {
    const result = leastPrivilege(policy([{ Effect: 'Allow', Action: 's3:Put*', Resource: 'arn:aws:s3:::my-app-bucket/*' }, { Effect: 'Allow', Action: 's3:ListBucket', Resource: 'arn:aws:s3:::my-app-bucket' }]));
    expect(result?.status).toBe('fail');
    expect(result?.explanation).toMatch(/your policy allows what the reference does not \(\d+\):\n- `s3:Put/);
    expect(result?.explanation).toMatch(/`s3:Put\*` matches \d+ actions/);
    expect(result?.explanation).toMatch(/your policy denies what the reference allows \(\d+\):\n- `s3:GetObject` on `arn:aws:s3:::my-app-bucket\//);
  });

  it('refuses a policy that is invalid rather than comparing what it might mean', () => {
    const answer = policy([{ Effect: 'Allow', Action: ['s3:GetObject', 's3:ListBucket'], Resource: ['arn:aws:s3:::my-app-bucket', 'arn:aws:s3:::my-app-bucket/*'] }, { Effect: 'Allow', Action: 's3:PutObject', Resource: '*', Condition: { StringStartsWith: { 'aws:SecureTransport': 't' } } }]);
    expect(() => leastPrivilege(answer)).toThrow('unknown condition operator `StringStartsWith`');
  });
});
