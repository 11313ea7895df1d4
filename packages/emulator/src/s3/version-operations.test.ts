import { describe, expect, it } from 'vitest';
import { emptyAccountState } from '../state.ts';
import { awsErrorCode, testCtx } from '../test-ctx.ts';
import { putBucketVersioning } from './bucket-settings-operations.ts';
import { listObjectVersions } from './list-operations.ts';
import { createBucket, deleteBucket, deleteObject, getObject, putObject } from './operations.ts';
import { deleteObjectVersion, getObjectVersion } from './version-operations.ts';

const ctx = testCtx();

/** A versioned bucket where `report.csv` was written twice (v1, v2) and then deleted (a marker). */
function history() {
  const state = emptyAccountState();
  createBucket(state, { Bucket: 'docs' }, ctx);
  putBucketVersioning(state, { Bucket: 'docs', VersioningConfiguration: { Status: 'Enabled' } }, ctx);
  const v1 = putObject(state, { Bucket: 'docs', Key: 'report.csv', Body: 'one', ContentType: 'text/csv' }, ctx).VersionId!;
  const v2 = putObject(state, { Bucket: 'docs', Key: 'report.csv', Body: 'two' }, ctx).VersionId!;
  const marker = deleteObject(state, { Bucket: 'docs', Key: 'report.csv' }, ctx).VersionId!;
  return { state, v1, v2, marker };
}

// https://docs.aws.amazon.com/AmazonS3/latest/userguide/DeletingObjectVersions.html and RestoringPreviousVersions.html
describe('object versions', () => {
  it('deleting the delete marker brings the object back, content and all', () => {
    const { state, v2, marker } = history();
    expect(awsErrorCode(() => getObject(state, { Bucket: 'docs', Key: 'report.csv' }, ctx))).toBe('NoSuchKey');
    expect(deleteObjectVersion(state, { Bucket: 'docs', Key: 'report.csv', VersionId: marker }, ctx)).toEqual({ VersionId: marker, DeleteMarker: true });
    expect(getObject(state, { Bucket: 'docs', Key: 'report.csv' }, ctx)).toMatchObject({ Body: 'two', VersionId: v2, ETag: '"b8a9f715dbb64fd5c56e7783c6820a61"' });
  });

  it('reads an older version, and refuses a delete marker (405) or an unknown version', () => {
    const { state, v1, marker } = history();
    expect(getObjectVersion(state, { Bucket: 'docs', Key: 'report.csv', VersionId: v1 }, ctx)).toMatchObject({ Body: 'one', ContentType: 'text/csv', Size: 3 });
    expect(awsErrorCode(() => getObjectVersion(state, { Bucket: 'docs', Key: 'report.csv', VersionId: marker }, ctx))).toBe('MethodNotAllowed');
    expect(awsErrorCode(() => getObjectVersion(state, { Bucket: 'docs', Key: 'report.csv', VersionId: 'nope' }, ctx))).toBe('NoSuchVersion');
  });

  it('deleting every version and marker empties the bucket, so it can be deleted', () => {
    const { state, v1, v2, marker } = history();
    for (const VersionId of [v1, marker, v2]) deleteObjectVersion(state, { Bucket: 'docs', Key: 'report.csv', VersionId }, ctx);
    expect(listObjectVersions(state, { Bucket: 'docs' }, ctx)).toMatchObject({ Versions: [], DeleteMarkers: [] });
    expect(deleteBucket(state, { Bucket: 'docs' }, ctx)).toEqual({});
  });

  it('deleting the current version makes the previous one current', () => {
    const state = emptyAccountState();
    createBucket(state, { Bucket: 'docs' }, ctx);
    putBucketVersioning(state, { Bucket: 'docs', VersioningConfiguration: { Status: 'Enabled' } }, ctx);
    const v1 = putObject(state, { Bucket: 'docs', Key: 'a', Body: 'first' }, ctx).VersionId!;
    const v2 = putObject(state, { Bucket: 'docs', Key: 'a', Body: 'second' }, ctx).VersionId!;
    deleteObjectVersion(state, { Bucket: 'docs', Key: 'a', VersionId: v2 }, ctx);
    expect(getObject(state, { Bucket: 'docs', Key: 'a' }, ctx)).toMatchObject({ Body: 'first', VersionId: v1 });
  });
});
