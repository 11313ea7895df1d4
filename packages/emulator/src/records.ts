// Account state keeps its resources in plain JSON objects keyed by names and ids that learners choose, and
// `__proto__`, `constructor` or `toString` are valid IAM, Auto Scaling and CloudWatch names. A plain `{}`
// answers `records['constructor']` from Object.prototype and `records['__proto__'] = x` replaces the
// prototype instead of storing x. So every read here asks `Object.hasOwn`, every write defines an own
// property, and records are made without a prototype (restored ones too: JSON and structuredClone give
// them `Object.prototype` back), so code outside the emulator that indexes them directly is safe as well.

/** An empty record without a prototype: no key is answered by `Object.prototype`. */
export function records<T>(): Record<string, T> {
  return Object.create(null) as Record<string, T>;
}

/** A record without a prototype holding `entries` (what `Object.fromEntries` does, made safe). */
export function recordsFrom<T>(entries: Iterable<readonly [string, T]>): Record<string, T> {
  const out = records<T>();
  for (const [key, value] of entries) setRecord(out, key, value);
  return out;
}

/** The entry under `key` when the record itself holds one, never anything inherited. */
export function getRecord<T>(record: Readonly<Record<string, T>>, key: string): T | undefined {
  return Object.hasOwn(record, key) ? record[key] : undefined;
}

/** Whether the record itself holds `key`. */
export function hasRecord(record: Readonly<Record<string, unknown>>, key: string): boolean {
  return Object.hasOwn(record, key);
}

/** Stores `value` under `key` as an own property, even for `__proto__` on an object that has a prototype. */
export function setRecord<T>(record: Record<string, T>, key: string, value: T): T {
  Object.defineProperty(record, key, { value, writable: true, enumerable: true, configurable: true });
  return value;
}

/** Removes the entry under `key` (own properties only: nothing inherited is touched). */
export function deleteRecord(record: Record<string, unknown>, key: string): void {
  if (Object.hasOwn(record, key)) delete record[key];
}

/**
 * Gives every record at `paths` (dot-separated; `*` for each entry of a record) a fresh copy without a
 * prototype, in place: what data read back from JSON or `structuredClone` needs. Only records change, so
 * the objects around them stay ordinary ones (a database driver may inspect them).
 */
export function restoreRecordsAt(root: object, paths: readonly string[]): void {
  for (const path of paths) restoreAt(root as Record<string, unknown>, path.split('.'));
}

function restoreAt(parent: Record<string, unknown>, [head, ...rest]: string[]): void {
  if (head === undefined) return;
  const keys = head === '*' ? Object.keys(parent) : [head];
  for (const key of keys) {
    const child = getRecord(parent, key);
    if (typeof child !== 'object' || child === null || Array.isArray(child)) continue;
    if (rest.length === 0) setRecord(parent, key, recordsFrom(Object.entries(child)));
    else restoreAt(child as Record<string, unknown>, rest);
  }
}
