import { ARTIFACT_KINDS, lint } from '@skylab/validation';
import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../app-env.ts';
import { readJson } from '../json-body.ts';
import { requireAuth } from '../middleware/session-auth.ts';

const validateBody = z.strictObject({
  kind: z.enum(ARTIFACT_KINDS, { error: `\`kind\` must be one of ${ARTIFACT_KINDS.join(', ')}` }),
  text: z.string({ error: '`text` must be a string' }),
});

/**
 * `POST /api/validate` `{ kind, text }` → `{ findings }`: the learner editor's lint-as-you-type. It needs a
 * session (it is part of the learner app) but touches no database: lint is pure and bounded by its limits
 * and by the API's body limit.
 */
export function validateRoutes() {
  return new Hono<AppEnv>().post('/', async (c) => {
    requireAuth(c);
    const { kind, text } = await readJson(c, validateBody);
    return c.json({ findings: lint(kind, text).findings });
  });
}
