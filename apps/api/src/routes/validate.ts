import { ARTIFACT_KINDS, artifactJsonSchema, lint, type ArtifactKind, type FindingsResponse } from '@skylab/validation';
import { Hono } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../app-env.ts';
import { notFound } from '../errors.ts';
import { readJson } from '../json-body.ts';
import { requireAuth } from '../middleware/session-auth.ts';

export const validateBody = z.strictObject({
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
    return c.json({ findings: lint(kind, text).findings } satisfies FindingsResponse);
  });
}

/**
 * `GET /api/schemas/:kind` → the kind's JSON Schema (draft 7), for editors such as yaml-language-server and
 * Monaco. Public and cacheable for an hour: it holds no learner data and changes only with a deploy.
 */
export function schemaRoutes() {
  return new Hono<AppEnv>().get('/:kind', (c) => {
    const kind = c.req.param('kind');
    if (!(ARTIFACT_KINDS as readonly string[]).includes(kind)) throw notFound(`there is no artifact kind \`${kind}\`: use one of ${ARTIFACT_KINDS.join(', ')}`);
    c.header('Cache-Control', 'public, max-age=3600');
    return c.json(artifactJsonSchema(kind as ArtifactKind));
  });
}
