import type { Finding, PathSegment, Position, Range } from './finding.ts';

/** The limits every loader enforces before and while parsing learner or author text. */
export const SOURCE_LIMITS = {
  /** Largest accepted text, in UTF-8 bytes. */
  maxBytes: 1024 * 1024,
  /** Deepest accepted nesting of objects and arrays. */
  maxDepth: 64,
  /** Most values (scalars, objects and arrays) in one document. */
  maxNodes: 10_000,
} as const;

/** A parsed text document: its value when it parsed, the problems found, and where each element sits in the text. */
export interface SourceDocument {
  value?: unknown;
  findings: Finding[];
  /** The range of the value at `path`, or undefined when no such element exists. */
  locate(path: readonly PathSegment[]): Range | undefined;
  /** The range of the key naming the object member at `path` (falls back to the value's range). */
  locateKey(path: readonly PathSegment[]): Range | undefined;
}

/** One segment of a path key: `/#0` for an index, `/<length>:<name>` for a member, so no two paths share a key. */
function segmentKey(segment: PathSegment): string {
  return typeof segment === 'number' ? `/#${segment}` : `/${segment.length}:${segment}`;
}

/** A stable map key for a path (`["Statement",0]` and `["Statement","0"]` stay distinct). */
export function pathKey(path: readonly PathSegment[]): string {
  let key = '';
  for (const segment of path) key += segmentKey(segment);
  return key;
}

/** The key of a path one segment longer, from its parent's key: parsers extend keys instead of rebuilding them. */
export function childKey(parentKey: string, segment: PathSegment): string {
  return parentKey + segmentKey(segment);
}

/** Turns 0-based offsets into 1-based line/column positions; CR, LF and CRLF each end a line. */
export class LineIndex {
  private readonly starts: number[] = [0];

  constructor(text: string) {
    for (let i = 0; i < text.length; i++) {
      const c = text.charCodeAt(i);
      if (c === 10 || (c === 13 && text.charCodeAt(i + 1) !== 10)) this.starts.push(i + 1);
    }
  }

  position(offset: number): Position {
    let lo = 0;
    let hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if ((this.starts[mid] ?? 0) <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - (this.starts[lo] ?? 0) + 1, offset };
  }

  range(start: number, end: number): Range {
    return { start: this.position(start), end: this.position(end) };
  }
}

/** UTF-8 length of a string without TextEncoder (not in the pure packages' lib); lone surrogates count as U+FFFD (3 bytes). */
export function utf8Length(text: string): number {
  let bytes = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x80) bytes += 1;
    else if (c < 0x800) bytes += 2;
    else if (c >= 0xd800 && c <= 0xdbff && (text.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return bytes;
}

/** The finding for a text over the size limit, or undefined when it fits. */
export function sizeFinding(text: string, ruleId: string): Finding | undefined {
  if (text.length <= SOURCE_LIMITS.maxBytes / 4) return undefined;
  const bytes = utf8Length(text);
  if (bytes <= SOURCE_LIMITS.maxBytes) return undefined;
  return {
    ruleId,
    severity: 'error',
    path: [],
    message: `the text is ${bytes} bytes, over the limit of ${SOURCE_LIMITS.maxBytes} bytes`,
  };
}

/** Sets an own enumerable property, so a `__proto__` key stays data instead of replacing the prototype. */
export function setMember(target: Record<string, unknown>, key: string, value: unknown): void {
  // `__proto__` is the only accessor on Object.prototype; every other key assigns as an own data property.
  if (key === '__proto__') Object.defineProperty(target, key, { value, writable: true, enumerable: true, configurable: true });
  else target[key] = value;
}

/** A document that failed before it produced anything to locate. */
export function failedDocument(findings: Finding[]): SourceDocument {
  return { findings, locate: () => undefined, locateKey: () => undefined };
}
