import { sha256 } from '@oslojs/crypto/sha2';

/** JSON with every object's keys sorted, so equal content always gives equal text whatever order it was built in. */
export function canonicalJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonicalJson).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).filter(([, v]) => v !== undefined);
    entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonicalJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/** The SHA-256 of a value's canonical JSON, in lowercase hex. */
export function contentHash(value: unknown): string {
  return Array.from(sha256(new TextEncoder().encode(canonicalJson(value))), (byte) => byte.toString(16).padStart(2, '0')).join('');
}
