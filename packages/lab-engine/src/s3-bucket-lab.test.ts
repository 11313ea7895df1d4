import { describe, expect, it } from 'vitest';
import type { Lab } from '@skylab/validation';
import { grade } from './grade.ts';
import { loadLab } from './load-lab.ts';
import { s3BucketMutants } from './mutants/s3-bucket-mutants.ts';
import { provision } from './provision.ts';
import { testCtx } from './test-ctx.ts';

const TEXT = `apiVersion: skylab.dev/v1
id: bucket
title: A bucket
summary: Lifecycle and policy
description: Configure it
difficulty: beginner
estimatedMinutes: 5
track: storage
setup:
  s3:
    buckets:
      - Name: data-bucket
        VersioningConfiguration: { Status: Enabled }
tasks:
  - { id: bucket, kind: s3-bucket, title: The bucket, prompt: Configure it, Bucket: data-bucket }
checks:
  - id: archived
    title: archived
    lifecycle:
      task: bucket
      objects: [{ key: logs/a.log, ageDays: 31 }, { key: logs/b.log, id: fresh, ageDays: 30 }]
      expect: { logs/a.log: { storageClass: GLACIER }, fresh: { storageClass: STANDARD } }
    feedback: { pass: ok, fail: no }
  - id: same
    title: same
    points: 3
    equivalent-bucket: { task: bucket }
    feedback: { pass: ok, fail: no }
solution:
  answers:
    bucket: |
      LifecycleConfiguration:
        Rules:
          - ID: logs
            Status: Enabled
            Filter: { Prefix: logs/ }
            Transitions: [{ Days: 30, StorageClass: GLACIER }]
      Policy:
        Version: "2012-10-17"
        Statement:
          - Sid: Partner
            Effect: Allow
            Principal: { AWS: "arn:aws:iam::444455556666:role/reader" }
            Action: s3:GetObject
            Resource: arn:aws:s3:::data-bucket/logs/*
`;

const LAB = loadLab(TEXT).lab as Lab;
const SOLUTION = LAB.solution.answers.bucket as string;

function graded(answer: string) {
  const ctx = testCtx();
  return grade(LAB, provision(LAB, 'seed', ctx), { bucket: answer }, ctx);
}

const failed = (answer: string) => {
  const outcome = graded(answer);
  if (!outcome.ok) throw new Error(outcome.findings[0]?.message);
  return outcome.grade.checks.filter((c) => c.status !== 'pass').map((c) => c.id);
};

describe('s3-bucket task', () => {
  it('loads, and the solution scores 100%', () => {
    expect(loadLab(TEXT).findings).toEqual([]);
    expect(failed(SOLUTION)).toEqual([]);
  });

  it.each([
    ['a public policy, which Block Public Access refuses', SOLUTION.replace('{ AWS: "arn:aws:iam::444455556666:role/reader" }', '"*"'), 'aws/AccessDenied', 8],
    ['Standard-IA before 30 days', SOLUTION.replace('Days: 30, StorageClass: GLACIER', 'Days: 7, StorageClass: STANDARD_IA'), 'aws/InvalidArgument', 3],
    ['an object action on the bucket ARN', SOLUTION.replace('arn:aws:s3:::data-bucket/logs/*', 'arn:aws:s3:::data-bucket'), 'aws/MalformedPolicy', 10],
    ['a section S3 does not have', `${SOLUTION}ReplicationRules: {}\n`, 'lab/unknown-key', 15],
    ['a section Skylab does not model', `${SOLUTION}ObjectLockConfiguration: { ObjectLockEnabled: Enabled }\n`, 's3-bucket/unsupported', 15],
  ])('%s is refused with a finding placed in the answer', (_, answer, ruleId, line) => {
    const outcome = graded(answer);
    expect(outcome.ok).toBe(false);
    const finding = outcome.ok ? undefined : outcome.findings[0];
    expect(finding?.ruleId).toMatch(ruleId === 'lab/unknown-key' ? /unknown|unrecognized/ : new RegExp(ruleId));
    if (ruleId === 's3-bucket/unsupported') expect(finding?.message).toContain('`ObjectLockConfiguration` is not modelled');
    expect(finding?.range?.start.line).toBe(line);
    expect(finding?.path[0]).toBe('bucket');
  });

  it('the lifecycle check counts to the next midnight: 30 days old is not yet moved, 31 is', () => {
    const outcome = graded(SOLUTION);
    const check = outcome.ok ? outcome.grade.checks.find((c) => c.id === 'archived') : undefined;
    expect(check?.explanation).toContain('`logs/a.log`, 31 days old: current in GLACIER');
    expect(check?.explanation).toContain('`fresh`, 30 days old: current in STANDARD');
  });

  it.each([
    ['another prefix', SOLUTION.replace('Prefix: logs/ }', 'Prefix: log/ }'), 'objects whose lifecycle fate differs'],
    ['the whole partner account', SOLUTION.replace('role/reader', 'root'), 'your bucket allows what the reference does not'],
    ['expired object delete markers cleaned up', SOLUTION.replace('      Transitions: [{ Days: 30, StorageClass: GLACIER }]\n', '      Transitions: [{ Days: 30, StorageClass: GLACIER }]\n    - { ID: markers, Status: Enabled, Filter: { Prefix: logs/ }, Expiration: { ExpiredObjectDeleteMarker: true } }\n'), 'a delete marker with no other version left'],
    ['versioning suspended', `${SOLUTION}VersioningConfiguration: { Status: Suspended }\n`, 'versioning: yours is Suspended'],
    ['SSE-KMS', `${SOLUTION}ServerSideEncryptionConfiguration: { Rules: [{ ApplyServerSideEncryptionByDefault: { SSEAlgorithm: "aws:kms" } }] }\n`, 'default encryption: yours is aws:kms'],
    ['a Deny that takes a permission from the account root', SOLUTION.replace('  Statement:\n', '  Statement:\n    - { Effect: Deny, Principal: { AWS: "arn:aws:iam::111122223333:root" }, Action: s3:DeleteBucket, Resource: arn:aws:s3:::data-bucket }\n'), 'your bucket denies what the reference allows'],
    ['Block Public Access off', `${SOLUTION}PublicAccessBlockConfiguration: { BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: true }\n`, '`RestrictPublicBuckets` in force: yours is false'],
  ])('equivalent-bucket tells %s apart', (_, answer, text) => {
    const outcome = graded(answer);
    const check = outcome.ok ? outcome.grade.checks.find((c) => c.id === 'same') : undefined;
    expect(check?.status).toBe('fail');
    expect(check?.explanation).toContain(text);
  });

  it('mutants move each day, swap each class, widen each filter and principal, and drop each section', () => {
    const descriptions = s3BucketMutants('bucket', SOLUTION).map((m) => m.description);
    expect(descriptions).toEqual(
      expect.arrayContaining([
        '`Policy` left out',
        'lifecycle rule `logs`: Transitions[0] Days 30 → 29',
        'lifecycle rule `logs`: Transitions[0] to DEEP_ARCHIVE instead of GLACIER',
        'lifecycle rule `logs`: filter widened to every object',
        'statement `Partner`: principal widened to `*`',
        'statement `Partner`: principal widened to its whole account',
        'statement `Partner`: objects widened to the whole bucket',
      ]),
    );
  });
});
