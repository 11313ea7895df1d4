import {
  AwsError,
  copySnapshot,
  disableEbsEncryptionByDefault,
  enableEbsEncryptionByDefault,
  modifyEbsDefaultKmsKeyId,
  modifySnapshotAttribute,
  resetEbsDefaultKmsKeyId,
  type AccountState,
  type CreateVolumePermission,
  type Ctx,
} from '@skylab/emulator';
import { ebsSettingsAnswerSchema, issuesToFindings, locateNearest, parseText, type EbsSettingsAnswer, type Finding, type LabTask, type PathSegment, type SourceDocument } from '@skylab/validation';
import { snapshotNamed } from './provision-ebs-ecr.ts';

type EbsSettingsTask = Extract<LabTask, { kind: 'ebs-settings' }>;
type Permissions = { Add?: CreateVolumePermission[]; Remove?: CreateVolumePermission[] };

/** An `ebs-settings` answer read and checked against the schema, or the findings that stop it. */
export function readEbsSettings(text: string): { answer: EbsSettingsAnswer; doc: SourceDocument } | { findings: Finding[] } {
  const doc = parseText(text);
  if (doc.value === undefined || doc.findings.some((f) => f.severity === 'error')) return { findings: doc.findings };
  const parsed = ebsSettingsAnswerSchema.safeParse(doc.value);
  if (!parsed.success) return { findings: issuesToFindings(parsed.error.issues, doc, { rulePrefix: 'ebs-settings' }) };
  return { answer: parsed.data, doc };
}

function step(doc: SourceDocument, taskId: string, path: PathSegment[], run: () => unknown): Finding | undefined {
  try {
    run();
    return undefined;
  } catch (error) {
    if (!(error instanceof AwsError)) throw error;
    const range = locateNearest(doc, path);
    return { ruleId: `aws/${error.code}`, severity: 'error', path: [taskId, ...path], ...(range ? { range } : {}), message: error.message };
  }
}

function permissionsInput(SnapshotId: string, change: Permissions) {
  return { SnapshotId, Attribute: 'createVolumePermission', CreateVolumePermission: change };
}

/**
 * Applies an `ebs-settings` answer through the EC2 API, in order: encryption by default on or off, the default
 * key (ModifyEbsDefaultKmsKeyId, or ResetEbsDefaultKmsKeyId when left out), each snapshot copy (CopySnapshot,
 * then ModifySnapshotAttribute on it), then the permission changes of the setup's snapshots. The first call
 * AWS refuses (sharing a snapshot under `aws/ebs`, making an encrypted one public …) is a finding at its place.
 */
export function applyEbsSettings(task: EbsSettingsTask, text: string, state: AccountState, ctx: Ctx): Finding[] {
  const read = readEbsSettings(text);
  if ('findings' in read) return read.findings.map((f) => ({ ...f, path: [task.id, ...f.path] }));
  const { answer, doc } = read;
  const steps: [PathSegment[], () => unknown][] = [
    [['EbsEncryptionByDefault'], () => (answer.EbsEncryptionByDefault ? enableEbsEncryptionByDefault(state, {}, ctx) : disableEbsEncryptionByDefault(state, {}, ctx))],
    [['KmsKeyId'], () => (answer.KmsKeyId === undefined ? resetEbsDefaultKmsKeyId(state, {}, ctx) : modifyEbsDefaultKmsKeyId(state, { KmsKeyId: answer.KmsKeyId }, ctx))],
  ];
  const snapshotId = (name: string): string => {
    const found = snapshotNamed(state, name);
    if (!found) throw new AwsError('InvalidSnapshot.NotFound', `there is no snapshot \`${name}\` in the account`);
    return found.SnapshotId;
  };
  (answer.SnapshotCopies ?? []).forEach((copy, i) => {
    const at: PathSegment[] = ['SnapshotCopies', i];
    let copyId = '';
    steps.push([
      [...at, 'SourceSnapshotId'],
      () => {
        const { Name, SourceSnapshotId, CreateVolumePermission: _permissions, ...rest } = copy;
        const TagSpecifications = Name === undefined ? [] : [{ ResourceType: 'snapshot', Tags: [{ Key: 'Name', Value: Name }] }];
        copyId = copySnapshot(state, { ...rest, SourceSnapshotId: snapshotId(SourceSnapshotId), SourceRegion: ctx.region, TagSpecifications }, ctx).SnapshotId;
      },
    ]);
    if (copy.CreateVolumePermission) steps.push([[...at, 'CreateVolumePermission'], () => modifySnapshotAttribute(state, permissionsInput(copyId, copy.CreateVolumePermission as Permissions), ctx)]);
  });
  (answer.SnapshotPermissions ?? []).forEach((change, i) => {
    const at: PathSegment[] = ['SnapshotPermissions', i];
    steps.push([[...at, 'CreateVolumePermission'], () => modifySnapshotAttribute(state, permissionsInput(snapshotId(change.SnapshotId), change.CreateVolumePermission as Permissions), ctx)]);
  });
  for (const [path, run] of steps) {
    const problem = step(doc, task.id, path, run);
    if (problem) return [problem];
  }
  return [];
}
