import { findProgress } from '@skylab/db';
import { Hono } from 'hono';
import type { AppEnv } from '../app-env.ts';
import type { AppDeps } from '../deps.ts';
import { requireAuth } from '../middleware/session-auth.ts';
import { iso, userView } from '../views.ts';

export function meRoutes(deps: AppDeps) {
  return new Hono<AppEnv>()
    .get('/', (c) => c.json({ user: userView(requireAuth(c).user) }))
    .get('/progress', async (c) => {
      const { user } = requireAuth(c);
      const rows = await findProgress(deps.db, user.id);
      const progress = rows.map((row) => ({
        labId: row.labId,
        title: deps.labs.get(row.labId)?.summary.title ?? row.labId,
        attempts: row.attempts,
        bestScore: row.bestScore,
        completed: row.completed,
        lastActivityAt: iso(row.lastActivityAt),
        latestAttemptId: row.latestAttemptId,
      }));
      return c.json({ progress });
    });
}
