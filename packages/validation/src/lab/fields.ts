import { z } from 'zod';

const KEBAB = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** A lowercase, hyphenated id (tasks, checks, tags …). */
export function kebabId(what: string) {
  return z
    .string({ error: `${what} must be a string` })
    .regex(KEBAB, { error: (issue) => `\`${String(issue.input)}\` is not a valid ${what}: use lowercase letters, digits and single hyphens` });
}

/** A non-empty string. */
export function text(what: string) {
  return z.string({ error: `${what} must be a string` }).min(1, { error: `${what} must not be empty` });
}

/** A lab-level resource name: what checks and other setup entries use instead of the ids AWS assigns per attempt. */
export function resourceName(what: string) {
  return text(what).describe(`The ${what}: a name from this lab's setup (ids are assigned per attempt)`);
}

/** A policy document in a lab file: JSON text, or the same structure written as YAML. */
export const policyDocument = z
  .union([text('a policy document'), z.record(z.string(), z.unknown())], { error: 'a policy document must be JSON text or a map' })
  .transform((doc) => (typeof doc === 'string' ? doc : JSON.stringify(doc, null, 2)))
  .describe('An IAM policy document, as JSON text or as a YAML map');
