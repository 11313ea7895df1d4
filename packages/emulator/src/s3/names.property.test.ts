import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { emptyAccountState, restoreAccountState } from '../state.ts';
import { awsErrorCode, testCtx } from '../test-ctx.ts';
import { HOSTILE_NAMES, nameArbitrary } from '../test-names.ts';
import { createBucket, headObject, listBuckets, putObject } from './operations.ts';

// Bucket names and object keys such as `constructor` or `__proto__` are stored and found like any other.
const ctx = testCtx();

describe('S3 names', () => {
  it('round-trip bucket names and object keys, hostile ones included, through storage', () => {
    const bucket = nameArbitrary('[a-z0-9]', 20).filter((n) => n.length >= 3);
    const key = fc.oneof(fc.constantFrom(...HOSTILE_NAMES), fc.string({ minLength: 1, maxLength: 30 }));
    fc.assert(
      fc.property(bucket, fc.uniqueArray(key, { minLength: 1, maxLength: 4 }), (name, keys) => {
        let state = emptyAccountState();
        expect(awsErrorCode(() => headObject(state, { Bucket: name, Key: keys[0]! }, ctx))).toBe('NoSuchBucket');
        createBucket(state, { Bucket: name }, ctx);
        for (const k of keys) expect(awsErrorCode(() => headObject(state, { Bucket: name, Key: k }, ctx))).toBe('NoSuchKey');
        for (const k of keys) putObject(state, { Bucket: name, Key: k, Body: k, Metadata: Object.fromEntries([[k, 'v']]) }, ctx);
        state = restoreAccountState(JSON.parse(JSON.stringify(state)));
        expect(listBuckets(state, {}, ctx).Buckets.map((b) => b.Name)).toEqual([name]);
        for (const k of keys) expect(headObject(state, { Bucket: name, Key: k }, ctx)).toMatchObject({ Key: k, Metadata: Object.fromEntries([[k, 'v']]) });
        // Re-creating an own bucket in us-east-1 succeeds and changes nothing (API_CreateBucket.html).
        createBucket(state, { Bucket: name }, ctx);
        for (const k of keys) expect(headObject(state, { Bucket: name, Key: k }, ctx).Key).toBe(k);
      }),
      { numRuns: 60 },
    );
  });
});
