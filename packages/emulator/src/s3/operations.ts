import type { Ctx } from '../ctx.ts';
import type { AccountState } from '../state.ts';
import { BucketAlreadyExists, BucketAlreadyOwnedByYou, BucketNotEmpty, InvalidBucketName, NoSuchBucket, NoSuchKey } from './errors.ts';
import { md5Hex, utf8Bytes } from './md5.ts';
import type { PublicAccessBlockConfiguration, S3Bucket, S3Object, S3ObjectVersion, S3Tag } from './state.ts';
import { deleteRecord, getRecord, records, recordsFrom, setRecord } from '../records.ts';

// One function per S3 action, named after it (https://docs.aws.amazon.com/AmazonS3/latest/API/).

// General purpose bucket naming rules: https://docs.aws.amazon.com/AmazonS3/latest/userguide/bucketnamingrules.html
const RESERVED_PREFIXES = ['xn--', 'sthree-', 'amzn-s3-demo-'];
const RESERVED_SUFFIXES = ['-s3alias', '--ol-s3', '.mrap', '--x-s3', '--table-s3'];

/** Why a bucket name breaks the general purpose bucket naming rules, or undefined when it follows them. */
export function bucketNameProblem(name: string): string | undefined {
  if (name.length < 3 || name.length > 63) return 'must be 3 to 63 characters long';
  if (!/^[a-z0-9.-]+$/.test(name)) return 'may contain only lowercase letters, digits, dots and hyphens';
  if (!/^[a-z0-9]/.test(name) || !/[a-z0-9]$/.test(name)) return 'must begin and end with a letter or digit';
  if (name.includes('..')) return 'must not contain two adjacent dots';
  if (/^\d+\.\d+\.\d+\.\d+$/.test(name)) return 'must not look like an IP address';
  const prefix = RESERVED_PREFIXES.find((p) => name.startsWith(p));
  if (prefix) return `must not start with the reserved prefix \`${prefix}\``;
  const suffix = RESERVED_SUFFIXES.find((s) => name.endsWith(s));
  if (suffix) return `must not end with the reserved suffix \`${suffix}\``;
  return undefined;
}

/** The bucket of this account with this name, or `NoSuchBucket`. */
export function bucketOf(state: AccountState, name: string): S3Bucket {
  const bucket = getRecord(state.s3.buckets, name);
  if (!bucket) throw new NoSuchBucket(`the bucket \`${name}\` does not exist`, name);
  return bucket;
}

/**
 * What a new bucket gets since April 2023: every Block Public Access setting on
 * (https://docs.aws.amazon.com/AmazonS3/latest/userguide/create-bucket-overview.html) and SSE-S3 default
 * encryption (https://docs.aws.amazon.com/AmazonS3/latest/userguide/default-encryption-faq.html).
 */
export function newBucketDefaults(): Pick<S3Bucket, 'PublicAccessBlockConfiguration' | 'ServerSideEncryptionConfiguration'> {
  const all: PublicAccessBlockConfiguration = { BlockPublicAcls: true, IgnorePublicAcls: true, BlockPublicPolicy: true, RestrictPublicBuckets: true };
  return { PublicAccessBlockConfiguration: all, ServerSideEncryptionConfiguration: { Rules: [{ ApplyServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' }, BucketKeyEnabled: false }] } };
}

/** CreateBucket, in the context's region. */
export function createBucket(state: AccountState, input: { Bucket: string }, ctx: Ctx): { Location: string } {
  const problem = bucketNameProblem(input.Bucket);
  if (problem) throw new InvalidBucketName(`the bucket name \`${input.Bucket}\` ${problem}`);
  if (state.s3.takenBucketNames.includes(input.Bucket)) {
    throw new BucketAlreadyExists(`the bucket name \`${input.Bucket}\` is taken by another account: bucket names are global, choose another`);
  }
  const existing = getRecord(state.s3.buckets, input.Bucket);
  if (existing) {
    // In us-east-1, re-creating a bucket you own succeeds and changes nothing; elsewhere it is an error
    // (https://docs.aws.amazon.com/AmazonS3/latest/API/API_CreateBucket.html, BucketAlreadyOwnedByYou).
    if (ctx.region === 'us-east-1' && existing.BucketRegion === 'us-east-1') return { Location: `/${input.Bucket}` };
    throw new BucketAlreadyOwnedByYou(`you already own the bucket \`${input.Bucket}\``);
  }
  setRecord(state.s3.buckets, input.Bucket, {
    Name: input.Bucket,
    CreationDate: new Date(ctx.clock.now()).toISOString(),
    BucketRegion: ctx.region,
    Objects: records<S3Object>(),
    ...newBucketDefaults(),
  });
  return { Location: ctx.region === 'us-east-1' ? `/${input.Bucket}` : `http://${input.Bucket}.s3.amazonaws.com/` };
}

/** ListBuckets. */
export function listBuckets(state: AccountState, _input: Record<string, never>, _ctx: Ctx): { Buckets: { Name: string; CreationDate: string; BucketRegion: string }[] } {
  return {
    Buckets: Object.values(state.s3.buckets)
      .map(({ Name, CreationDate, BucketRegion }) => ({ Name, CreationDate, BucketRegion }))
      .sort((a, b) => (a.Name < b.Name ? -1 : 1)),
  };
}

/**
 * Moves the current version of a key aside in a versioned bucket: it becomes noncurrent, unless it is the
 * `null` version of a suspended bucket, which the new one replaces
 * (https://docs.aws.amazon.com/AmazonS3/latest/userguide/AddingObjectsToVersionSuspendedBuckets.html).
 */
function retireCurrent(bucket: S3Bucket, key: string, now: string): void {
  const keep = (version: S3ObjectVersion) => {
    if (bucket.Versioning === 'Suspended' && version.VersionId === 'null') return;
    (bucket.NoncurrentVersions ??= []).push(version);
  };
  const marker = bucket.DeleteMarkers?.find((m) => m.Key === key);
  if (marker) {
    bucket.DeleteMarkers = bucket.DeleteMarkers?.filter((m) => m !== marker) ?? [];
    keep({ Key: key, VersionId: marker.VersionId, Size: 0, LastModified: marker.LastModified, NoncurrentSince: now, IsDeleteMarker: true });
  }
  const current = getRecord(bucket.Objects, key);
  if (!current || bucket.Versioning === undefined) return;
  const { VersionId, ...held } = current;
  keep({ ...held, VersionId: VersionId ?? 'null', NoncurrentSince: now });
}

/** PutObject with a text body; the ETag is the quoted MD5 of the body, as for a single-part upload. A versioned bucket keeps the version it replaces. */
export function putObject(
  state: AccountState,
  input: { Bucket: string; Key: string; Body?: string; ContentType?: string; Metadata?: Record<string, string>; Tagging?: S3Tag[] },
  ctx: Ctx,
): { ETag: string; VersionId?: string } {
  const bucket = bucketOf(state, input.Bucket);
  const body = input.Body ?? '';
  const bytes = utf8Bytes(body);
  const now = new Date(ctx.clock.now()).toISOString();
  retireCurrent(bucket, input.Key, now);
  const versionId = bucket.Versioning === 'Enabled' ? ctx.ids.next('') : bucket.Versioning === 'Suspended' ? 'null' : undefined;
  const object: S3Object = {
    Key: input.Key,
    Size: bytes.length,
    ETag: `"${md5Hex(bytes)}"`,
    LastModified: now,
    Body: body,
    ...(input.ContentType !== undefined ? { ContentType: input.ContentType } : {}),
    ...(input.Metadata !== undefined ? { Metadata: recordsFrom(Object.entries(input.Metadata)) } : {}),
    ...(versionId !== undefined ? { VersionId: versionId } : {}),
    ...(input.Tagging !== undefined ? { TagSet: input.Tagging.map(({ Key, Value }) => ({ Key, Value })) } : {}),
  };
  setRecord(bucket.Objects, input.Key, object);
  return { ETag: object.ETag, ...(versionId !== undefined ? { VersionId: versionId } : {}) };
}

/**
 * DeleteObject without a version id: an unversioned bucket removes the object; a versioned one keeps it
 * as a noncurrent version under a new delete marker
 * (https://docs.aws.amazon.com/AmazonS3/latest/userguide/DeletingObjectVersions.html).
 */
export function deleteObject(state: AccountState, input: { Bucket: string; Key: string }, ctx: Ctx): { DeleteMarker?: boolean; VersionId?: string } {
  const bucket = bucketOf(state, input.Bucket);
  const now = new Date(ctx.clock.now()).toISOString();
  retireCurrent(bucket, input.Key, now);
  deleteRecord(bucket.Objects, input.Key);
  if (bucket.Versioning === undefined) return {};
  const VersionId = bucket.Versioning === 'Enabled' ? ctx.ids.next('') : 'null';
  (bucket.DeleteMarkers ??= []).push({ Key: input.Key, VersionId, LastModified: now });
  return { DeleteMarker: true, VersionId };
}

/** GetObject: the current version of the object, its body included. */
export function getObject(state: AccountState, input: { Bucket: string; Key: string }, _ctx: Ctx): S3Object {
  const object = getRecord(bucketOf(state, input.Bucket).Objects, input.Key);
  if (!object) throw new NoSuchKey(`the key \`${input.Key}\` does not exist`, input.Key);
  return { ...object, Body: object.Body ?? '' };
}

/** HeadObject: the object's metadata without the body. */
export function headObject(state: AccountState, input: { Bucket: string; Key: string }, ctx: Ctx): Omit<S3Object, 'Body'> {
  const { Body: _body, ...meta } = getObject(state, input, ctx);
  return meta;
}

/** HeadBucket: the bucket's region, or `NoSuchBucket`. */
export function headBucket(state: AccountState, input: { Bucket: string }, _ctx: Ctx): { BucketRegion: string } {
  return { BucketRegion: bucketOf(state, input.Bucket).BucketRegion };
}

/** GetBucketLocation: the region, with none for us-east-1 (https://docs.aws.amazon.com/AmazonS3/latest/API/API_GetBucketLocation.html). */
export function getBucketLocation(state: AccountState, input: { Bucket: string }, _ctx: Ctx): { LocationConstraint?: string } {
  const region = bucketOf(state, input.Bucket).BucketRegion;
  return region === 'us-east-1' ? {} : { LocationConstraint: region };
}

/**
 * DeleteBucket: only an empty bucket, and a versioned bucket is empty only once its noncurrent versions
 * and delete markers are gone too (https://docs.aws.amazon.com/AmazonS3/latest/userguide/delete-bucket.html).
 */
export function deleteBucket(state: AccountState, input: { Bucket: string }, _ctx: Ctx): Record<string, never> {
  const bucket = bucketOf(state, input.Bucket);
  const versions = (bucket.NoncurrentVersions?.length ?? 0) + (bucket.DeleteMarkers?.length ?? 0);
  if (Object.keys(bucket.Objects).length > 0 || versions > 0) {
    const hint = versions > 0 ? ': delete every object version and delete marker first' : '';
    throw new BucketNotEmpty(`the bucket \`${input.Bucket}\` is not empty${hint}`, input.Bucket);
  }
  deleteRecord(state.s3.buckets, input.Bucket);
  return {};
}
