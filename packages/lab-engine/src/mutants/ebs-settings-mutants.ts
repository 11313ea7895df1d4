import { parseText } from '@skylab/validation';
import { render, replaceAt, type Mutant, type MutationContext } from './mutant.ts';

// Mutants of an `ebs-settings` answer: the mistakes of the EBS encryption and sharing syllabus — encryption by
// default off, the AWS managed key left as the default, a copy not re-encrypted (or under `aws/ebs`, which
// cannot be shared), a share with the wrong account, a snapshot made public, a copy or a share dropped
// (https://docs.aws.amazon.com/ebs/latest/userguide/ebs-modifying-snapshot-permissions.html).

type Doc = Record<string, unknown>;
type Permission = { UserId?: string; Group?: string };

/** An account id no lab names, for the "shared with the wrong account" mutant. */
export const MUTANT_ACCOUNT = '210987654321';

function permissionMutants(change: Doc, emit: (description: string, next: Doc) => void): void {
  const add = Array.isArray(change.Add) ? (change.Add as Permission[]) : [];
  add.forEach((permission, i) => {
    const who = permission.UserId ?? permission.Group ?? '';
    emit(`the permission for \`${who}\` dropped`, { ...change, Add: replaceAt(add, i, undefined) });
    if (permission.Group === undefined) emit(`made public instead of shared with \`${who}\``, { ...change, Add: replaceAt(add, i, { Group: 'all' }) });
    if (permission.UserId !== undefined) emit(`shared with \`${MUTANT_ACCOUNT}\` instead of \`${who}\``, { ...change, Add: replaceAt(add, i, { UserId: MUTANT_ACCOUNT }) });
  });
  emit(`shared with \`${MUTANT_ACCOUNT}\` too`, { ...change, Add: [...add, { UserId: MUTANT_ACCOUNT }] });
}

function copyMutants(copies: Doc[], emit: (description: string, next: Doc[]) => void): void {
  copies.forEach((copy, i) => {
    const at = (description: string, next: Doc) => emit(`copy ${i + 1}: ${description}`, replaceAt(copies, i, next));
    emit(`copy ${i + 1} dropped`, replaceAt(copies, i, undefined));
    const { KmsKeyId, Encrypted: _encrypted, ...plain } = copy;
    if (KmsKeyId !== undefined) {
      at('`KmsKeyId` left out (the source\'s key, or the default)', { ...plain, Encrypted: true });
      at('`KmsKeyId` set to `alias/aws/ebs`', { ...plain, Encrypted: true, KmsKeyId: 'alias/aws/ebs' });
    }
    if (copy.Encrypted === true) at('not asked to be encrypted', plain);
    if (copy.CreateVolumePermission !== undefined) permissionMutants(copy.CreateVolumePermission as Doc, (d, change) => at(d, { ...copy, CreateVolumePermission: change }));
  });
}

/** The mutants of an `ebs-settings` answer; `context.kmsAliases` are the keys one may swap in. */
export function ebsSettingsMutants(task: string, text: string, context: MutationContext): Mutant[] {
  const doc = parseText(text).value as Doc | undefined;
  if (!doc || typeof doc !== 'object') return [];
  const mutants: Mutant[] = [];
  const emit = (description: string, next: Doc) => mutants.push({ task, description, answer: render(next) });
  emit(`\`EbsEncryptionByDefault\` set to \`${doc.EbsEncryptionByDefault !== true}\``, { ...doc, EbsEncryptionByDefault: doc.EbsEncryptionByDefault !== true });
  const { KmsKeyId, ...withoutKey } = doc;
  if (KmsKeyId !== undefined) emit('the default `KmsKeyId` left out (the AWS managed `aws/ebs`)', withoutKey);
  for (const alias of context.kmsAliases ?? []) if (alias !== KmsKeyId) emit(`the default \`KmsKeyId\` set to \`${alias}\``, { ...doc, KmsKeyId: alias });
  const copies = Array.isArray(doc.SnapshotCopies) ? (doc.SnapshotCopies as Doc[]) : [];
  copyMutants(copies, (description, next) => emit(description, { ...doc, SnapshotCopies: next }));
  const changes = Array.isArray(doc.SnapshotPermissions) ? (doc.SnapshotPermissions as Doc[]) : [];
  changes.forEach((change, i) => {
    emit(`the permission change of \`${String(change.SnapshotId)}\` dropped`, { ...doc, SnapshotPermissions: replaceAt(changes, i, undefined) });
    permissionMutants(change.CreateVolumePermission as Doc, (d, next) => emit(`\`${String(change.SnapshotId)}\`: ${d}`, { ...doc, SnapshotPermissions: replaceAt(changes, i, { ...change, CreateVolumePermission: next }) }));
  });
  // The trap the lab teaches: sharing the source (under `aws/ebs`) instead of a re-encrypted copy.
  for (const source of new Set(copies.map((c) => String(c.SourceSnapshotId)))) {
    emit(`the source \`${source}\` shared with \`${MUTANT_ACCOUNT}\` too`, { ...doc, SnapshotPermissions: [...changes, { SnapshotId: source, CreateVolumePermission: { Add: [{ UserId: MUTANT_ACCOUNT }] } }] });
  }
  return mutants;
}
