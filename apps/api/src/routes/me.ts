import { findProgress, replacePassword } from '@skylab/db';
import { passwordChangeBody, type LearnerAssignmentsResponse, type ProgressResponse, type UserResponse } from '@skylab/validation';
import { Hono } from 'hono';
import type { AppEnv } from '../app-env.ts';
import { beginPasswordAttempt } from '../auth-throttle.ts';
import { labTitle } from '../course-labs.ts';
import type { AppDeps } from '../deps.ts';
import { ApiError } from '../errors.ts';
import { readJson } from '../json-body.ts';
import { requireAuth } from '../middleware/session-auth.ts';
import { learnerAssignments } from '../learner-assignments.ts';
import { requestAddress } from '../request-address.ts';
import { startSession } from '../session-cookie.ts';
import { trackProgress } from '../track-progress.ts';
import { iso, userView } from '../views.ts';

export function meRoutes(deps: AppDeps) {
  return new Hono<AppEnv>()
    .get('/', (c) => c.json({ user: userView(requireAuth(c).user) } satisfies UserResponse))
    .get('/progress', async (c) => {
      const { user } = requireAuth(c);
      const rows = await findProgress(deps.db, user.id);
      const progress = await Promise.all(rows.map(async (row) => ({
        labId: row.labId,
        title: await labTitle(deps, row.labId),
        attempts: row.attempts,
        bestScore: row.bestScore,
        completed: row.completed,
        lastActivityAt: iso(row.lastActivityAt),
        latestAttemptId: row.latestAttemptId,
      })));
      const completed = new Set(rows.filter((row) => row.completed).map((row) => row.labId));
      return c.json({ progress, tracks: trackProgress(deps.labs.list(), completed) } satisfies ProgressResponse);
    })
    .get('/assignments', async (c) => {
      const { user } = requireAuth(c);
      return c.json({ assignments: await learnerAssignments(deps, user.id) } satisfies LearnerAssignmentsResponse);
    })
    // The current password is asked for (and throttled like a sign-in), so a stolen session alone cannot
    // take the account over; every session ends and this browser gets a fresh one (docs/api.md).
    .post('/password', async (c) => {
      const { user } = requireAuth(c);
      const body = await readJson(c, passwordChangeBody);
      const attempt = await beginPasswordAttempt(deps, user.email, requestAddress(c, deps));
      const valid = await deps.passwords.verify(body.currentPassword, user.passwordHash);
      await attempt.settle(valid);
      if (!valid) throw new ApiError(403, 'wrong_password', 'the current password is not correct');
      await replacePassword(deps.db, user.id, await deps.passwords.hash(body.newPassword));
      await startSession(c, deps, user.id);
      return c.json({ user: userView(user) } satisfies UserResponse);
    });
}
