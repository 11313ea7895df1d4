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
