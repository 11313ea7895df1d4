/**
 * Matches `text` against an IAM wildcard pattern: `*` is any run of characters (also empty), `?` exactly
 * one character, everything else literal. Two pointers and the last `*` to fall back to, never a regular
 * expression: at most |text| × |pattern| steps, with no exponential backtracking on inputs like `a*a*a*b`.
 */
export function globMatch(pattern: string, text: string): boolean {
  let p = 0;
  let t = 0;
  let star = -1;
  let resume = 0;
  while (t < text.length) {
    const c = pattern.charCodeAt(p);
    if (p < pattern.length && c !== 42 && (c === 63 || c === text.charCodeAt(t))) {
      p++;
      t++;
    } else if (p < pattern.length && c === 42) {
      star = p++;
      resume = t;
    } else if (star >= 0) {
      p = star + 1;
      t = ++resume;
    } else {
      return false;
    }
  }
  while (p < pattern.length && pattern.charCodeAt(p) === 42) p++;
  return p === pattern.length;
}

/** Case-insensitive `globMatch`, for action names (`s3:getobject` equals `s3:GetObject` in IAM). */
export function globMatchIgnoreCase(pattern: string, text: string): boolean {
  return globMatch(pattern.toLowerCase(), text.toLowerCase());
}
