import { listUserLabAttempts } from '@skylab/db';
import { renderLab } from '@skylab/lab-engine';
import { Hono } from 'hono';
import type { AppEnv } from '../app-env.ts';
import type { AppDeps } from '../deps.ts';
import { assignmentToStart } from '../assignment-rules.ts';
import { startAttemptBody, type AttemptListResponse, type AttemptResponse, type CatalogueResponse, type LabResponse } from '@skylab/validation';
import { labForUser } from '../course-labs.ts';
import { readOptionalJson } from '../json-body.ts';
import { requireAuth } from '../middleware/session-auth.ts';
import { startAttempt } from '../start-attempt.ts';
import { trackViews } from '../track-progress.ts';
import { attemptSummaryView, attemptView } from '../views.ts';

/** The catalogue (the repository's labs) is public; a course's labs are its members'; starting an attempt needs an account. */
export function labRoutes(deps: AppDeps) {
  return new Hono<AppEnv>()
    .get('/', (c) => c.json({ labs: deps.labs.list(), tracks: trackViews(deps.labs.list()) } satisfies CatalogueResponse))
    .get('/:id', async (c) => c.json({ lab: renderLab((await labForUser(deps, c.req.param('id'), c.get('auth')?.user)).lab) } satisfies LabResponse))
    .get('/:id/attempts', async (c) => {
      const { user } = requireAuth(c);
      const registered = await labForUser(deps, c.req.param('id'), user);
      const rows = await listUserLabAttempts(deps.db, user.id, registered.lab.id);
      return c.json({ attempts: rows.map(attemptSummaryView) } satisfies AttemptListResponse);
    })
    .post('/:id/attempts', async (c) => {
      const { user } = requireAuth(c);
      const registered = await labForUser(deps, c.req.param('id'), user);
      const { assignmentId } = await readOptionalJson(c, startAttemptBody);
      const assignment = assignmentId === undefined ? undefined : await assignmentToStart(deps, user, registered.lab.id, assignmentId);
      const attempt = await startAttempt(deps, user.id, registered, assignment ? { courseId: assignment.courseId, assignmentId: assignment.id } : undefined);
      return c.json({ attempt: attemptView(attempt, registered, [], null) } satisfies AttemptResponse, 201);
    });
}
