import { z } from 'zod';
import type { Finding } from '../finding.ts';

// The pieces every answer of the API is built from (docs/api.md). Answers are strict objects: a field a
// route sends that its schema does not name fails the response tests, so the OpenAPI document cannot lag.

/** A time as the API writes it: `Date#toISOString()`, always UTC. */
export const isoTime = z.iso.datetime();

const position = z.strictObject({ line: z.number().int(), column: z.number().int(), offset: z.number().int() });

/** A finding (`Finding` of this package) as the API sends it. */
export const findingSchema = z.strictObject({
  ruleId: z.string(),
  file: z.string().optional(),
  severity: z.enum(['error', 'security-warning', 'warning', 'suggestion']),
  path: z.array(z.union([z.string(), z.number()])),
  range: z.strictObject({ start: position, end: position }).optional(),
  message: z.string(),
  help: z.string().optional(),
  learnMore: z.string().optional(),
}) satisfies z.ZodType<Finding>;

/** Every error answer, 4xx and 5xx: `{ error: { code, message, findings?, requestId? } }`. */
export const errorResponse = z.strictObject({
  error: z.strictObject({ code: z.string(), message: z.string(), findings: z.array(findingSchema).optional(), requestId: z.string().optional() }),
});
export type ErrorBody = z.infer<typeof errorResponse>;

