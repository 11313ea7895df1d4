import { describe, expect, it } from 'vitest';
import { labCheckSchema } from './checks.ts';
import { ebsSettingsAnswerSchema } from './ebs-settings.ts';
import { ecrRepositoryAnswerSchema } from './ecr-repository.ts';

const paths = (result: { success: boolean; error?: { issues: { path: PropertyKey[] }[] } }) => (result.success ? [] : (result.error?.issues ?? []).map((i) => i.path.join('.')));

describe('ebs-settings answers', () => {
  it.each([
    ['the settings alone', { EbsEncryptionByDefault: true, KmsKeyId: 'alias/ebs' }, []],
    ['a copy shared with an account', { EbsEncryptionByDefault: true, SnapshotCopies: [{ SourceSnapshotId: 'db', Encrypted: true, CreateVolumePermission: { Add: [{ UserId: '444455556666' }] } }] }, []],
    ['encryption left out', { KmsKeyId: 'alias/ebs' }, ['EbsEncryptionByDefault']],
    ['a group other than all', { EbsEncryptionByDefault: true, SnapshotPermissions: [{ SnapshotId: 'db', CreateVolumePermission: { Add: [{ Group: 'admins' }] } }] }, ['SnapshotPermissions.0.CreateVolumePermission.Add.0']],
    ['a misspelt key', { EbsEncryptionByDefault: true, SnapshotCopy: [] }, ['']],
  ])('%s', (_name, answer, expected) => {
    expect(paths(ebsSettingsAnswerSchema.safeParse(answer))).toEqual(expected);
  });
});

describe('ecr-repository answers', () => {
  it('takes policies as JSON text or as maps, and refuses an unknown setting', () => {
    const parsed = ecrRepositoryAnswerSchema.parse({ imageTagMutability: 'IMMUTABLE', policyText: { Version: '2012-10-17', Statement: [] }, lifecyclePolicyText: '{"rules":[]}' });
    expect(JSON.parse(parsed.policyText ?? '')).toEqual({ Version: '2012-10-17', Statement: [] });
    expect(parsed.lifecyclePolicyText).toBe('{"rules":[]}');
    expect(paths(ecrRepositoryAnswerSchema.safeParse({ replicationConfiguration: {} }))).toEqual(['']);
    expect(paths(ecrRepositoryAnswerSchema.safeParse({ imageTagMutability: 'LOCKED' }))).toEqual(['imageTagMutability']);
  });
});

describe('lifecycle checks', () => {
  const base = { id: 'c', title: 't', feedback: { pass: 'p', fail: 'f' } };
  it('asks which images expire', () => {
    expect(labCheckSchema.safeParse({ ...base, lifecycle: { task: 'repo', images: [{ id: 'old', ageDays: 20 }], expect: { old: { expired: true } } } }).success).toBe(true);
    expect(paths(labCheckSchema.safeParse({ ...base, lifecycle: { task: 'repo', images: [], expect: {} } }))).toEqual(['lifecycle.images']);
    expect(paths(labCheckSchema.safeParse({ ...base, lifecycle: { task: 'repo', images: [{ id: 'old', ageDays: 20 }], expect: { young: { expired: false } } } }))).toEqual(['lifecycle.expect']);
  });
});
