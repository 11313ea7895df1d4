import type { Ctx } from '../ctx.ts';
import { deleteRecord, getRecord, setRecord } from '../records.ts';
import type { AccountState } from '../state.ts';
import { MethodNotAllowed, NoSuchVersion } from './errors.ts';
import { bucketOf, deleteObject, getObject } from './operations.ts';
import type { S3Bucket, S3Object } from './state.ts';

// Operations on one version of an object (https://docs.aws.amazon.com/AmazonS3/latest/userguide/DeletingObjectVersions.html):
// deleting a version removes it for good, and when it was the current one (an object or a delete marker)
// the newest noncurrent version of the key becomes current again, which is how a deleted object comes back.

const versionOf = (object: S3Object) => object.VersionId ?? 'null';

/** The newest noncurrent version of a key becomes current: an object again, or a delete marker. */
function promote(bucket: S3Bucket, key: string): void {
  const versions = bucket.NoncurrentVersions ?? [];
  const at = versions.findLastIndex((v) => v.Key === key);
  if (at < 0) return;
  const [version] = versions.splice(at, 1);
  if (!version) return;
  const { NoncurrentSince: _since, IsDeleteMarker, ...held } = version;
  if (IsDeleteMarker) (bucket.DeleteMarkers ??= []).push({ Key: key, VersionId: version.VersionId, LastModified: version.LastModified });
  else setRecord(bucket.Objects, key, { ...held, ETag: held.ETag ?? '', Body: held.Body ?? '' });
}

/** DeleteObject with a version id: that version or delete marker is gone for good; deleting one that does not exist succeeds. */
export function deleteObjectVersion(state: AccountState, input: { Bucket: string; Key: string; VersionId: string }, _ctx: Ctx): { VersionId: string; DeleteMarker?: boolean } {
  const bucket = bucketOf(state, input.Bucket);
  const { Key: key, VersionId: id } = input;
  const current = getRecord(bucket.Objects, key);
  if (current && versionOf(current) === id) {
    deleteRecord(bucket.Objects, key);
    promote(bucket, key);
    return { VersionId: id };
  }
  const marker = bucket.DeleteMarkers?.find((m) => m.Key === key && m.VersionId === id);
  if (marker) {
    bucket.DeleteMarkers = bucket.DeleteMarkers?.filter((m) => m !== marker) ?? [];
    promote(bucket, key);
    return { VersionId: id, DeleteMarker: true };
  }
  const old = bucket.NoncurrentVersions?.find((v) => v.Key === key && v.VersionId === id);
  if (old) bucket.NoncurrentVersions = bucket.NoncurrentVersions?.filter((v) => v !== old) ?? [];
  return { VersionId: id, ...(old?.IsDeleteMarker ? { DeleteMarker: true } : {}) };
}

/** GetObject with a version id: that version's content; a delete marker cannot be read (405, API_GetObject.html). */
export function getObjectVersion(state: AccountState, input: { Bucket: string; Key: string; VersionId: string }, _ctx: Ctx): S3Object {
  const bucket = bucketOf(state, input.Bucket);
  const current = getRecord(bucket.Objects, input.Key);
  if (current && versionOf(current) === input.VersionId) return { ...current, Body: current.Body ?? '' };
  const isMarker = bucket.DeleteMarkers?.some((m) => m.Key === input.Key && m.VersionId === input.VersionId);
  const old = bucket.NoncurrentVersions?.find((v) => v.Key === input.Key && v.VersionId === input.VersionId);
  if (isMarker || old?.IsDeleteMarker) throw new MethodNotAllowed(`version \`${input.VersionId}\` of \`${input.Key}\` is a delete marker, which has no content`);
  if (!old) throw new NoSuchVersion(`the key \`${input.Key}\` has no version \`${input.VersionId}\``, input.Key);
  const { NoncurrentSince: _since, IsDeleteMarker: _marker, ...held } = old;
  return { ...held, ETag: held.ETag ?? '', Body: held.Body ?? '' };
}

type ObjectInput = { Bucket: string; Key: string; VersionId?: string };
const versioned = (input: ObjectInput): input is ObjectInput & { VersionId: string } => input.VersionId !== undefined;

/** DeleteObject: of the current version, or of the version the request names. */
export function deleteObjectOrVersion(state: AccountState, input: ObjectInput, ctx: Ctx) {
  return versioned(input) ? deleteObjectVersion(state, input, ctx) : deleteObject(state, input, ctx);
}

/** GetObject: the current version, or the version the request names. */
export function getObjectOrVersion(state: AccountState, input: ObjectInput, ctx: Ctx): S3Object {
  return versioned(input) ? getObjectVersion(state, input, ctx) : getObject(state, input, ctx);
}

/** HeadObject: GetObject without the body. */
export function headObjectOrVersion(state: AccountState, input: ObjectInput, ctx: Ctx): Omit<S3Object, 'Body'> {
  const { Body: _body, ...meta } = getObjectOrVersion(state, input, ctx);
  return meta;
}
