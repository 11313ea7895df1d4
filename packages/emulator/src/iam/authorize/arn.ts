import { cachedGlob, compileMarked, matchCompiled, type CompiledGlob } from './glob.ts';
import { MARK_STAR } from './variables.ts';

/** Splits an ARN into at most six parts on its first five colons; the resource part may hold more colons. */
export function splitArn(arn: string): string[] {
  const parts: string[] = [];
  let from = 0;
  for (let i = 0; i < 5; i++) {
    const colon = arn.indexOf(':', from);
    if (colon < 0) break;
    parts.push(arn.slice(from, colon));
    from = colon + 1;
  }
  parts.push(arn.slice(from));
  return parts;
}

/** A `Resource` pattern or ARN condition value compiled once: one matcher per ARN segment. */
export interface CompiledArn {
  any: boolean;
  segments: CompiledGlob[];
  /** The whole pattern, for resources that are not six-part ARNs. */
  whole: CompiledGlob;
}

function compileWith(pattern: string, compile: (text: string) => CompiledGlob, star: string): CompiledArn {
  return { any: pattern === star, segments: splitArn(pattern).map(compile), whole: compile(pattern) };
}

/** Compiles IAM pattern text (`*` and `?` wildcards). */
export function compileArn(pattern: string): CompiledArn {
  return compileWith(pattern, cachedGlob, '*');
}

/** Compiles a marked pattern (after policy-variable substitution, see `variables.ts`). */
export function compileMarkedArn(marked: string): CompiledArn {
  return compileWith(marked, (text) => compileMarked(text, 1), MARK_STAR);
}

/**
 * Whether a resource ARN (already split) matches a compiled pattern the way IAM matches them: each
 * colon-separated segment on its own, `*` and `?` within a segment, and `*` in the resource part spanning
 * `/` and `:`. A shortened pattern whose last segment ends in `*` lets that `*` run across the remaining
 * colons (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_resource.html).
 * Matching is case-sensitive.
 */
export function matchArn(pattern: CompiledArn, arn: string, parts: readonly string[]): boolean {
  if (pattern.any) return true;
  if (parts.length < 6) return matchCompiled(pattern.whole, arn);
  const want = pattern.segments;
  for (let i = 0; i < want.length; i++) {
    const segment = want[i] as CompiledGlob;
    if (i === want.length - 1 && want.length < 6) {
      return !segment.exact && segment.segments[segment.segments.length - 1]?.text === '' && matchCompiled(segment, parts.slice(i).join(':'));
    }
    if (!matchCompiled(segment, parts[i] ?? '')) return false;
  }
  return true;
}

/** `matchArn` for one pattern and ARN given as text. */
export function arnMatches(pattern: string, arn: string): boolean {
  return matchArn(compileArn(pattern), arn, splitArn(arn));
}
