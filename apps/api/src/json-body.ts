import type { Finding } from '@skylab/validation';
import type { Context } from 'hono';
import type { z } from 'zod';
import { ApiError } from './errors.ts';

/** Parses the body as JSON and checks it against `schema`: 400 `malformed_json` or `invalid_request` with findings. */
export async function readJson<T extends z.ZodType>(c: Context, schema: T): Promise<z.output<T>> {
  return parseJson(await c.req.text(), schema);
}

/** As `readJson`, for routes whose body may be left out: no body reads as `{}`. */
export async function readOptionalJson<T extends z.ZodType>(c: Context, schema: T): Promise<z.output<T>> {
  const text = await c.req.text();
  return parseJson(text.trim() === '' ? '{}' : text, schema);
}

function parseJson<T extends z.ZodType>(text: string, schema: T): z.output<T> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new ApiError(400, 'malformed_json', 'the request body is not valid JSON');
  }
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    throw new ApiError(400, 'invalid_request', 'the request body does not match the expected shape', issueFindings(parsed.error.issues));
  }
  return parsed.data;
}

/** zod issues in the findings vocabulary, so clients render request and submission problems alike. */
export function issueFindings(issues: readonly z.core.$ZodIssue[]): Finding[] {
  return issues.map((issue) => {
    const path = issue.path.filter((segment): segment is string | number => typeof segment !== 'symbol');
    const where = path.length > 0 ? `\`${path.join('.')}\`: ` : '';
    return { ruleId: `invalid-${issue.code.replaceAll('_', '-')}`, severity: 'error', path, message: where + sentence(issue.message) };
  });
}

function sentence(message: string): string {
  const trimmed = message.replace(/\.$/, '');
  return trimmed.charAt(0).toLowerCase() + trimmed.slice(1);
}
