import { insertAttempt, listUserLabAttempts } from '@skylab/db';
import { provision, renderLab } from '@skylab/lab-engine';
import { Hono } from 'hono';
import type { AppEnv } from '../app-env.ts';
import type { AppDeps } from '../deps.ts';
import { newRootAccessKey } from '../aws-secrets.ts';
import { engineCtx, pinnedClock } from '../engine-ctx.ts';
import { assignmentToStart } from '../assignment-rules.ts';
import { startAttemptBody } from '@skylab/validation';
import { notFound } from '../errors.ts';
import { readOptionalJson } from '../json-body.ts';
import type { RegisteredLab } from '../lab-registry.ts';
import { requireAuth } from '../middleware/session-auth.ts';
import { attemptSummaryView, attemptView } from '../views.ts';

function findLab(deps: AppDeps, id: string): RegisteredLab {
  const registered = deps.labs.get(id);
  if (!registered) throw notFound(`there is no lab \`${id}\``);
  return registered;
}

/** The catalogue is public; starting an attempt needs an account. */
export function labRoutes(deps: AppDeps) {
  return new Hono<AppEnv>()
    .get('/', (c) => c.json({ labs: deps.labs.list() }))
    .get('/:id', (c) => c.json({ lab: renderLab(findLab(deps, c.req.param('id')).lab) }))
    .get('/:id/attempts', async (c) => {
      const { user } = requireAuth(c);
      const registered = findLab(deps, c.req.param('id'));
      const rows = await listUserLabAttempts(deps.db, user.id, registered.lab.id);
      return c.json({ attempts: rows.map(attemptSummaryView) });
    })
    .post('/:id/attempts', async (c) => {
      const { user } = requireAuth(c);
      const registered = findLab(deps, c.req.param('id'));
      const { assignmentId } = await readOptionalJson(c, startAttemptBody);
      const assignment = assignmentId === undefined ? undefined : await assignmentToStart(deps, user, registered.lab.id, assignmentId);
      const seed = deps.ids.next();
      const now = deps.clock.now();
      const { params, state } = provision(registered.lab, seed, engineCtx(pinnedClock(deps, now), seed, 0));
      const { accessKeyId, secretAccessKey } = newRootAccessKey();
      const attempt = await insertAttempt(deps.db, {
        id: deps.ids.next(),
        userId: user.id,
        labId: registered.lab.id,
        labVersion: registered.version,
        courseId: assignment?.courseId ?? null,
        assignmentId: assignment?.id ?? null,
        seed,
        params,
        state,
        awsAccessKeyId: accessKeyId,
        awsSecretAccessKey: secretAccessKey,
        version: 1,
        status: 'in-progress',
        createdAt: now,
        updatedAt: now,
      });
      return c.json({ attempt: attemptView(attempt, registered, [], null) }, 201);
    });
}
