// Policy variables (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_variables.html):
// `${key}` is replaced by the request's value of a single-valued context key, `${key, 'default'}` falls back
// to the default when the key is absent, and `${*}`, `${?}`, `${$}` stand for the literal characters, so a
// literal `*` or `?` can be written where it would otherwise be a wildcard. Variables exist only in
// policies of version 2012-10-17, in `Resource`/`NotResource` and in string and ARN condition values.

/** Looks up a context key by its lower-cased name; undefined when the request does not carry it. */
export type KeyLookup = (lowerKey: string) => readonly string[] | undefined;

/** Marked-pattern codes (see `glob.ts`): a wildcard `*` and a wildcard `?`. */
export const MARK_STAR = '\u0001';
export const MARK_ANY = '\u0000';

/** Whether a text uses policy-variable syntax at all. */
export function hasVariable(text: string): boolean {
  return text.includes('${');
}

/** The context keys a text's variables refer to, lower-cased. */
export function variableKeys(text: string): string[] {
  const keys: string[] = [];
  for (const match of text.matchAll(/\$\{([^}]*)\}/g)) {
    const inner = (match[1] ?? '').split(',')[0]?.trim() ?? '';
    if (inner !== '*' && inner !== '?' && inner !== '$' && inner !== '') keys.push(inner.toLowerCase());
  }
  return keys;
}

function mark(text: string, marked: boolean): string {
  return marked ? text.replaceAll('*', MARK_STAR).replaceAll('?', MARK_ANY) : text;
}

function resolve(inner: string, lookup: KeyLookup): string | undefined {
  const trimmed = inner.trim();
  if (trimmed === '*' || trimmed === '?' || trimmed === '$') return trimmed;
  const comma = trimmed.indexOf(',');
  const key = (comma < 0 ? trimmed : trimmed.slice(0, comma)).trim();
  const values = lookup(key.toLowerCase());
  // Multivalued keys cannot be policy variables (reference_policies_condition-single-vs-multi-valued-context-keys.html).
  if (values && values.length === 1) return values[0];
  if (comma < 0) return undefined;
  const fallback = /^'(.*)'$/.exec(trimmed.slice(comma + 1).trim());
  return fallback ? (fallback[1] ?? '') : undefined;
}

/**
 * Replaces the variables of `text`. With `marked`, the result is a marked pattern: wildcards outside
 * variables become `MARK_STAR`/`MARK_ANY` and substituted text stays literal. Undefined when a variable
 * names a key the request lacks and gives no default: AWS then treats the value as not matching.
 */
export function substitute(text: string, lookup: KeyLookup, marked: boolean): string | undefined {
  let out = '';
  let from = 0;
  for (;;) {
    const open = text.indexOf('${', from);
    if (open < 0) break;
    const close = text.indexOf('}', open + 2);
    if (close < 0) break;
    const value = resolve(text.slice(open + 2, close), lookup);
    if (value === undefined) return undefined;
    out += mark(text.slice(from, open), marked) + value;
    from = close + 1;
  }
  return out + mark(text.slice(from), marked);
}
