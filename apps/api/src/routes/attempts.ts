import { findUserAttempt, listSubmissions, recordSubmission, type AttemptRow } from '@skylab/db';
import { restoreAccountState } from '@skylab/emulator';
import { grade } from '@skylab/lab-engine';
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../app-env.ts';
import type { AppDeps } from '../deps.ts';
import { engineCtx } from '../engine-ctx.ts';
import { ApiError, notFound } from '../errors.ts';
import { readJson } from '../json-body.ts';
import { requireAuth } from '../middleware/session-auth.ts';
import { attemptView, submissionView } from '../views.ts';

const submissionBody = z.object({
  version: z.number().int().min(1),
  answers: z.record(z.string(), z.string()),
});

function versionConflict(expected: number) {
  return new ApiError(409, 'version_conflict', `the attempt is no longer at version ${expected}: reload it and submit again`);
}

export function attemptRoutes(deps: AppDeps) {
  // Someone else's attempt is "not found", never "forbidden": the answer must not confirm it exists.
  async function ownAttempt(c: Context<AppEnv>): Promise<AttemptRow> {
    const { user } = requireAuth(c);
    const id = c.req.param('id') ?? '';
    const attempt = await findUserAttempt(deps.db, id, user.id);
    if (!attempt) throw notFound(`there is no attempt \`${id}\``);
    return attempt;
  }

  return new Hono<AppEnv>()
    .get('/:id', async (c) => {
      const attempt = await ownAttempt(c);
      const submissions = await listSubmissions(deps.db, attempt.id);
      return c.json({ attempt: attemptView(attempt, deps.labs.get(attempt.labId), submissions) });
    })
    .post('/:id/submissions', async (c) => {
      const attempt = await ownAttempt(c);
      const body = await readJson(c, submissionBody);
      // Cheap refusal before grading; the guarded write below is what actually prevents lost updates.
      if (body.version !== attempt.version) throw versionConflict(body.version);
      const registered = deps.labs.get(attempt.labId);
      if (!registered) throw notFound(`the lab \`${attempt.labId}\` is no longer available`);
      const provisioned = { params: attempt.params, state: restoreAccountState(attempt.state) };
      const outcome = grade(registered.lab, provisioned, body.answers, engineCtx(deps, attempt.seed, attempt.version));
      if (!outcome.ok) throw new ApiError(400, 'invalid_submission', 'the answers could not be graded: see the findings', outcome.findings);
      const written = await recordSubmission(deps.db, {
        attempt,
        expectedVersion: body.version,
        submission: {
          id: deps.ids.next(),
          answers: body.answers,
          grade: outcome.grade,
          findings: outcome.findings,
          score: outcome.grade.score,
          createdAt: deps.clock.now(),
        },
        state: outcome.state,
      });
      if (!written.ok) throw versionConflict(body.version);
      const submissions = await listSubmissions(deps.db, attempt.id);
      return c.json({ submission: submissionView(written.submission), attempt: attemptView(written.attempt, registered, submissions) }, 201);
    });
}
