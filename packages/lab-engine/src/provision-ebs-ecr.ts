import {
  createAlias,
  createKey,
  createRepository,
  createSnapshot,
  createVolume,
  enableEbsEncryptionByDefault,
  modifyEbsDefaultKmsKeyId,
  putImage,
  type AccountState,
  type Ctx,
  type Snapshot,
} from '@skylab/emulator';
import type { Lab } from '@skylab/validation';
import { setupStep, unknownNameError } from './lab-error.ts';
import { nameTag } from './resource-names.ts';

// KMS keys, EBS encryption, volumes and snapshots, and ECR repositories with their images, made through the
// emulator's operations so the setup obeys AWS's rules. Volumes and snapshots go by their `Name` tag.

type Setup = Lab['setup'];

const DAY_MS = 86400000;
const nameSpec = (type: string, name: string) => [{ ResourceType: type, Tags: [{ Key: 'Name', Value: name }] }];

/** The account's snapshot with this `Name` tag, if any. */
export function snapshotNamed(state: AccountState, name: string): Snapshot | undefined {
  return Object.values(state.ec2.snapshots).find((s) => nameTag(s.Tags ?? []) === name);
}

/** Creates the setup's customer managed keys, each with its alias. */
export function provisionKms(state: AccountState, setup: Setup, ctx: Ctx): void {
  setup.kms.keys.forEach((key, i) => {
    const path = ['setup', 'kms', 'keys', i];
    const made = setupStep(path, () => createKey(state, { ...(key.Description !== undefined ? { Description: key.Description } : {}), ...(key.Policy !== undefined ? { Policy: key.Policy } : {}) }, ctx));
    setupStep([...path, 'AliasName'], () => createAlias(state, { AliasName: key.AliasName, TargetKeyId: made.KeyMetadata.KeyId }, ctx));
  });
}

/** Sets the region's encryption by default, then creates the volumes and their snapshots. */
export function provisionEbs(state: AccountState, setup: Setup, ctx: Ctx): void {
  const { ebsEncryption, volumes, snapshots } = setup.ec2;
  if (ebsEncryption?.EbsEncryptionByDefault) enableEbsEncryptionByDefault(state, {}, ctx);
  if (ebsEncryption?.KmsKeyId !== undefined) setupStep(['setup', 'ec2', 'ebsEncryption', 'KmsKeyId'], () => modifyEbsDefaultKmsKeyId(state, { KmsKeyId: ebsEncryption.KmsKeyId as string }, ctx));
  const ids = new Map<string, string>();
  volumes.forEach((volume, i) => {
    const { Name, ...input } = volume;
    ids.set(Name, setupStep(['setup', 'ec2', 'volumes', i], () => createVolume(state, { ...input, TagSpecifications: nameSpec('volume', Name) }, ctx)).VolumeId);
  });
  snapshots.forEach((snapshot, i) => {
    const path = ['setup', 'ec2', 'snapshots', i];
    const volumeId = ids.get(snapshot.VolumeId);
    if (volumeId === undefined) throw unknownNameError([...path, 'VolumeId'], `there is no volume \`${snapshot.VolumeId}\` in \`setup.ec2.volumes\``);
    setupStep(path, () => createSnapshot(state, { VolumeId: volumeId, ...(snapshot.Description !== undefined ? { Description: snapshot.Description } : {}), TagSpecifications: nameSpec('snapshot', snapshot.Name) }, ctx));
  });
}

/** A manifest of the setup's image `index` in a repository: distinct per image, so each has its own digest. */
function manifest(repository: string, index: number): string {
  return JSON.stringify({ schemaVersion: 2, mediaType: 'application/vnd.oci.image.manifest.v1+json', config: { size: 1024 }, layers: [{ size: 10485760 + index }], annotations: { 'org.opencontainers.image.ref.name': `${repository}-${index}` } });
}

/** Creates the setup's repositories and pushes their images, each at its age on a clock set back. */
export function provisionEcr(state: AccountState, setup: Setup, ctx: Ctx): void {
  setup.ecr.repositories.forEach((repository, i) => {
    const path = ['setup', 'ecr', 'repositories', i];
    const { images, ...input } = repository;
    setupStep(path, () => createRepository(state, input, ctx));
    images.forEach((image, j) => {
      const at: Ctx = { ...ctx, clock: { now: () => ctx.clock.now() - image.pushedDaysAgo * DAY_MS } };
      const body = manifest(input.repositoryName, j);
      const [first, ...more] = image.imageTags;
      setupStep([...path, 'images', j], () => putImage(state, { repositoryName: input.repositoryName, imageManifest: body, ...(first !== undefined ? { imageTag: first } : {}) }, at));
      for (const tag of more) setupStep([...path, 'images', j], () => putImage(state, { repositoryName: input.repositoryName, imageManifest: body, imageTag: tag }, at));
    });
  });
}
