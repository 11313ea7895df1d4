import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { grade } from './grade.ts';
import { loadLab } from './load-lab.ts';
import { provision } from './provision.ts';
import { renderDeep } from './template.ts';
import { testCtx } from './test-ctx.ts';

// The EBS and ECR tasks through the labs that use them: what AWS refuses comes back as a finding at its place
// in the answer, and the exhaustive checks name the behaviour that differs.

function labOf(id: string) {
  const { lab } = loadLab(readFileSync(resolve(import.meta.dirname, `../../../labs/${id}/lab.yaml`), 'utf8'), `labs/${id}/lab.yaml`);
  const ctx = testCtx();
  const provisioned = provision(lab!, 'learner-1', ctx);
  const run = (answer: string) => grade(lab!, provisioned, { [lab!.tasks[0]!.id]: renderDeep(answer, provisioned.params) }, ctx);
  return { lab: lab!, provisioned, run };
}

describe('ebs-settings answers', () => {
  const { run, provisioned } = labOf('ebs-encryption-and-snapshot-sharing');
  const { app, partner } = provisioned.params;

  it.each([
    ['sharing the source under aws/ebs', `EbsEncryptionByDefault: true\nSnapshotPermissions:\n  - SnapshotId: ${app}-db-backup\n    CreateVolumePermission: { Add: [{ UserId: "${partner}" }] }\n`, 'aws/OperationNotPermitted', ['ebs', 'SnapshotPermissions', 0, 'CreateVolumePermission']],
    ['making the encrypted copy public', `EbsEncryptionByDefault: true\nSnapshotCopies:\n  - SourceSnapshotId: ${app}-db-backup\n    Encrypted: true\n    KmsKeyId: alias/${app}-partner\n    CreateVolumePermission: { Add: [{ Group: all }] }\n`, 'aws/OperationNotPermitted', ['ebs', 'SnapshotCopies', 0, 'CreateVolumePermission']],
    ['a key without Encrypted', `EbsEncryptionByDefault: true\nSnapshotCopies:\n  - SourceSnapshotId: ${app}-db-backup\n    KmsKeyId: alias/${app}-partner\n`, 'aws/InvalidParameterDependency', ['ebs', 'SnapshotCopies', 0, 'SourceSnapshotId']],
    ['an unknown snapshot', `EbsEncryptionByDefault: true\nSnapshotCopies:\n  - SourceSnapshotId: nope\n`, 'aws/InvalidSnapshot.NotFound', ['ebs', 'SnapshotCopies', 0, 'SourceSnapshotId']],
    ['an unknown default key', `EbsEncryptionByDefault: true\nKmsKeyId: alias/nope\n`, 'aws/InvalidParameterValue', ['ebs', 'KmsKeyId']],
    ['a misspelt field', `EbsEncryptionByDefualt: true\n`, undefined, ['ebs']],
  ])('refuses %s with a finding in the answer', (_name, answer, ruleId, path) => {
    const outcome = run(answer);
    expect(outcome.ok).toBe(false);
    const finding = outcome.ok ? undefined : outcome.findings[0];
    if (ruleId !== undefined) expect(finding?.ruleId).toBe(ruleId);
    expect(finding?.path.slice(0, path.length)).toEqual(path);
    expect(finding?.range).toBeDefined();
  });

  it('explains a copy under a key the partner may not use by the account that cannot create volumes', () => {
    const outcome = run(`EbsEncryptionByDefault: true\nKmsKeyId: alias/${app}-ebs\nSnapshotCopies:\n  - SourceSnapshotId: ${app}-db-backup\n    Name: ${app}-db-shared\n    Encrypted: true\n    KmsKeyId: alias/${app}-ebs\n    CreateVolumePermission: { Add: [{ UserId: "${partner}" }] }\n`);
    const check = outcome.ok ? outcome.grade.checks.find((c) => c.id === 'same-ebs-behaviour') : undefined;
    expect(check?.status).toBe('fail');
    expect(check?.explanation).toContain(`a copy of 100 GiB: account \`${partner}\` cannot create volumes from it`);
    expect(check?.explanation).toContain(`encrypted with \`alias/${app}-partner\``);
  });
});

describe('ecr-repository answers', () => {
  const { run } = labOf('ecr-scan-lifecycle-pull');

  it.each([
    ['an any rule that is not last', 'lifecyclePolicyText:\n  rules:\n    - { rulePriority: 1, selection: { tagStatus: any, countType: imageCountMoreThan, countNumber: 5 }, action: { type: expire } }\n    - { rulePriority: 2, selection: { tagStatus: untagged, countType: imageCountMoreThan, countNumber: 1 }, action: { type: expire } }\n', 'aws/InvalidParameterException', ['repository', 'lifecyclePolicyText']],
    ['a policy statement without Principal', 'policyText: { Version: "2012-10-17", Statement: [{ Effect: Allow, Action: "ecr:*" }] }\n', 'aws/InvalidParameterException', ['repository', 'policyText']],
    ['a tag mutability exclusion (not modelled)', 'imageTagMutability: IMMUTABLE_WITH_EXCLUSION\n', 'aws/ValidationException', ['repository']],
  ])('refuses %s with a finding in the answer', (_name, answer, ruleId, path) => {
    const outcome = run(answer);
    const finding = outcome.ok ? undefined : outcome.findings[0];
    expect(finding?.ruleId).toBe(ruleId);
    expect(finding?.path).toEqual(path);
  });

  it('grades a policy naming a role the account does not have: only that role may pull, which the reference does not allow', () => {
    const { run: grader, provisioned } = labOf('ecr-scan-lifecycle-pull');
    const outcome = grader(`policyText: { Version: "2012-10-17", Statement: [{ Effect: Allow, Principal: { AWS: "arn:aws:iam::${provisioned.params.accountId}:role/ghost" }, Action: "ecr:BatchGetImage" }] }\n`);
    const check = outcome.ok ? outcome.grade.checks.find((c) => c.id === 'same-repository') : undefined;
    expect(check?.status).toBe('fail');
    expect(check?.explanation).toContain('assumed-role/ghost/skylab` may call `ecr:BatchGetImage`');
  });

  it('explains Principal * by the callers outside the account that may pull', () => {
    const { lab, provisioned } = labOf('ecr-scan-lifecycle-pull');
    const wrong = lab.wrongAnswers.find((w) => w.id === 'principal-star');
    const outcome = grade(lab, provisioned, renderDeep(wrong!.answers, provisioned.params), testCtx());
    const check = outcome.ok ? outcome.grade.checks.find((c) => c.id === 'same-repository') : undefined;
    expect(check?.explanation).toContain('`arn:aws:iam::999988887777:role/admin` may call `ecr:BatchGetImage`');
  });
});
