import { z } from 'zod';

// Every golden harness reads its cases through a strict schema: a misspelt expectation key (`Expcet`,
// `NetworkPathFuond`) must fail the test, naming the file and the key, instead of being skipped by an
// `if (c.Expect.X)` that never runs. Shared by the harnesses of every service (issue 12, test honesty).

/** A page of the AWS documentation: every golden case names the one it comes from. */
export const awsDocPage = z.string().regex(/^https:\/\/docs\.aws\.amazon\.com\//, 'must be a page under https://docs.aws.amazon.com/');

function where(path: readonly PropertyKey[]): string {
  return path.length === 0 ? '(top level)' : path.map((p) => (typeof p === 'number' ? `[${p}]` : `.${String(p)}`)).join('').replace(/^\./, '');
}

/** The value parsed by `schema`, or an error naming the file and each offending key and path. */
export function parseGolden<T extends z.ZodType>(schema: T, value: unknown, file: string): z.output<T> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const problems = parsed.error.issues.map((issue) => {
    if (issue.code === 'unrecognized_keys') return `${file}: ${where(issue.path)}: unknown key${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((k) => `\`${k}\``).join(', ')}`;
    return `${file}: ${where(issue.path)}: ${issue.message}`;
  });
  throw new Error(`golden cases that do not follow their schema:\n${problems.join('\n')}`);
}

/** Case names must be unique in a file: `it.each` would otherwise hide one behind the other. */
export function uniqueNames<T extends { name: string }>(cases: readonly T[], file: string): void {
  const seen = new Set<string>();
  for (const c of cases) {
    if (seen.has(c.name)) throw new Error(`${file}: two cases are named \`${c.name}\``);
    seen.add(c.name);
  }
}
