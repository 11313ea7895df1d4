import { describe, expect, it } from 'vitest';
import { emptyAccountState } from '../state.ts';
import { awsErrorCode, testCtx } from '../test-ctx.ts';
import { putBucketAcl, putBucketVersioning } from './bucket-settings-operations.ts';
import { lifecycleFate } from './lifecycle-evaluate.ts';
import { putBucketLifecycleConfiguration } from './lifecycle-operations.ts';
import { dayBoundary } from './lifecycle-rules.ts';
import { createBucket, deleteObject, putObject } from './operations.ts';
import type { BucketLifecycleConfiguration } from './state.ts';

const RULES = 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/intro-lifecycle-rules.html';
const TRANSITIONS = 'https://docs.aws.amazon.com/AmazonS3/latest/userguide/lifecycle-transition-general-considerations.html';
const DAY = 86_400_000;

const put = (LifecycleConfiguration: unknown) => {
  const state = emptyAccountState();
  createBucket(state, { Bucket: 'logs' }, testCtx());
  return awsErrorCode(() => putBucketLifecycleConfiguration(state, { Bucket: 'logs', LifecycleConfiguration }, testCtx()));
};
const rule = (fields: Record<string, unknown>) => ({ Rules: [{ ID: 'r', Status: 'Enabled', Filter: { Prefix: 'logs/' }, ...fields }] });

describe(`PutBucketLifecycleConfiguration validation, per ${TRANSITIONS} and https://docs.aws.amazon.com/AmazonS3/latest/API/API_Transition.html`, () => {
  it.each([
    ['Glacier after 30 days, expiry after 365', rule({ Transitions: [{ Days: 30, StorageClass: 'GLACIER' }], Expiration: { Days: 365 } }), undefined],
    ['Glacier on day 0', rule({ Transitions: [{ Days: 0, StorageClass: 'GLACIER' }] }), undefined],
    ['STANDARD_IA before 30 days', rule({ Transitions: [{ Days: 7, StorageClass: 'STANDARD_IA' }] }), 'InvalidArgument'],
    ['ONEZONE_IA before 30 days', rule({ NoncurrentVersionTransitions: [{ NoncurrentDays: 10, StorageClass: 'ONEZONE_IA' }] }), 'InvalidArgument'],
    ['against the waterfall', rule({ Transitions: [{ Days: 30, StorageClass: 'GLACIER' }, { Days: 60, StorageClass: 'STANDARD_IA' }] }), 'InvalidArgument'],
    ['down the waterfall', rule({ Transitions: [{ Days: 30, StorageClass: 'STANDARD_IA' }, { Days: 60, StorageClass: 'GLACIER_IR' }, { Days: 180, StorageClass: 'DEEP_ARCHIVE' }] }), undefined],
    ['expiry before the transition', rule({ Transitions: [{ Days: 90, StorageClass: 'GLACIER' }], Expiration: { Days: 60 } }), 'InvalidArgument'],
    ['no action', rule({}), 'InvalidRequest'],
    ['two filter predicates without And', rule({ Filter: { Prefix: 'a/', ObjectSizeGreaterThan: 10 }, Expiration: { Days: 1 } }), 'MalformedXML'],
    ['And with one predicate', rule({ Filter: { And: { Prefix: 'a/' } }, Expiration: { Days: 1 } }), 'MalformedXML'],
    ['size bounds crossed', rule({ Filter: { And: { ObjectSizeGreaterThan: 100, ObjectSizeLessThan: 50 } }, Expiration: { Days: 1 } }), 'InvalidArgument'],
    ['ExpiredObjectDeleteMarker with a tag', rule({ Filter: { Tag: { Key: 'a', Value: 'b' } }, Expiration: { ExpiredObjectDeleteMarker: true } }), 'InvalidRequest'],
    ['Days and ExpiredObjectDeleteMarker', rule({ Expiration: { Days: 3, ExpiredObjectDeleteMarker: true } }), 'MalformedXML'],
    ['abort uploads with a size filter', rule({ Filter: { ObjectSizeGreaterThan: 5 }, AbortIncompleteMultipartUpload: { DaysAfterInitiation: 7 } }), 'InvalidRequest'],
    ['an unknown field', rule({ Expiration: { Days: 1 }, Replication: {} }), 'MalformedXML'],
    ['duplicate ids', { Rules: [rule({ Expiration: { Days: 1 } }).Rules[0], rule({ Expiration: { Days: 2 } }).Rules[0]] }, 'InvalidArgument'],
    ['NewerNoncurrentVersions, not modelled', rule({ NoncurrentVersionExpiration: { NoncurrentDays: 30, NewerNoncurrentVersions: 3 } }), 'NotImplemented'],
  ])('%s: %s', (_, config, code) => {
    expect(put(config)).toBe(code);
  });
});

describe(`lifecycle on a virtual clock, per ${RULES}`, () => {
  it('adds the days to the creation time and rounds up to the next midnight UTC', () => {
    // The page's example: created 1/15/2014 10:30 AM UTC, 3 days → 1/19/2014 00:00 UTC.
    expect(new Date(dayBoundary(Date.UTC(2014, 0, 15, 10, 30), 3)).toISOString()).toBe('2014-01-19T00:00:00.000Z');
  });

  const config: BucketLifecycleConfiguration = {
    Rules: [
      { ID: 'archive', Status: 'Enabled', Filter: { Prefix: 'logs/' }, Transitions: [{ Days: 30, StorageClass: 'STANDARD_IA' }, { Days: 90, StorageClass: 'GLACIER' }], Expiration: { Days: 365 }, NoncurrentVersionExpiration: { NoncurrentDays: 30 } },
    ],
  };
  const created = Date.UTC(2026, 0, 1, 10, 30);
  const big = { key: 'logs/app.log', size: 1_000_000, created };
  const at = (day: number) => Date.UTC(2026, 0, 1) + day * DAY;

  it.each([
    [30, 'STANDARD', 'current'],
    [31, 'STANDARD_IA', 'current'],
    [91, 'GLACIER', 'current'],
    [366, 'GLACIER', 'deleted'],
  ])('day %s: %s, %s', (day, storageClass, state) => {
    expect(lifecycleFate(config, undefined, big, at(day))).toMatchObject({ storageClass, state });
  });

  it('objects outside the prefix, or under 128 KB, do not transition', () => {
    expect(lifecycleFate(config, undefined, { ...big, key: 'other/app.log' }, at(400)).state).toBe('current');
    expect(lifecycleFate(config, undefined, { ...big, size: 1024 }, at(200))).toMatchObject({ storageClass: 'STANDARD', state: 'current' });
  });

  it('in a versioned bucket an expired object becomes noncurrent, then the noncurrent rule deletes it', () => {
    expect(lifecycleFate(config, 'Enabled', { ...big, versionId: 'v1' }, at(370))).toMatchObject({ state: 'noncurrent', storageClass: 'GLACIER' });
    expect(lifecycleFate(config, 'Enabled', { ...big, versionId: 'v1' }, at(397)).state).toBe('deleted');
  });

  it('ExpiredObjectDeleteMarker removes a delete marker once no other version of its key is left', () => {
    const cleanup: BucketLifecycleConfiguration = { Rules: [{ ID: 'markers', Status: 'Enabled', Filter: {}, Expiration: { ExpiredObjectDeleteMarker: true } }] };
    const marker = { key: 'logs/gone.log', size: 0, created, isDeleteMarker: true };
    expect(lifecycleFate(cleanup, 'Enabled', { ...marker, otherVersionsLeft: 0 }, at(1)).state).toBe('deleted');
    expect(lifecycleFate(cleanup, 'Enabled', { ...marker, otherVersionsLeft: 1 }, at(1)).state).toBe('current');
    expect(lifecycleFate(config, 'Enabled', { ...marker, otherVersionsLeft: 0 }, at(1)).state).toBe('current');
  });

  it('a noncurrent version counts from when it became noncurrent', () => {
    const old = { ...big, versionId: 'v0', noncurrentSince: Date.UTC(2026, 1, 1, 8) };
    expect(lifecycleFate(config, 'Enabled', old, Date.UTC(2026, 2, 3)).state).toBe('noncurrent');
    expect(lifecycleFate(config, 'Enabled', old, Date.UTC(2026, 2, 4)).state).toBe('deleted');
  });
});

describe('versioning (https://docs.aws.amazon.com/AmazonS3/latest/userguide/Versioning.html)', () => {
  it('keeps overwritten and deleted versions as noncurrent, behind a delete marker', () => {
    const state = emptyAccountState();
    const ctx = testCtx();
    createBucket(state, { Bucket: 'logs' }, ctx);
    putBucketVersioning(state, { Bucket: 'logs', VersioningConfiguration: { Status: 'Enabled' } }, ctx);
    putObject(state, { Bucket: 'logs', Key: 'a', Body: '1' }, ctx);
    putObject(state, { Bucket: 'logs', Key: 'a', Body: '2' }, ctx);
    expect(deleteObject(state, { Bucket: 'logs', Key: 'a' }, ctx).DeleteMarker).toBe(true);
    const bucket = state.s3.buckets.logs;
    expect(bucket?.NoncurrentVersions?.map((v) => v.Size)).toEqual([1, 1]);
    expect(bucket?.DeleteMarkers).toHaveLength(1);
    expect(awsErrorCode(() => putBucketVersioning(state, { Bucket: 'logs', VersioningConfiguration: { Status: 'Off' } }, ctx))).toBe('MalformedXML');
  });
});

describe('ACLs (https://docs.aws.amazon.com/AmazonS3/latest/userguide/about-object-ownership.html)', () => {
  it.each([
    [{ ACL: 'private' }, undefined],
    [{ ACL: 'public-read' }, 'AccessControlListNotSupported'],
    [{ AccessControlPolicy: { Grants: [] } }, 'NotImplemented'],
  ])('PutBucketAcl %j: %s', (input, code) => {
    const state = emptyAccountState();
    createBucket(state, { Bucket: 'logs' }, testCtx());
    expect(awsErrorCode(() => putBucketAcl(state, { Bucket: 'logs', ...input }, testCtx()))).toBe(code);
  });
});
