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

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const proto = Object.getPrototypeOf(value) as unknown;
  return proto === Object.prototype || proto === null;
}

/**
 * A deep copy of plain JSON data in which every object has no prototype: what a snapshot read back from
 * storage (or copied with `structuredClone`) needs to be safe to index again.
 */
export function withoutPrototypes<T>(value: T): T {
  if (Array.isArray(value)) return value.map(withoutPrototypes) as T;
  if (!isPlainObject(value)) return value;
  return recordsFrom(Object.entries(value).map(([key, field]) => [key, withoutPrototypes(field)] as const)) as T;
}

/** Plain JSON text parsed with no prototype on any object (`JSON.parse` already stores `__proto__` as an own key). */
export function parseWithoutPrototypes<T>(text: string): T {
  return JSON.parse(text, (_key, value: unknown) => (isPlainObject(value) ? recordsFrom(Object.entries(value)) : value)) as T;
}
