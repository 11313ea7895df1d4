import {
  closeAttempt,
  findUserAttempt,
  listSubmissions,
  recordHintReveal,
  recordSubmission,
  writeAttemptState,
  type AttemptRow,
  type AttemptWriteResult,
  type SubmissionRow,
} from '@skylab/db';
import { restoreAccountState } from '@skylab/emulator';
import { withLiveAnswers, type AccountChange } from '@skylab/lab-engine';
import { submissionBody, versionBody, type AttemptResponse, type HintResponse, type SubmissionResponse } from '@skylab/validation';
import { Hono, type Context } from 'hono';
import type { AppEnv } from '../app-env.ts';
import { assertAssignmentTakesSubmissions, pastDueDate } from '../assignment-rules.ts';
import { accountDriftView, attemptAccount } from '../attempt-account.ts';
import { findAnyLab } from '../course-labs.ts';
import { scheduleDeliveries } from '../deliveries.ts';
import type { AppDeps } from '../deps.ts';
import { attemptGradeChanged } from '../grade-events.ts';
import { ApiError, notFound } from '../errors.ts';
import { labRef, type AccountJob } from '../grader.ts';
import { readJson } from '../json-body.ts';
import type { RegisteredLab } from '../lab-registry.ts';
import { requireAuth } from '../middleware/session-auth.ts';
import { assertAcceptsSubmissions, assertSubmissionRate } from '../submission-limits.ts';
import { attemptView, feedbackRelease, submissionView } from '../views.ts';

function versionConflict(expected: number) {
  return new ApiError(409, 'version_conflict', `the attempt is no longer at version ${expected}: reload it and submit again`);
}

/** A write that lost the version race is retried on the re-read attempt when it never depends on what changed (a hint, closing). */
const UNCONDITIONAL_WRITE_TRIES = 3;

export function attemptRoutes(deps: AppDeps) {
  // Someone else's attempt is "not found", never "forbidden": the answer must not confirm it exists.
  async function ownAttempt(c: Context<AppEnv>): Promise<AttemptRow> {
    const { user } = requireAuth(c);
    const id = c.req.param('id') ?? '';
    const attempt = await findUserAttempt(deps.db, id, user.id);
    if (!attempt) throw notFound(`there is no attempt \`${id}\``);
    return attempt;
  }

  // the learner's own attempt: a course lab stays theirs to finish even if they left the course
  async function attemptLab(attempt: AttemptRow) {
    const registered = (await findAnyLab(deps, attempt.labId))?.registered;
    if (!registered) throw notFound(`the lab \`${attempt.labId}\` is no longer available`);
    return registered;
  }

  function accountJob(registered: RegisteredLab, attempt: AttemptRow, submissions: SubmissionRow[]): AccountJob {
    return { lab: labRef(registered), account: attemptAccount(attempt, submissions, deps.config) };
  }

  async function retried(first: AttemptRow, write: (attempt: AttemptRow) => Promise<AttemptWriteResult>): Promise<AttemptRow> {
    let attempt = first;
    for (let tries = 1; ; tries++) {
      const written = await write(attempt);
      if (written.ok) return written.attempt;
      const reread = await findUserAttempt(deps.db, attempt.id, attempt.userId);
      if (!reread || tries === UNCONDITIONAL_WRITE_TRIES) throw versionConflict(attempt.version);
      attempt = reread;
    }
  }

  /** The attempt as its learner sees it, with its account drift (computed unless the caller has it already). */
  async function view(attempt: AttemptRow, registered: RegisteredLab | undefined, drift?: AccountChange[]) {
    const submissions = await listSubmissions(deps.db, attempt.id);
    const changes = drift ?? (registered ? await deps.grading.drift(accountJob(registered, attempt, submissions)) : []);
    return attemptView(attempt, registered, submissions, accountDriftView(changes, registered, attempt), await pastDueDate(deps, attempt));
  }

  return new Hono<AppEnv>()
    .get('/:id', async (c) => {
      const attempt = await ownAttempt(c);
      return c.json({ attempt: await view(attempt, (await findAnyLab(deps, attempt.labId))?.registered) } satisfies AttemptResponse);
    })
    .post('/:id/hints/:index', async (c) => {
      const attempt = await ownAttempt(c);
      const registered = await attemptLab(attempt);
      const raw = c.req.param('index');
      const index = /^(0|[1-9]\d{0,5})$/.test(raw) ? Number(raw) : -1;
      const hint = registered.lab.hints[index];
      if (!hint) throw notFound(`there is no hint \`${raw}\` in this lab`);
      // Free hints are shown already and cost nothing: only paid ones are recorded (and so charged).
      const revealed = hint.cost > 0 ? await retried(attempt, (at) => recordHintReveal(deps.db, { attempt: at, index, updatedAt: deps.clock.now() })) : attempt;
      const shown = await view(revealed, registered);
      // `registered` is the attempt's lab, so the view has it rendered, with this hint at `index`
      return c.json({ hint: shown.lab!.hints[index]!, attempt: shown } satisfies HintResponse);
    })
    .post('/:id/submissions', async (c) => {
      const attempt = await ownAttempt(c);
      const body = await readJson(c, submissionBody);
      const registered = await attemptLab(attempt);
      assertAcceptsSubmissions(registered.lab, attempt);
      await assertAssignmentTakesSubmissions(deps, attempt);
      // Cheap refusal before grading; the guarded write below is what actually prevents lost updates.
      if (body.version !== attempt.version) throw versionConflict(body.version);
      await assertSubmissionRate(deps, attempt.id);
      const now = deps.clock.now();
      const submissions = await listSubmissions(deps.db, attempt.id);
      // Tasks done with the AWS CLI take their answer from the live account at this very version (a call
      // since moves the version, and the write below refuses); only the document each names is read.
      const live = withLiveAnswers(registered.lab, attempt.params, restoreAccountState(attempt.state), body.answers);
      if (live.findings.length > 0) throw new ApiError(400, 'invalid_submission', 'the answers could not be graded: see the findings', live.findings);
      const answers = live.answers;
      // The hints read with this version; a reveal since then moves the version and the write below refuses.
      const graded = await deps.grading.grade({ ...accountJob(registered, attempt, submissions), answers, time: now, revealedHints: attempt.revealedHints });
      if (!graded.ok) throw new ApiError(400, 'invalid_submission', 'the answers could not be graded: see the findings', graded.findings);
      const written = await recordSubmission(deps.db, {
        attempt,
        expectedVersion: body.version,
        submission: { id: deps.ids.next(), answers, grade: graded.grade, findings: graded.findings, score: graded.grade.score, createdAt: now },
        state: graded.live.state,
        // Passing every check completes the attempt; revealed hints lower the score, not the achievement.
        completed: graded.grade.checks.every((check) => check.status === 'pass'),
      });
      if (!written.ok) throw versionConflict(body.version);
      await attemptGradeChanged(deps, attempt, written.attempt);
      scheduleDeliveries(c, deps);
      const shown = await view(written.attempt, registered, graded.live.drift);
      const release = feedbackRelease(registered.lab, written.attempt, await pastDueDate(deps, written.attempt));
      return c.json({ submission: submissionView(written.submission, release), attempt: shown } satisfies SubmissionResponse, 201);
    })
    .post('/:id/account/reset', async (c) => {
      const attempt = await ownAttempt(c);
      const body = await readJson(c, versionBody);
      if (body.version !== attempt.version) throw versionConflict(body.version);
      const registered = await attemptLab(attempt);
      const submissions = await listSubmissions(deps.db, attempt.id);
      const state = await deps.grading.resetAccount(accountJob(registered, attempt, submissions));
      const updatedAt = deps.clock.now();
      if (!(await writeAttemptState(deps.db, { id: attempt.id, expectedVersion: body.version, state, updatedAt }))) throw versionConflict(body.version);
      return c.json({ attempt: await view({ ...attempt, state, version: attempt.version + 1, updatedAt }, registered, []) } satisfies AttemptResponse);
    })
    .post('/:id/close', async (c) => {
      const attempt = await ownAttempt(c);
      // Closing depends on nothing else, so a close that lost a race is simply tried again.
      const closed = await retried(attempt, (at) => closeAttempt(deps.db, at, deps.clock.now()));
      // closing makes the score final (and releases `on-close` grades): the LMS hears of it
      if (attempt.closedAt === null) {
        await attemptGradeChanged(deps, attempt, closed);
        scheduleDeliveries(c, deps);
      }
      return c.json({ attempt: await view(closed, (await findAnyLab(deps, closed.labId))?.registered) } satisfies AttemptResponse);
    });
}
