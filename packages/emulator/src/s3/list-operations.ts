import type { Ctx } from '../ctx.ts';
import type { AccountState } from '../state.ts';
import { InvalidArgument } from './errors.ts';
import { bucketOf } from './operations.ts';
import type { S3Bucket } from './state.ts';

// ListObjectsV2 (https://docs.aws.amazon.com/AmazonS3/latest/API/API_ListObjectsV2.html) and
// ListObjectVersions (https://docs.aws.amazon.com/AmazonS3/latest/API/API_ListObjectVersions.html): keys in
// UTF-8 binary order, at most `MaxKeys` (1000) entries a page, keys sharing a prefix up to the delimiter
// rolled up into one `CommonPrefixes` entry that counts as one.

/** The most entries a list page holds, and the default. */
export const MAX_LIST_KEYS = 1000;

/** UTF-8 binary order is code point order, which UTF-16 comparison breaks for characters above U+FFFF. */
export function compareKeys(a: string, b: string): number {
  const x = [...a];
  const y = [...b];
  for (let i = 0; i < Math.min(x.length, y.length); i++) {
    const d = (x[i]!.codePointAt(0) ?? 0) - (y[i]!.codePointAt(0) ?? 0);
    if (d !== 0) return d;
  }
  return x.length - y.length;
}

interface ListInput {
  Bucket: string;
  Prefix?: string;
  Delimiter?: string;
  MaxKeys?: number;
}

function maxKeys(value: number | undefined): number {
  if (value === undefined) return MAX_LIST_KEYS;
  if (!Number.isInteger(value) || value < 0) throw new InvalidArgument(`\`max-keys\` must be a whole number from 0, not \`${value}\``);
  return Math.min(value, MAX_LIST_KEYS);
}

/** The prefix up to and including the delimiter after `prefix`, when the key has one. */
function rolledUp(key: string, prefix: string, delimiter: string | undefined): string | undefined {
  if (!delimiter) return undefined;
  const at = key.indexOf(delimiter, prefix.length);
  return at < 0 ? undefined : key.slice(0, at + delimiter.length);
}

interface Page<T> {
  entries: T[];
  prefixes: string[];
  truncated: boolean;
  /** The key of the last entry or prefix on the page. */
  last?: string;
}

/** One page of keyed entries (sorted), with common prefixes rolled up, each prefix counting as one entry. */
function page<T>(items: readonly T[], keyOf: (item: T) => string, input: ListInput, limit: number): Page<T> {
  const prefix = input.Prefix ?? '';
  const out: Page<T> = { entries: [], prefixes: [], truncated: false };
  for (const item of items) {
    const key = keyOf(item);
    if (!key.startsWith(prefix)) continue;
    const common = rolledUp(key, prefix, input.Delimiter);
    if (common !== undefined && common === out.prefixes.at(-1)) continue;
    if (out.entries.length + out.prefixes.length >= limit) {
      out.truncated = true;
      break;
    }
    if (common !== undefined) out.prefixes.push(common);
    else out.entries.push(item);
    out.last = common ?? key;
  }
  return out;
}

// The continuation token is opaque to clients: here the last key of the page, percent-encoded.
function tokenKey(token: string): string {
  try {
    return decodeURIComponent(token);
  } catch {
    throw new InvalidArgument('the continuation token is not valid');
  }
}

/** ListObjectsV2: the current objects, by key. */
export function listObjectsV2(
  state: AccountState,
  input: ListInput & { ContinuationToken?: string; StartAfter?: string },
  _ctx: Ctx,
) {
  const bucket = bucketOf(state, input.Bucket);
  const limit = maxKeys(input.MaxKeys);
  const after = input.ContinuationToken !== undefined ? tokenKey(input.ContinuationToken) : (input.StartAfter ?? '');
  const objects = Object.values(bucket.Objects)
    .filter((o) => compareKeys(o.Key, after) > 0 && !(input.ContinuationToken !== undefined && input.Delimiter && rolledUp(o.Key, input.Prefix ?? '', input.Delimiter) === after))
    .sort((a, b) => compareKeys(a.Key, b.Key));
  const result = page(objects, (o) => o.Key, input, limit);
  return {
    Name: bucket.Name,
    Prefix: input.Prefix ?? '',
    ...(input.Delimiter !== undefined ? { Delimiter: input.Delimiter } : {}),
    MaxKeys: limit,
    KeyCount: result.entries.length + result.prefixes.length,
    IsTruncated: result.truncated,
    ...(input.ContinuationToken !== undefined ? { ContinuationToken: input.ContinuationToken } : {}),
    ...(result.truncated && result.last !== undefined ? { NextContinuationToken: encodeURIComponent(result.last) } : {}),
    ...(input.StartAfter !== undefined ? { StartAfter: input.StartAfter } : {}),
    Contents: result.entries.map((o) => ({ Key: o.Key, LastModified: o.LastModified, ETag: o.ETag, Size: o.Size, StorageClass: 'STANDARD' })),
    CommonPrefixes: result.prefixes.map((p) => ({ Prefix: p })),
  };
}

interface VersionEntry {
  Key: string;
  VersionId: string;
  IsLatest: boolean;
  LastModified: string;
  Size?: number;
  ETag?: string;
  IsDeleteMarker: boolean;
}

/** Every version of every key, by key and newest first: the current one (or delete marker), then the noncurrent ones. */
function versionsOf(bucket: S3Bucket): VersionEntry[] {
  const entries: VersionEntry[] = [
    ...Object.values(bucket.Objects).map((o) => ({ Key: o.Key, VersionId: o.VersionId ?? 'null', IsLatest: true, LastModified: o.LastModified, Size: o.Size, ETag: o.ETag, IsDeleteMarker: false })),
    ...(bucket.DeleteMarkers ?? []).map((m) => ({ Key: m.Key, VersionId: m.VersionId, IsLatest: true, LastModified: m.LastModified, IsDeleteMarker: true })),
    // Noncurrent versions are kept oldest first, as they were retired.
    ...[...(bucket.NoncurrentVersions ?? [])].reverse().map((v) => ({ Key: v.Key, VersionId: v.VersionId, IsLatest: false, LastModified: v.LastModified, Size: v.Size, ...(v.ETag !== undefined ? { ETag: v.ETag } : {}), IsDeleteMarker: v.IsDeleteMarker === true })),
  ];
  // A stable sort keeps each key's versions newest first.
  return entries.sort((a, b) => compareKeys(a.Key, b.Key) || Number(b.IsLatest) - Number(a.IsLatest));
}

/** Whether an entry comes after the markers: past the key marker, or past the version marker within its key. */
function afterMarkers(entries: VersionEntry[], keyMarker: string | undefined, versionIdMarker: string | undefined): VersionEntry[] {
  if (keyMarker === undefined) return entries;
  if (versionIdMarker === undefined) return entries.filter((e) => compareKeys(e.Key, keyMarker) > 0);
  const at = entries.findIndex((e) => e.Key === keyMarker && e.VersionId === versionIdMarker);
  if (at < 0) throw new InvalidArgument(`the version id marker \`${versionIdMarker}\` is not a version of \`${keyMarker}\``);
  return entries.slice(at + 1);
}

/** ListObjectVersions: every version and delete marker, by key and newest first. */
export function listObjectVersions(state: AccountState, input: ListInput & { KeyMarker?: string; VersionIdMarker?: string }, _ctx: Ctx) {
  const bucket = bucketOf(state, input.Bucket);
  const limit = maxKeys(input.MaxKeys);
  const result = page(afterMarkers(versionsOf(bucket), input.KeyMarker, input.VersionIdMarker), (e) => e.Key, input, limit);
  const lastEntry = result.entries.at(-1);
  const next = !result.truncated ? {} : lastEntry && lastEntry.Key === result.last ? { NextKeyMarker: lastEntry.Key, NextVersionIdMarker: lastEntry.VersionId } : { NextKeyMarker: result.last };
  const view = ({ IsDeleteMarker: _marker, ...entry }: VersionEntry) => entry;
  return {
    Name: bucket.Name,
    Prefix: input.Prefix ?? '',
    ...(input.Delimiter !== undefined ? { Delimiter: input.Delimiter } : {}),
    KeyMarker: input.KeyMarker ?? '',
    VersionIdMarker: input.VersionIdMarker ?? '',
    MaxKeys: limit,
    IsTruncated: result.truncated,
    ...next,
    Versions: result.entries.filter((e) => !e.IsDeleteMarker).map((e) => ({ ...view(e), StorageClass: 'STANDARD' })),
    DeleteMarkers: result.entries.filter((e) => e.IsDeleteMarker).map(({ Key, VersionId, IsLatest, LastModified }) => ({ Key, VersionId, IsLatest, LastModified })),
    CommonPrefixes: result.prefixes.map((p) => ({ Prefix: p })),
  };
}
