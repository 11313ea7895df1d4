// IAM wildcards (`*` any run of characters, `?` exactly one) matched without backtracking.
//
// A pattern is compiled once into the literal segments between its stars. The first segment must be a
// prefix and the last a suffix; the middle ones are found left to right, each at its leftmost position
// after the previous one — for `*`-only wildcards the leftmost choice is always safe, so no position is
// ever revisited. Each segment search is linear in the text it scans:
// - segments without `?` use Knuth–Morris–Pratt (a failure table built at compile time), or `indexOf` for
//   needles of at most 8 characters where `indexOf` is O(8·n) anyway;
// - segments with `?` of at most 31 characters use the bit-parallel Shift-And search (one 32-bit word);
// - only a `?`-bearing segment longer than 31 characters falls back to a direct scan, O(n·|segment|).
// Altogether O(|pattern| + |text|) for every pattern outside that last case.

const STAR = 42;
// The compiled form marks a wildcard `?` with U+0000 so that a literal `?` (from the `${?}` policy
// variable) can stay in a segment; policies cannot contain U+0000, and any text character matches it.
const ANY = 0;

interface Segment {
  text: string;
  hasAny: boolean;
  /** KMP failure table for long literal segments. */
  failure?: Int32Array;
  /** Shift-And masks per character code for short segments with wildcards, and the fallback mask. */
  masks?: Map<number, number>;
  anyMask?: number;
}

/** A pattern compiled for repeated matching. */
export interface CompiledGlob {
  /** The pattern had no star: the text must equal `segments[0]` position by position. */
  exact: boolean;
  segments: Segment[];
  /** Shortest text that can match. */
  minLength: number;
  /** The pattern is `*` alone (or only stars): everything matches. */
  all: boolean;
}

function kmpTable(text: string): Int32Array {
  const table = new Int32Array(text.length);
  let k = 0;
  for (let i = 1; i < text.length; i++) {
    while (k > 0 && text.charCodeAt(i) !== text.charCodeAt(k)) k = table[k - 1] ?? 0;
    if (text.charCodeAt(i) === text.charCodeAt(k)) k++;
    table[i] = k;
  }
  return table;
}

function segment(text: string): Segment {
  let hasAny = false;
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === ANY) hasAny = true;
  if (!hasAny) return text.length > 8 ? { text, hasAny, failure: kmpTable(text) } : { text, hasAny };
  if (text.length > 31) return { text, hasAny };
  const masks = new Map<number, number>();
  let anyMask = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === ANY) anyMask |= 1 << i;
  }
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c !== ANY) masks.set(c, (masks.get(c) ?? anyMask) | (1 << i));
  }
  return { text, hasAny, masks, anyMask };
}

/**
 * Compiles a pattern given as marked text: `*` separates segments, U+0000 is a one-character wildcard,
 * everything else is literal. `compileGlob` produces that form from IAM pattern text.
 */
export function compileMarked(marked: string, starCode = STAR): CompiledGlob {
  const parts: string[] = [];
  let from = 0;
  for (let i = 0; i < marked.length; i++) {
    if (marked.charCodeAt(i) === starCode) {
      parts.push(marked.slice(from, i));
      from = i + 1;
    }
  }
  parts.push(marked.slice(from));
  const minLength = parts.reduce((sum, p) => sum + p.length, 0);
  return { exact: parts.length === 1, segments: parts.map(segment), minLength, all: parts.length > 1 && minLength === 0 };
}

/** Compiles IAM pattern text (`*` and `?` are wildcards). */
export function compileGlob(pattern: string): CompiledGlob {
  return compileMarked(pattern.replaceAll('?', '\u0000'));
}

function equalAt(seg: Segment, text: string, at: number): boolean {
  const s = seg.text;
  if (!seg.hasAny) return text.startsWith(s, at);
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c !== ANY && c !== text.charCodeAt(at + i)) return false;
  }
  return true;
}

/** The leftmost index ≥ from where `seg` occurs and ends by `end`, or -1. */
function find(seg: Segment, text: string, from: number, end: number): number {
  const s = seg.text;
  const m = s.length;
  if (m === 0) return from;
  if (seg.failure) {
    const table = seg.failure;
    let k = 0;
    for (let i = from; i < end; i++) {
      const c = text.charCodeAt(i);
      while (k > 0 && c !== s.charCodeAt(k)) k = table[k - 1] ?? 0;
      if (c === s.charCodeAt(k)) k++;
      if (k === m) return i - m + 1;
    }
    return -1;
  }
  if (!seg.hasAny) {
    const at = text.indexOf(s, from);
    return at >= 0 && at + m <= end ? at : -1;
  }
  if (seg.masks) {
    const masks = seg.masks;
    const anyMask = seg.anyMask ?? 0;
    const done = 1 << (m - 1);
    let state = 0;
    for (let i = from; i < end; i++) {
      state = ((state << 1) | 1) & (masks.get(text.charCodeAt(i)) ?? anyMask);
      if (state & done) return i - m + 1;
    }
    return -1;
  }
  for (let i = from; i + m <= end; i++) if (equalAt(seg, text, i)) return i;
  return -1;
}

/** Whether `text` matches a compiled pattern; linear in the text for the cases the file header names. */
export function matchCompiled(glob: CompiledGlob, text: string): boolean {
  if (glob.all) return true;
  const segments = glob.segments;
  const first = segments[0] as Segment;
  if (glob.exact) return text.length === first.text.length && equalAt(first, text, 0);
  if (text.length < glob.minLength) return false;
  const last = segments[segments.length - 1] as Segment;
  if (!equalAt(first, text, 0)) return false;
  const end = text.length - last.text.length;
  if (!equalAt(last, text, end)) return false;
  let at = first.text.length;
  for (let i = 1; i < segments.length - 1; i++) {
    const seg = segments[i] as Segment;
    const found = find(seg, text, at, end);
    if (found < 0) return false;
    at = found + seg.text.length;
  }
  return at <= end;
}

const CACHE_LIMIT = 4096;
const cache = new Map<string, CompiledGlob>();

/** The compiled form of a pattern, memoised: policies repeat the same patterns across requests. */
export function cachedGlob(pattern: string): CompiledGlob {
  let glob = cache.get(pattern);
  if (!glob) {
    if (cache.size >= CACHE_LIMIT) cache.clear();
    glob = compileGlob(pattern);
    cache.set(pattern, glob);
  }
  return glob;
}

/**
 * Matches `text` against an IAM wildcard pattern: `*` is any run of characters (also empty), `?` exactly
 * one character, everything else literal. Linear time, no backtracking (see the file header).
 */
export function globMatch(pattern: string, text: string): boolean {
  if (pattern.length === 1 && pattern.charCodeAt(0) === STAR) return true;
  if (pattern.indexOf('*') < 0 && pattern.indexOf('?') < 0) return pattern === text;
  return matchCompiled(cachedGlob(pattern), text);
}

/** Case-insensitive `globMatch`, for action names (`s3:getobject` equals `s3:GetObject` in IAM). */
export function globMatchIgnoreCase(pattern: string, text: string): boolean {
  return globMatch(pattern.toLowerCase(), text.toLowerCase());
}
