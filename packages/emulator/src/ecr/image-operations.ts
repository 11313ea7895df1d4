import type { Ctx } from '../ctx.ts';
import { deleteRecord, getRecord, setRecord } from '../records.ts';
import { md5Hex, utf8Bytes } from '../s3/md5.ts';
import { ImageAlreadyExistsException, ImageTagAlreadyExistsException, InvalidParameterException } from './errors.ts';
import { findRepository } from './repository-operations.ts';
import type { EcrImage, EcrRepository, WithEcr } from './state.ts';

// Images as far as tags, lifecycle and pulls need them (https://docs.aws.amazon.com/AmazonECR/latest/APIReference/API_PutImage.html):
// a manifest, its digest, tags, push time and size. Layers are not stored; scanning on push completes at once.

const TAG = /^[a-zA-Z0-9_][a-zA-Z0-9._-]{0,127}$/;
const DIGEST = /^sha256:[0-9a-f]{64}$/;
const MANIFEST_LIMIT = 4194304;

/** An image id as ECR takes it: by digest, by tag, or both. */
export interface ImageIdentifier {
  imageDigest?: string;
  imageTag?: string;
}

// The emulator has no SHA-256 of its own (no crypto in pure packages): a stable stand-in of the same shape,
// derived from the manifest, so the same manifest always gets the same digest.
function manifestDigest(manifest: string): string {
  const bytes = utf8Bytes(manifest);
  return `sha256:${md5Hex(bytes)}${md5Hex([...bytes, 10])}`;
}

// The size ECR reports is the sum of the compressed layers; a manifest without them counts its own length.
function imageSize(manifest: string): number {
  try {
    const parsed = JSON.parse(manifest) as { layers?: { size?: unknown }[]; config?: { size?: unknown } };
    const sizes = [...(parsed.layers ?? []), ...(parsed.config ? [parsed.config] : [])].map((l) => l.size);
    if (sizes.length > 0 && sizes.every((s) => typeof s === 'number' && s >= 0)) return (sizes as number[]).reduce((a, b) => a + b, 0);
  } catch {
    // Not JSON: ECR would refuse it; PutImage checks that before asking for the size.
  }
  return manifest.length;
}

function checkManifest(manifest: string): void {
  if (manifest.length === 0 || manifest.length > MANIFEST_LIMIT) throw new InvalidParameterException(`an image manifest is 1 to ${MANIFEST_LIMIT} characters`);
  try {
    JSON.parse(manifest);
  } catch {
    throw new InvalidParameterException('the image manifest is not valid JSON');
  }
}

function taggedImage(repository: EcrRepository, tag: string): EcrImage | undefined {
  return Object.values(repository.images).find((i) => i.imageTags.includes(tag));
}

// Tag immutability (https://docs.aws.amazon.com/AmazonECR/latest/userguide/image-tag-mutability.html): in an
// IMMUTABLE repository a tag already on another image cannot move; in a MUTABLE one it moves, and the image
// it leaves may become untagged (which untagged lifecycle rules then select).
function moveTag(repository: EcrRepository, tag: string, digest: string): void {
  const holder = taggedImage(repository, tag);
  if (!holder || holder.imageDigest === digest) return;
  if (repository.imageTagMutability === 'IMMUTABLE') throw new ImageTagAlreadyExistsException(`the image tag \`${tag}\` already exists in the \`${repository.repositoryName}\` repository and cannot be overwritten because the repository is immutable`);
  holder.imageTags = holder.imageTags.filter((t) => t !== tag);
}

/** PutImage: stores the manifest as an image (by its digest) and puts the tag on it. */
export function putImage(state: WithEcr, input: { repositoryName: string; registryId?: string; imageManifest: string; imageTag?: string; imageDigest?: string }, ctx: Ctx): { image: { registryId: string; repositoryName: string; imageId: ImageIdentifier; imageManifest: string } } {
  const repository = findRepository(state, input.repositoryName, input.registryId, ctx);
  checkManifest(input.imageManifest);
  if (input.imageTag !== undefined && !TAG.test(input.imageTag)) throw new InvalidParameterException(`\`${input.imageTag}\` is not an image tag: up to 128 letters, digits, \`_ . -\`, not starting with \`.\` or \`-\``);
  if (input.imageDigest !== undefined && !DIGEST.test(input.imageDigest)) throw new InvalidParameterException(`\`${input.imageDigest}\` is not an image digest: \`sha256:\` and 64 hex digits`);
  const digest = input.imageDigest ?? manifestDigest(input.imageManifest);
  const existing = getRecord(repository.images, digest);
  if (existing && (input.imageTag === undefined || existing.imageTags.includes(input.imageTag))) {
    throw new ImageAlreadyExistsException(`the image \`${digest}\`${input.imageTag ? ` with tag \`${input.imageTag}\`` : ''} already exists in \`${repository.repositoryName}\``);
  }
  if (input.imageTag !== undefined) moveTag(repository, input.imageTag, digest);
  const image: EcrImage = existing ?? { imageDigest: digest, imageTags: [], imagePushedAt: new Date(ctx.clock.now()).toISOString(), imageSizeInBytes: imageSize(input.imageManifest), imageManifest: input.imageManifest };
  if (input.imageTag !== undefined) image.imageTags.push(input.imageTag);
  if (repository.imageScanningConfiguration.scanOnPush && !existing) image.imageScanStatus = { status: 'COMPLETE' };
  setRecord(repository.images, digest, image);
  const imageId: ImageIdentifier = input.imageTag === undefined ? { imageDigest: digest } : { imageDigest: digest, imageTag: input.imageTag };
  return { image: { registryId: repository.registryId, repositoryName: repository.repositoryName, imageId, imageManifest: image.imageManifest } };
}

/** A failure of a batch image call, in ECR's shape. */
export interface ImageFailure {
  imageId: ImageIdentifier;
  failureCode: 'ImageNotFound' | 'ImageTagDoesNotMatchDigest' | 'MissingDigestAndTag';
  failureReason: string;
}

function resolveImage(repository: EcrRepository, id: ImageIdentifier): EcrImage | ImageFailure {
  if (id.imageDigest === undefined && id.imageTag === undefined) return { imageId: id, failureCode: 'MissingDigestAndTag', failureReason: 'give an image digest or tag' };
  const byTag = id.imageTag === undefined ? undefined : taggedImage(repository, id.imageTag);
  const image = id.imageDigest === undefined ? byTag : getRecord(repository.images, id.imageDigest);
  if (!image) return { imageId: id, failureCode: 'ImageNotFound', failureReason: 'Requested image not found' };
  if (id.imageTag !== undefined && byTag !== image) return { imageId: id, failureCode: 'ImageTagDoesNotMatchDigest', failureReason: `the tag \`${id.imageTag}\` is not on the image \`${image.imageDigest}\`` };
  return image;
}

const isFailure = (r: EcrImage | ImageFailure): r is ImageFailure => 'failureCode' in r;

/** BatchGetImage: the manifests of the given images, and a failure for each one not found. */
export function batchGetImage(state: WithEcr, input: { repositoryName: string; registryId?: string; imageIds: ImageIdentifier[] }, ctx: Ctx): { images: { registryId: string; repositoryName: string; imageId: ImageIdentifier; imageManifest: string }[]; failures: ImageFailure[] } {
  const repository = findRepository(state, input.repositoryName, input.registryId, ctx);
  if (input.imageIds.length === 0 || input.imageIds.length > 100) throw new InvalidParameterException('`imageIds` lists 1 to 100 images');
  const results = input.imageIds.map((id) => resolveImage(repository, id));
  return {
    images: results.flatMap((r, i) => (isFailure(r) ? [] : [{ registryId: repository.registryId, repositoryName: repository.repositoryName, imageId: { imageDigest: r.imageDigest, ...(input.imageIds[i]?.imageTag ? { imageTag: input.imageIds[i]?.imageTag } : {}) }, imageManifest: r.imageManifest }])),
    failures: results.filter(isFailure),
  };
}

/** DescribeImages: every image of the repository with its tags, push time, size and scan status. */
export function describeImages(state: WithEcr, input: { repositoryName: string; registryId?: string }, ctx: Ctx): { imageDetails: (Omit<EcrImage, 'imageManifest'> & { registryId: string; repositoryName: string })[] } {
  const repository = findRepository(state, input.repositoryName, input.registryId, ctx);
  return {
    imageDetails: Object.values(repository.images).map(({ imageManifest: _manifest, ...image }) => ({ ...image, imageTags: [...image.imageTags], registryId: repository.registryId, repositoryName: repository.repositoryName })),
  };
}

/** BatchDeleteImage: deleting by tag removes the tag, and the image with its last tag; by digest removes the image. */
export function batchDeleteImage(state: WithEcr, input: { repositoryName: string; registryId?: string; imageIds: ImageIdentifier[] }, ctx: Ctx): { imageIds: ImageIdentifier[]; failures: ImageFailure[] } {
  const repository = findRepository(state, input.repositoryName, input.registryId, ctx);
  const deleted: ImageIdentifier[] = [];
  const failures: ImageFailure[] = [];
  for (const id of input.imageIds) {
    const image = resolveImage(repository, id);
    if (isFailure(image)) {
      failures.push(image);
      continue;
    }
    if (id.imageDigest === undefined && id.imageTag !== undefined) image.imageTags = image.imageTags.filter((t) => t !== id.imageTag);
    if (id.imageDigest !== undefined || image.imageTags.length === 0) deleteRecord(repository.images, image.imageDigest);
    deleted.push({ imageDigest: image.imageDigest, ...(id.imageTag ? { imageTag: id.imageTag } : {}) });
  }
  return { imageIds: deleted, failures };
}
