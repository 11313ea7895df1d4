import { globMatch } from './glob.ts';

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

/**
 * Whether a resource ARN matches a `Resource` pattern the way IAM matches them: each colon-separated
 * segment on its own, `*` and `?` within a segment, and `*` in the resource part spanning `/` and `:`.
 * A shortened pattern whose last segment ends in `*` lets that `*` run across the remaining colons
 * (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_resource.html).
 * Matching is case-sensitive.
 */
export function arnMatches(pattern: string, arn: string): boolean {
  if (pattern === '*') return true;
  const want = splitArn(pattern);
  const have = splitArn(arn);
  if (have.length < 6) return globMatch(pattern, arn);
  for (let i = 0; i < want.length; i++) {
    const segment = want[i] ?? '';
    if (i === want.length - 1 && want.length < 6) {
      return segment.endsWith('*') && globMatch(segment, have.slice(i).join(':'));
    }
    if (!globMatch(segment, have[i] ?? '')) return false;
  }
  return true;
}
