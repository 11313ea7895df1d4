import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lifecycleFate } from './lifecycle-evaluate.ts';
import { validLifecycleConfiguration } from './lifecycle-validation.ts';
import { DAY_MS, dayBoundary, depth } from './lifecycle-rules.ts';
import { AwsError } from '../errors.ts';

// Properties of the lifecycle engine on random configurations S3 accepts: time only moves a version
// colder or out (never back), and day boundaries are midnights after the days have passed
// (https://docs.aws.amazon.com/AmazonS3/latest/userguide/intro-lifecycle-rules.html).

const CLASSES = ['STANDARD_IA', 'INTELLIGENT_TIERING', 'ONEZONE_IA', 'GLACIER_IR', 'GLACIER', 'DEEP_ARCHIVE'] as const;
const ruleArb = fc.record({
  prefix: fc.constantFrom('', 'logs/', 'logs/a', 'data/'),
  transitions: fc.uniqueArray(fc.record({ Days: fc.integer({ min: 0, max: 400 }), StorageClass: fc.constantFrom(...CLASSES) }), { maxLength: 3, selector: (t) => t.StorageClass }),
  expiration: fc.option(fc.integer({ min: 1, max: 800 }), { nil: undefined }),
  noncurrent: fc.option(fc.integer({ min: 1, max: 800 }), { nil: undefined }),
});

function accepted(rules: typeof ruleArb extends fc.Arbitrary<infer R> ? R[] : never) {
  try {
    return validLifecycleConfiguration({
      Rules: rules.map((r, i) => ({
        ID: `r${i}`,
        Status: 'Enabled',
        Filter: { Prefix: r.prefix },
        ...(r.transitions.length ? { Transitions: r.transitions } : {}),
        ...(r.expiration !== undefined ? { Expiration: { Days: r.expiration } } : {}),
        ...(r.noncurrent !== undefined ? { NoncurrentVersionExpiration: { NoncurrentDays: r.noncurrent } } : {}),
      })),
    });
  } catch (error) {
    if (error instanceof AwsError) return undefined;
    throw error;
  }
}

const ORDER = { current: 0, noncurrent: 1, deleted: 2 } as const;

describe('lifecycle engine properties', () => {
  it('a version never gets warmer, nor comes back, as time passes', () => {
    fc.assert(
      fc.property(fc.array(ruleArb, { minLength: 1, maxLength: 3 }), fc.constantFrom(undefined, 'Enabled' as const), fc.integer({ min: 0, max: 2_000_000 }), fc.integer({ min: 0, max: 900 }), fc.integer({ min: 1, max: 900 }), (rules, versioning, size, d1, extra) => {
        const config = accepted(rules);
        fc.pre(config !== undefined);
        const subject = { key: 'logs/app.log', size, created: Date.UTC(2026, 0, 1, 10, 30), versionId: 'v1' };
        const early = lifecycleFate(config, versioning, subject, subject.created + d1 * DAY_MS);
        const late = lifecycleFate(config, versioning, subject, subject.created + (d1 + extra) * DAY_MS);
        expect(ORDER[late.state]).toBeGreaterThanOrEqual(ORDER[early.state]);
        if (late.state !== 'deleted') expect(depth(late.storageClass)).toBeGreaterThanOrEqual(depth(early.storageClass));
      }),
    );
  });

  it('a day boundary is a midnight UTC after the start plus the days, less than a day later', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 4_000_000_000_000 }), fc.integer({ min: 0, max: 3650 }), (start, days) => {
        const boundary = dayBoundary(start, days);
        expect(boundary % DAY_MS).toBe(0);
        expect(boundary).toBeGreaterThan(start + days * DAY_MS);
        expect(boundary - (start + days * DAY_MS)).toBeLessThanOrEqual(DAY_MS);
      }),
    );
  });
});
