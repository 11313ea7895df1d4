import type { z } from 'zod';
import type { Finding, PathSegment, Range } from './finding.ts';
import type { SourceDocument } from './source.ts';

/** How to turn schema issues into findings for one kind of document. */
export interface IssueMapping {
  /** Prefix of every rule id, e.g. `iam-policy`. */
  rulePrefix: string;
  /** Element names the schema knows, to suggest the right spelling of an unknown key. */
  knownKeys?: readonly string[];
}

type Issue = z.core.$ZodIssue;

function kebab(code: string): string {
  return code.replace(/_/g, '-');
}

/**
 * The path of an element in the source text. Schemas normalise "one value or a list" to a list, so an
 * issue at `['Action', 0]` may point at a plain string written as `"Action": "s3:GetObject"`.
 */
export function sourcePath(raw: unknown, path: readonly PathSegment[]): PathSegment[] {
  const out: PathSegment[] = [];
  let node = raw;
  for (const segment of path) {
    if (typeof segment === 'number' && !Array.isArray(node)) continue;
    out.push(segment);
    node = node !== null && typeof node === 'object' ? (node as Record<string, unknown>)[segment as string] : undefined;
  }
  return out;
}

/** A union's issues narrowed to the branch that matches the input's shape, when exactly one does. */
function unionBranch(issue: Extract<Issue, { code: 'invalid_union' }>): Issue[] | undefined {
  const plausible = issue.errors.filter((branch) => !branch.every((inner) => inner.code === 'invalid_type' && inner.path.length === 0));
  return plausible.length === 1 ? plausible[0] : undefined;
}

const KINDS: Record<string, string> = { object: 'an object', record: 'an object', array: 'a list', string: 'a string', number: 'a number', boolean: 'a boolean' };

/** zod's default messages (`Invalid input: expected record, received string`) in this project's voice. */
function humanMessage(issue: Issue, path: readonly PathSegment[]): string {
  if (/^[a-z`]/.test(issue.message)) return issue.message;
  const last = path[path.length - 1];
  const subject = typeof last === 'string' ? `\`${last}\`` : 'this value';
  if (issue.code === 'invalid_type') return `${subject} must be ${KINDS[issue.expected] ?? issue.expected}`;
  if (issue.code === 'too_small' && issue.origin === 'string') return `${subject} must not be empty`;
  const text = issue.message.replace(/\.$/, '');
  return text.charAt(0).toLowerCase() + text.slice(1);
}

function ruleCode(issue: Issue): string {
  // A union whose every branch failed on the value's type is a type error, whatever the branches were.
  if (issue.code === 'invalid_union' && issue.errors.every((branch) => branch.every((inner) => inner.code === 'invalid_type' && inner.path.length === 0))) {
    return 'invalid-type';
  }
  return kebab(issue.code);
}

function flatten(issues: readonly Issue[], prefix: readonly PathSegment[]): { issue: Issue; path: PathSegment[] }[] {
  return issues.flatMap((issue) => {
    const path = [...prefix, ...(issue.path as PathSegment[])];
    if (issue.code === 'invalid_union') {
      const branch = unionBranch(issue);
      if (branch) return flatten(branch, path);
    }
    return [{ issue, path }];
  });
}

/** The range of the element at `path`, or of its closest ancestor present in the text (a missing member points at its object). */
export function locateNearest(doc: SourceDocument, path: readonly PathSegment[]): Range | undefined {
  for (let length = path.length; length >= 0; length--) {
    const range = doc.locate(path.slice(0, length));
    if (range) return range;
  }
  return undefined;
}

/** Turns zod issues into findings placed at the offending element of the source text. */
export function issuesToFindings(issues: readonly Issue[], doc: SourceDocument, mapping: IssueMapping): Finding[] {
  const findings: Finding[] = [];
  for (const { issue, path } of flatten(issues, [])) {
    const at = sourcePath(doc.value, path);
    const params = (issue as { params?: { ruleId?: string } }).params;
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        const keyPath = [...at, key];
        const suggestion = mapping.knownKeys?.find((known) => known.toLowerCase() === key.toLowerCase());
        const range = doc.locateKey(keyPath);
        findings.push({
          ruleId: `${mapping.rulePrefix}/unknown-element`,
          severity: 'error',
          path: keyPath,
          ...(range ? { range } : {}),
          message: suggestion ? `unknown element \`${key}\`: element names are case-sensitive, did you mean \`${suggestion}\`?` : `unknown element \`${key}\``,
        });
      }
      continue;
    }
    const range = locateNearest(doc, at);
    findings.push({
      ruleId: params?.ruleId ?? `${mapping.rulePrefix}/${ruleCode(issue)}`,
      severity: 'error',
      path: at,
      ...(range ? { range } : {}),
      message: humanMessage(issue, path),
    });
  }
  return findings;
}
