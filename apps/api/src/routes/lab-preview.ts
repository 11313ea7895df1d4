import { Hono } from 'hono';
import type { AppEnv } from '../app-env.ts';
import { labPreviewBody, type LabPreviewResponse } from '@skylab/validation';
import type { AppDeps } from '../deps.ts';
import { readJson } from '../json-body.ts';
import { requireAuth } from '../middleware/session-auth.ts';
import { requireRole } from '../principal.ts';

/** Instructors try a lab text before publishing it: findings, the learner's view for a seed, the self-test. Nothing is stored. */
export function labPreviewRoutes(deps: AppDeps) {
  return new Hono<AppEnv>().post('/', async (c) => {
    requireRole(requireAuth(c).user, 'instructor');
    const body = await readJson(c, labPreviewBody);
    const preview = await deps.grading.previewLab({ text: body.text, seed: body.seed, time: deps.clock.now(), region: deps.config.region });
    return c.json({ preview } satisfies LabPreviewResponse);
  });
}
