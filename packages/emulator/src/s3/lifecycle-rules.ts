import type { S3LifecycleRule } from '@skylab/validation';
import type { S3Tag } from './state.ts';

// What the lifecycle validation and evaluator share: the storage class waterfall, which objects a rule's
// filter selects, and the day boundaries S3 counts from
// (https://docs.aws.amazon.com/AmazonS3/latest/userguide/lifecycle-transition-general-considerations.html).

/** Storage classes in the waterfall order lifecycle transitions follow: only ever to the right. */
export const STORAGE_CLASS_WATERFALL = ['STANDARD', 'STANDARD_IA', 'INTELLIGENT_TIERING', 'ONEZONE_IA', 'GLACIER_IR', 'GLACIER', 'DEEP_ARCHIVE'] as const;

/** A storage class of the waterfall. */
export type StorageClass = (typeof STORAGE_CLASS_WATERFALL)[number];

/** Where a class sits in the waterfall (higher is colder). */
export const depth = (storageClass: string): number => STORAGE_CLASS_WATERFALL.indexOf(storageClass as StorageClass);

/** Classes that take objects only after 30 days (API_Transition.html, `Days`). */
export const THIRTY_DAY_CLASSES = new Set(['STANDARD_IA', 'ONEZONE_IA']);

/**
 * Objects smaller than 128 KB are not transitioned by default since September 2024
 * (lifecycle-transition-general-considerations.html, PutBucketLifecycleConfiguration's TransitionDefaultMinimumObjectSize
 * `all_storage_classes_128K`) unless the rule's filter names its own `ObjectSizeGreaterThan`.
 */
export const DEFAULT_TRANSITION_MINIMUM_SIZE = 128 * 1024;

export const DAY_MS = 86_400_000;

/**
 * When a rule of `days` acts on something that started at `start` (epoch ms): S3 adds the days and rounds
 * up to the next midnight UTC ("created on 1/15/2014 10:30 AM UTC, 3 days: 1/19/2014 00:00 UTC",
 * https://docs.aws.amazon.com/AmazonS3/latest/userguide/intro-lifecycle-rules.html#intro-lifecycle-rules-number-of-days).
 */
export function dayBoundary(start: number, days: number): number {
  const end = start + days * DAY_MS;
  return Math.floor(end / DAY_MS) * DAY_MS + DAY_MS;
}

/** A rule's name in messages: its `ID`, or its place. */
export const ruleName = (rule: S3LifecycleRule, index: number): string => (rule.ID !== undefined && rule.ID !== '' ? `\`${rule.ID}\`` : `rule ${index + 1}`);

/** The filter's predicates, flattened: the legacy top-level `Prefix` counts as a prefix filter. */
export function predicates(rule: S3LifecycleRule): { prefix?: string; tags: S3Tag[]; greaterThan?: number; lessThan?: number } {
  const f = rule.Filter ?? {};
  const and = f.And ?? {};
  const prefix = f.Prefix ?? and.Prefix ?? rule.Prefix;
  const greaterThan = f.ObjectSizeGreaterThan ?? and.ObjectSizeGreaterThan;
  const lessThan = f.ObjectSizeLessThan ?? and.ObjectSizeLessThan;
  return {
    ...(prefix !== undefined ? { prefix } : {}),
    tags: [...(f.Tag ? [f.Tag] : []), ...(and.Tags ?? [])],
    ...(greaterThan !== undefined ? { greaterThan } : {}),
    ...(lessThan !== undefined ? { lessThan } : {}),
  };
}

/** Whether a rule's filter selects an object: its key prefix, every tag, and the size bounds (both strict). */
export function ruleSelects(rule: S3LifecycleRule, object: { key: string; size: number; tags?: readonly S3Tag[] }): boolean {
  const p = predicates(rule);
  if (p.prefix !== undefined && !object.key.startsWith(p.prefix)) return false;
  if (!p.tags.every((t) => (object.tags ?? []).some((o) => o.Key === t.Key && o.Value === t.Value))) return false;
  if (p.greaterThan !== undefined && !(object.size > p.greaterThan)) return false;
  if (p.lessThan !== undefined && !(object.size < p.lessThan)) return false;
  return true;
}

/** Whether a rule's transitions may move an object of this size, given the 128 KB default minimum. */
export function transitionsSize(rule: S3LifecycleRule, size: number): boolean {
  return predicates(rule).greaterThan !== undefined || size >= DEFAULT_TRANSITION_MINIMUM_SIZE;
}
