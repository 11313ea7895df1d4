import { findUserAttempt, listSubmissions, recordHintReveal, recordSubmission, type AttemptRow } from '@skylab/db';
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

/** A reveal that lost the version race is retried on the re-read attempt: adding a hint never depends on what changed. */
const HINT_REVEAL_TRIES = 3;

export function attemptRoutes(deps: AppDeps) {
  // Someone else's attempt is "not found", never "forbidden": the answer must not confirm it exists.
  async function ownAttempt(c: Context<AppEnv>): Promise<AttemptRow> {
    const { user } = requireAuth(c);
    const id = c.req.param('id') ?? '';
    const attempt = await findUserAttempt(deps.db, id, user.id);
    if (!attempt) throw notFound(`there is no attempt \`${id}\``);
    return attempt;
  }

  function attemptLab(attempt: AttemptRow) {
    const registered = deps.labs.get(attempt.labId);
    if (!registered) throw notFound(`the lab \`${attempt.labId}\` is no longer available`);
    return registered;
  }

  async function revealHint(first: AttemptRow, index: number): Promise<AttemptRow> {
    let attempt = first;
    for (let tries = 1; ; tries++) {
      const written = await recordHintReveal(deps.db, { attempt, index, updatedAt: deps.clock.now() });
      if (written.ok) return written.attempt;
      const reread = await findUserAttempt(deps.db, attempt.id, attempt.userId);
      if (!reread || tries === HINT_REVEAL_TRIES) throw versionConflict(attempt.version);
      attempt = reread;
    }
  }

  return new Hono<AppEnv>()
    .get('/:id', async (c) => {
      const attempt = await ownAttempt(c);
      const submissions = await listSubmissions(deps.db, attempt.id);
      return c.json({ attempt: attemptView(attempt, deps.labs.get(attempt.labId), submissions) });
    })
    .post('/:id/hints/:index', async (c) => {
      const attempt = await ownAttempt(c);
      const registered = attemptLab(attempt);
      const raw = c.req.param('index');
      const index = /^(0|[1-9]\d{0,5})$/.test(raw) ? Number(raw) : -1;
      const hint = registered.lab.hints[index];
      if (!hint) throw notFound(`there is no hint \`${raw}\` in this lab`);
      // Free hints are shown already and cost nothing: only paid ones are recorded (and so charged).
      const revealed = hint.cost > 0 ? await revealHint(attempt, index) : attempt;
      const view = attemptView(revealed, registered, await listSubmissions(deps.db, attempt.id));
      return c.json({ hint: view.lab?.hints[index], attempt: view });
    })
    .post('/:id/submissions', async (c) => {
      const attempt = await ownAttempt(c);
      const body = await readJson(c, submissionBody);
      // Cheap refusal before grading; the guarded write below is what actually prevents lost updates.
      if (body.version !== attempt.version) throw versionConflict(body.version);
      const registered = attemptLab(attempt);
      const provisioned = { params: attempt.params, state: restoreAccountState(attempt.state) };
      // The hints read with this version; a reveal since then moves the version and the write below refuses.
      const outcome = grade(registered.lab, provisioned, body.answers, engineCtx(deps, attempt.seed, attempt.version), {
        revealedHints: attempt.revealedHints,
      });
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
        // Passing every check completes the attempt; revealed hints lower the score, not the achievement.
        completed: outcome.grade.checks.every((check) => check.status === 'pass'),
      });
      if (!written.ok) throw versionConflict(body.version);
      const submissions = await listSubmissions(deps.db, attempt.id);
      return c.json({ submission: submissionView(written.submission), attempt: attemptView(written.attempt, registered, submissions) }, 201);
    });
}
