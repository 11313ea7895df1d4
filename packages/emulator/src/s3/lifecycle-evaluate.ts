import type { S3LifecycleRule } from '@skylab/validation';
import { dayBoundary, depth, ruleName, ruleSelects, transitionsSize, type StorageClass } from './lifecycle-rules.ts';
import type { BucketLifecycleConfiguration, S3Tag } from './state.ts';

// A lifecycle configuration run on a virtual clock: what storage class each object version is in at a
// date, and which are gone, with the rule and day boundary that decided it
// (https://docs.aws.amazon.com/AmazonS3/latest/userguide/intro-lifecycle-rules.html and
// https://docs.aws.amazon.com/AmazonS3/latest/userguide/lifecycle-expire-general-considerations.html).
// When several actions apply, expiration wins over transition, and among transitions the coldest class
// wins ("Amazon S3 chooses the S3 Glacier Flexible Retrieval transition", lifecycle-conflicts.html).

/** An object version as the evaluator sees it. */
export interface LifecycleSubject {
  key: string;
  size: number;
  tags?: readonly S3Tag[];
  /** When the version was created (epoch ms). */
  created: number;
  /** For a noncurrent version: when a newer version replaced it (epoch ms). */
  noncurrentSince?: number;
  /** `null` for a version stored while the bucket was unversioned or suspended. */
  versionId?: string;
  isDeleteMarker?: boolean;
  /** For a current delete marker: how many other versions of its key are left. */
  otherVersionsLeft?: number;
  storageClass?: StorageClass;
}

/** What became of a version by the date: its class, whether it is still the current version, or gone, and why. */
export interface LifecycleFate {
  storageClass: StorageClass;
  /** `current`; `noncurrent` (expired in a versioned bucket: a delete marker now hides it); `deleted` (permanently removed). */
  state: 'current' | 'noncurrent' | 'deleted';
  /** Each lifecycle action that applied, in time order, as `<rule>: <what> at <date>`. */
  history: string[];
}

type Versioning = 'Enabled' | 'Suspended' | undefined;
type Event = { at: number; text: string };

const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);

function enabledRules(config: BucketLifecycleConfiguration | undefined, subject: LifecycleSubject): { rule: S3LifecycleRule; name: string }[] {
  return (config?.Rules ?? []).flatMap((rule, i) => (rule.Status === 'Enabled' && ruleSelects(rule, subject) ? [{ rule, name: ruleName(rule, i) }] : []));
}

function earliest(events: readonly Event[]): Event | undefined {
  return events.reduce<Event | undefined>((best, e) => (best === undefined || e.at < best.at ? e : best), undefined);
}

/** The coldest class among the transitions due by `until`, with the event that moved it there. */
function coldest(from: StorageClass, due: readonly { at: number; to: StorageClass; text: string }[], until: number): { storageClass: StorageClass; events: Event[] } {
  const reached = due.filter((t) => t.at <= until && depth(t.to) > depth(from)).sort((a, b) => a.at - b.at);
  let storageClass = from;
  const events: Event[] = [];
  for (const t of reached) {
    if (depth(t.to) <= depth(storageClass)) continue;
    storageClass = t.to;
    events.push({ at: t.at, text: t.text });
  }
  return { storageClass, events };
}

function noncurrentFate(rules: ReturnType<typeof enabledRules>, subject: LifecycleSubject, since: number, from: StorageClass, at: number, history: string[]): LifecycleFate {
  const expirations = rules.flatMap(({ rule, name }) => {
    const days = rule.NoncurrentVersionExpiration?.NoncurrentDays;
    return days === undefined ? [] : [{ at: dayBoundary(since, days), text: `${name}: permanently deleted ${days} days after becoming noncurrent` }];
  });
  const expiry = earliest(expirations.filter((e) => e.at <= at));
  const due = subject.isDeleteMarker
    ? []
    : rules.flatMap(({ rule, name }) =>
        transitionsSize(rule, subject.size) ? (rule.NoncurrentVersionTransitions ?? []).map((t) => ({ at: dayBoundary(since, t.NoncurrentDays ?? 0), to: t.StorageClass as StorageClass, text: `${name}: to ${t.StorageClass} ${t.NoncurrentDays ?? 0} days after becoming noncurrent` })) : [],
      );
  const moved = coldest(from, due, expiry?.at ?? at);
  const events = [...moved.events, ...(expiry ? [expiry] : [])].map((e) => `${e.text} (${iso(e.at)})`);
  return { storageClass: moved.storageClass, state: expiry ? 'deleted' : 'noncurrent', history: [...history, ...events] };
}

function currentDue(rules: ReturnType<typeof enabledRules>, subject: LifecycleSubject): { at: number; to: StorageClass; text: string }[] {
  return rules.flatMap(({ rule, name }) =>
    transitionsSize(rule, subject.size)
      ? (rule.Transitions ?? []).map((t) => ({
          at: t.Date !== undefined ? Date.parse(t.Date) : dayBoundary(subject.created, t.Days ?? 0),
          to: t.StorageClass as StorageClass,
          text: t.Date !== undefined ? `${name}: to ${t.StorageClass} on its date` : `${name}: to ${t.StorageClass} ${t.Days ?? 0} days after creation`,
        }))
      : [],
  );
}

/**
 * The fate of one version at `at` (epoch ms) under a bucket's lifecycle configuration and versioning. An
 * expired current version is removed in an unversioned bucket (and, as the `null` version, in a suspended
 * one); in a versioned bucket it becomes noncurrent behind a delete marker, and the noncurrent rules then
 * count from that day. A current delete marker with no other version left is removed by `ExpiredObjectDeleteMarker`.
 */
export function lifecycleFate(config: BucketLifecycleConfiguration | undefined, versioning: Versioning, subject: LifecycleSubject, at: number): LifecycleFate {
  const rules = enabledRules(config, subject);
  const from = subject.storageClass ?? 'STANDARD';
  if (subject.noncurrentSince !== undefined) return noncurrentFate(rules, subject, subject.noncurrentSince, from, at, []);
  if (subject.isDeleteMarker) {
    const removed = deleteMarkerRemoved(config, subject.key, subject.otherVersionsLeft ?? 0);
    return { storageClass: from, state: removed ? 'deleted' : 'current', history: removed ? ['an expired object delete marker, removed (`ExpiredObjectDeleteMarker`)'] : [] };
  }
  const expirations = rules.flatMap(({ rule, name }) => {
    const e = rule.Expiration;
    if (e?.Days !== undefined) return [{ at: dayBoundary(subject.created, e.Days), text: `${name}: expired ${e.Days} days after creation` }];
    if (e?.Date !== undefined) return [{ at: Date.parse(e.Date), text: `${name}: expired on its date` }];
    return [];
  });
  const expiry = earliest(expirations.filter((e) => e.at <= at));
  const moved = coldest(from, currentDue(rules, subject), expiry?.at ?? at);
  const history = [...moved.events, ...(expiry ? [expiry] : [])].map((e) => `${e.text} (${iso(e.at)})`);
  if (!expiry) return { storageClass: moved.storageClass, state: 'current', history };
  const nullVersion = (subject.versionId ?? 'null') === 'null';
  if (versioning === undefined || (versioning === 'Suspended' && nullVersion)) return { storageClass: moved.storageClass, state: 'deleted', history };
  return noncurrentFate(rules, subject, expiry.at, moved.storageClass, at, [...history, 'a delete marker became the current version']);
}

/**
 * Whether a current delete marker is gone by `at`: `ExpiredObjectDeleteMarker` removes it once no other
 * version of its key is left (lifecycle-expire-general-considerations.html, "expired object delete markers").
 */
export function deleteMarkerRemoved(config: BucketLifecycleConfiguration | undefined, key: string, otherVersionsLeft: number): boolean {
  if (otherVersionsLeft > 0) return false;
  return (config?.Rules ?? []).some((rule) => rule.Status === 'Enabled' && rule.Expiration?.ExpiredObjectDeleteMarker === true && ruleSelects(rule, { key, size: 0 }));
}
