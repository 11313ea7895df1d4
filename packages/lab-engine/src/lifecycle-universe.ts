import { DAY_MS, DEFAULT_TRANSITION_MINIMUM_SIZE, dayBoundary, lifecycleFate, predicates, type BucketLifecycleConfiguration, type LifecycleSubject, type S3Bucket, type S3Tag } from '@skylab/emulator';

// The universe on which two buckets' lifecycle behaviour must agree (DESIGN §3, grading integrity): object
// versions drawn from both configurations — a key under every prefix, the prefix itself, a near miss and
// a key under none, and a lone delete marker of each; no tags, each tag, each tag with another value and all of them; sizes around every
// size bound and the 128 KB transition minimum; current and noncurrent — read at every day boundary of
// either configuration (the midnight before and the one that triggers), chained expiry-then-noncurrent
// boundaries, each fixed date, and far in the future.

/** The creation time of every witness: mid-morning, so the midnight rounding shows. */
export const WITNESS_CREATED = Date.UTC(2026, 0, 1, 10, 30);

/** One witness version and where its description comes from. */
export interface Witness {
  subject: LifecycleSubject;
  label: string;
}

const rulesOf = (configs: readonly (BucketLifecycleConfiguration | undefined)[]) => configs.flatMap((c) => c?.Rules ?? []);

function keyWitnesses(configs: readonly (BucketLifecycleConfiguration | undefined)[], objectKeys: readonly string[]): string[] {
  const keys = new Set(['skylab-other/object.bin', ...objectKeys.slice(0, 5)]);
  for (const rule of rulesOf(configs)) {
    const prefix = predicates(rule).prefix;
    if (prefix === undefined || prefix === '') continue;
    keys.add(`${prefix}skylab-witness.bin`).add(prefix);
    const last = prefix.at(-1) === 'x' ? 'y' : 'x';
    keys.add(`${prefix.slice(0, -1)}${last}skylab-witness.bin`);
  }
  return [...keys];
}

function tagWitnesses(configs: readonly (BucketLifecycleConfiguration | undefined)[]): S3Tag[][] {
  const tags = rulesOf(configs).flatMap((r) => predicates(r).tags);
  const unique = [...new Map(tags.map((t) => [`${t.Key}=${t.Value}`, t])).values()];
  return [[], ...unique.map((t) => [t]), ...unique.map((t) => [{ Key: t.Key, Value: `${t.Value}-skylab-other` }]), ...(unique.length > 1 ? [unique] : [])];
}

function sizeWitnesses(configs: readonly (BucketLifecycleConfiguration | undefined)[]): number[] {
  const bounds = rulesOf(configs).flatMap((r) => {
    const p = predicates(r);
    return [p.greaterThan, p.lessThan].flatMap((b) => (b === undefined ? [] : [b]));
  });
  const sizes = new Set([1024, DEFAULT_TRANSITION_MINIMUM_SIZE - 1, DEFAULT_TRANSITION_MINIMUM_SIZE, 1024 * 1024]);
  for (const b of bounds) for (const s of [b - 1, b, b + 1]) if (s >= 0) sizes.add(s);
  return [...sizes].sort((a, b) => a - b);
}

/** Every version the lifecycle comparison asks about. */
export function lifecycleWitnesses(configs: readonly (BucketLifecycleConfiguration | undefined)[], bucket: S3Bucket): Witness[] {
  const out: Witness[] = [];
  for (const key of keyWitnesses(configs, Object.keys(bucket.Objects))) {
    out.push({ subject: { key, size: 0, created: WITNESS_CREATED, isDeleteMarker: true, otherVersionsLeft: 0 }, label: `\`${key}\`, a delete marker with no other version left` });
    for (const tags of tagWitnesses(configs)) {
      for (const size of sizeWitnesses(configs)) {
        const what = `\`${key}\` (${size} bytes${tags.length ? `, tagged ${tags.map((t) => `${t.Key}=${t.Value}`).join(', ')}` : ''})`;
        out.push({ subject: { key, size, tags, created: WITNESS_CREATED, versionId: 'skylab-current' }, label: `${what}, current version` });
        out.push({ subject: { key, size, tags, created: WITNESS_CREATED - DAY_MS, noncurrentSince: WITNESS_CREATED, versionId: 'skylab-older' }, label: `${what}, noncurrent version` });
      }
    }
  }
  return out;
}

/** The instants the fates are read at: around every day boundary and date of either configuration. */
export function lifecycleInstants(configs: readonly (BucketLifecycleConfiguration | undefined)[]): number[] {
  const rules = rulesOf(configs);
  const days = new Set<number>([0]);
  const dates = new Set<number>();
  for (const r of rules) {
    for (const t of r.Transitions ?? []) {
      if (t.Date !== undefined) dates.add(Date.parse(t.Date));
      else days.add(t.Days ?? 0);
    }
    for (const t of r.NoncurrentVersionTransitions ?? []) days.add(t.NoncurrentDays ?? 0);
    if (r.Expiration?.Days !== undefined) days.add(r.Expiration.Days);
    if (r.Expiration?.Date !== undefined) dates.add(Date.parse(r.Expiration.Date));
    if (r.NoncurrentVersionExpiration?.NoncurrentDays !== undefined) days.add(r.NoncurrentVersionExpiration.NoncurrentDays);
  }
  const boundaries = new Set<number>(dates);
  for (const d of days) {
    boundaries.add(dayBoundary(WITNESS_CREATED, d));
    boundaries.add(dayBoundary(WITNESS_CREATED - DAY_MS, d));
    // An expired current version in a versioned bucket starts its noncurrent days at its expiry.
    for (const n of days) boundaries.add(dayBoundary(dayBoundary(WITNESS_CREATED, d), n));
  }
  const instants = new Set<number>([WITNESS_CREATED, WITNESS_CREATED + 36_500 * DAY_MS]);
  for (const b of boundaries) instants.add(b - 1).add(b);
  return [...instants].filter((t) => t >= WITNESS_CREATED).sort((a, b) => a - b);
}

/** One version whose fate differs between the two buckets at an instant. */
export interface FateDifference {
  label: string;
  at: number;
  mine: string;
  theirs: string;
  history: string[];
}

const describe = (f: ReturnType<typeof lifecycleFate>) => (f.state === 'deleted' ? 'deleted' : `${f.state} in ${f.storageClass}`);

/** Compares the fates of every witness at every instant; the first difference per witness is kept. */
export function compareLifecycle(mine: S3Bucket, theirs: S3Bucket): { evaluated: number; differences: FateDifference[] } {
  const configs = [mine.LifecycleConfiguration, theirs.LifecycleConfiguration];
  const instants = lifecycleInstants(configs);
  const differences: FateDifference[] = [];
  let evaluated = 0;
  for (const witness of lifecycleWitnesses(configs, mine)) {
    for (const at of instants) {
      evaluated++;
      const a = lifecycleFate(mine.LifecycleConfiguration, mine.Versioning, witness.subject, at);
      const b = lifecycleFate(theirs.LifecycleConfiguration, theirs.Versioning, witness.subject, at);
      if (describe(a) === describe(b)) continue;
      differences.push({ label: witness.label, at, mine: describe(a), theirs: describe(b), history: a.history });
      break;
    }
  }
  return { evaluated, differences };
}
