import {
  extendExamSession,
  findActiveExamSession,
  findExamSession,
  findUserExamSession,
  listExamAnswers,
  listExamRegrades,
  listExamSessionsWithLearners,
  listUserExamSessions,
  saveExamAnswer,
  closeExamSession,
  startExamSession,
  voidExamItem,
  findExamAnswer,
  type ExamSessionRow,
} from '@skylab/db';
import { readItemAnswer } from '@skylab/lab-engine';
import type {
  ExamExtensionResponse,
  ExamItemAnswer,
  ExamListResponse,
  ExamResultResponse,
  ExamSessionListResponse,
  ExamSessionResponse,
  ExamSubmitResponse,
  RegradeResponse,
  SavedAnswerResponse,
  VoidItemResponse,
} from '@skylab/validation';
import { Hono, type Context } from 'hono';
import { z } from 'zod';
import type { AppEnv } from '../app-env.ts';
import type { AppDeps } from '../deps.ts';
import { ApiError, notFound } from '../errors.ts';
import type { RegisteredExam } from '../exam-registry.ts';
import { scheduleDeliveries } from '../deliveries.ts';
import { drawExamSessionPaper, examAvailability, examDeadline, regradeExam, resultReleased, sessionPaper, settleExamSession, type SettledSession } from '../exam-sessions.ts';
import { examResultView, examSessionSummaryView, examSessionView, examSummaryView } from '../exam-views.ts';
import { readJson } from '../json-body.ts';
import { requireAuth, requireRole } from '../middleware/session-auth.ts';
import { assertExamSaveRate } from '../submission-limits.ts';

const TEACHERS = ['instructor', 'admin'] as const;
const reason = z.string().trim().min(1).max(500);
export const extensionBody = z.strictObject({ minutes: z.number().int().min(1).max(600) });
export const voidBody = z.strictObject({ itemId: z.string().min(1).max(64), reason });
export const regradeBody = z.strictObject({ reason });

/** `"3"`, `W/"3"` or `3`: the item version an autosave was made from; 428 without one. */
function ifMatchVersion(c: Context<AppEnv>): number {
  const header = c.req.header('if-match');
  const match = header === undefined ? null : /^(?:W\/)?"?(0|[1-9]\d{0,8})"?$/.exec(header.trim());
  if (!match) throw new ApiError(428, 'precondition_required', 'send the item\'s version in `If-Match` (`"0"` for an item never saved)');
  return Number(match[1]);
}

const timeOver = () => new ApiError(410, 'exam_time_over', 'the time for this exam is over: answers saved up to the deadline were submitted');
const submitted = () => new ApiError(409, 'exam_submitted', 'this exam session was submitted already: it takes no more answers');

function itemIds(registered: RegisteredExam): Set<string> {
  return new Set(registered.exam.sections.flatMap((section) => section.pools.flatMap((pool) => pool.items.map((item) => item.id))));
}

/**
 * Exams (issue 13) as one sub-app mounted at `/api`: learners list and sit them, instructors and admins extend,
 * void and regrade. Time is the server's: every deadline is judged by `deps.clock`, in the database write itself.
 */
export function examRoutes(deps: AppDeps) {
  const findExam = (id: string) => {
    const registered = deps.exams.get(id);
    if (!registered) throw notFound(`there is no exam \`${id}\``);
    return registered;
  };

  // Someone else's session is "not found", never "forbidden": the answer must not confirm it exists.
  async function ownSession(c: Context<AppEnv>): Promise<SettledSession> {
    const { user } = requireAuth(c);
    const id = c.req.param('id') ?? '';
    const session = await findUserExamSession(deps.db, id, user.id);
    if (!session) throw notFound(`there is no exam session \`${id}\``);
    const settled = await settleExamSession(deps, session);
    // A session that timed out on this read was graded here: its `exam.submitted` goes out after the answer.
    scheduleDeliveries(c, deps);
    return settled;
  }

  /** The learner's active session, timed out first if its deadline passed: an expired one must not block a new start. */
  async function settleActive(userId: string): Promise<void> {
    const active = await findActiveExamSession(deps.db, userId);
    if (active) await settleExamSession(deps, active);
  }

  async function sessionView(session: ExamSessionRow) {
    const now = deps.clock.now();
    return examSessionView(session, await listExamAnswers(deps.db, session.id), resultReleased(session, now), now);
  }

  async function startSession(c: Context<AppEnv>) {
    const { user } = requireAuth(c);
    const registered = findExam(c.req.param('id') ?? '');
    const { exam } = registered;
    const now = deps.clock.now();
    const availability = examAvailability(exam.settings, now);
    if (availability !== 'open') throw new ApiError(403, 'exam_not_available', availability === 'upcoming' ? 'this exam is not open yet' : 'this exam is closed');
    await settleActive(user.id);
    const seed = deps.ids.next();
    const paper = await drawExamSessionPaper(deps, exam, seed);
    const started = await startExamSession(
      deps.db,
      { id: deps.ids.next(), userId: user.id, examId: exam.id, examHash: registered.hash, paper, startedAt: now, deadline: examDeadline(exam.settings, now) },
      exam.settings.attemptsAllowed,
    );
    if (!started.ok) {
      throw started.reason === 'active_session'
        ? new ApiError(409, 'exam_session_active', 'you have an exam in progress: submit it before you start another')
        : new ApiError(409, 'no_attempts_left', `you have used all ${exam.settings.attemptsAllowed} attempts at this exam`);
    }
    return c.json({ session: await sessionView(started.session) } satisfies ExamSessionResponse, 201);
  }

  async function saveAnswer(c: Context<AppEnv>) {
    // Who asks comes first: a caller without a session learns nothing about the session's preconditions.
    const { session } = await ownSession(c);
    const expectedVersion = ifMatchVersion(c);
    if (session.status === 'timed-out') throw timeOver();
    if (session.status === 'submitted') throw submitted();
    const itemId = c.req.param('itemId') ?? '';
    await assertExamSaveRate(deps, session.id);
    const { answer, findings } = readItemAnswer(sessionPaper(session), itemId, await readJson(c, z.unknown()));
    if (!answer) throw new ApiError(400, 'invalid_answer', `the answer to \`${itemId}\` was not saved: see the findings`, findings);
    const written = await saveExamAnswer(deps.db, { sessionId: session.id, itemId, value: answer, expectedVersion, savedAt: deps.clock.now() });
    if (written.ok) {
      c.header('etag', `"${written.answer.version}"`);
      return c.json({ answer: { itemId, value: written.answer.value as ExamItemAnswer, version: written.answer.version, savedAt: new Date(written.answer.savedAt).toISOString() } } satisfies SavedAnswerResponse);
    }
    // Refused: the session ended meanwhile, or another save of the item got there first.
    const now = await settleExamSession(deps, (await findExamSession(deps.db, session.id)) ?? session);
    if (now.session.status === 'timed-out') throw timeOver();
    if (now.session.status === 'submitted') throw submitted();
    const current = await findExamAnswer(deps.db, session.id, itemId);
    throw new ApiError(409, 'version_conflict', `the answer to \`${itemId}\` is at version ${current?.version ?? 0}, not ${expectedVersion}: reload it before saving again`);
  }

  async function submit(c: Context<AppEnv>) {
    const { user } = requireAuth(c);
    const id = c.req.param('id') ?? '';
    const first = await findUserExamSession(deps.db, id, user.id);
    if (!first) throw notFound(`there is no exam session \`${id}\``);
    if (first.status !== 'active') throw submitted();
    // Refused past the deadline: the session then times out instead (graded with what was saved by then).
    const mine = await closeExamSession(deps.db, { id, status: 'submitted', now: deps.clock.now() });
    const closed = mine ?? (await findExamSession(deps.db, id)) ?? first;
    if (!mine && closed.status === 'submitted') throw submitted();
    const { session, result } = await settleExamSession(deps, closed);
    scheduleDeliveries(c, deps);
    if (session.status === 'active') throw new ApiError(409, 'version_conflict', 'the deadline moved while the exam was submitted (an extension): submit again');
    const released = resultReleased(session, deps.clock.now());
    return c.json({ session: await sessionView(session), result: released && result ? examResultView(result, []) : null } satisfies ExamSubmitResponse);
  }

  async function result(c: Context<AppEnv>) {
    const { session, result: stored } = await ownSession(c);
    if (session.status === 'active') throw new ApiError(403, 'result_not_released', 'the result is shown once the exam is submitted');
    if (!resultReleased(session, deps.clock.now()) || !stored) throw new ApiError(403, 'result_not_released', releaseNotice(session));
    return c.json({ result: examResultView(stored, await listExamRegrades(deps.db, session.id)) } satisfies ExamResultResponse);
  }

  async function teacherRegrade(c: Context<AppEnv>, kind: 'void' | 'regrade') {
    const { user } = requireRole(c, TEACHERS);
    const registered = findExam(c.req.param('id') ?? '');
    if (kind === 'regrade') {
      const body = await readJson(c, regradeBody);
      const sessions = await regradeExam(deps, { examId: registered.exam.id, kind, actorId: user.id, reason: body.reason });
      return c.json({ regraded: sessions } satisfies RegradeResponse);
    }
    const body = await readJson(c, voidBody);
    if (!itemIds(registered).has(body.itemId)) throw notFound(`there is no item \`${body.itemId}\` in the exam \`${registered.exam.id}\``);
    if (!(await voidExamItem(deps.db, { examId: registered.exam.id, itemId: body.itemId, actorId: user.id, reason: body.reason, createdAt: deps.clock.now() }))) {
      throw new ApiError(409, 'already_voided', `the item \`${body.itemId}\` is voided already`);
    }
    const sessions = await regradeExam(deps, { examId: registered.exam.id, kind, actorId: user.id, reason: body.reason });
    return c.json({ voided: body.itemId, regraded: sessions } satisfies VoidItemResponse);
  }

  return new Hono<AppEnv>()
    .get('/exams', async (c) => {
      const { user } = requireAuth(c);
      await settleActive(user.id);
      const sessions = await listUserExamSessions(deps.db, user.id);
      const now = deps.clock.now();
      return c.json({ exams: deps.exams.list().map((registered) => examSummaryView(registered, sessions, now)) } satisfies ExamListResponse);
    })
    .post('/exams/:id/sessions', startSession)
    .get('/exams/:id/sessions', async (c) => {
      requireRole(c, TEACHERS);
      const registered = findExam(c.req.param('id'));
      const now = deps.clock.now();
      // Sessions past their deadline are timed out (and graded) here too, so the list says how they stand.
      const rows = await Promise.all(
        (await listExamSessionsWithLearners(deps.db, registered.exam.id)).map(async (row) => (row.status === 'active' && row.deadline < now ? { ...row, ...(await settleExamSession(deps, row)).session } : row)),
      );
      return c.json({ sessions: rows.map((row) => ({ ...examSessionSummaryView(row), learner: { id: row.userId, email: row.email, name: row.name } })) } satisfies ExamSessionListResponse);
    })
    .post('/exams/:id/void-items', (c) => teacherRegrade(c, 'void'))
    .post('/exams/:id/regrade', (c) => teacherRegrade(c, 'regrade'))
    .get('/exam-sessions/:id', async (c) => c.json({ session: await sessionView((await ownSession(c)).session) } satisfies ExamSessionResponse))
    .put('/exam-sessions/:id/answers/:itemId', saveAnswer)
    .post('/exam-sessions/:id/submit', submit)
    .get('/exam-sessions/:id/result', result)
    .post('/exam-sessions/:id/extensions', async (c) => {
      requireRole(c, TEACHERS);
      const id = c.req.param('id');
      const body = await readJson(c, extensionBody);
      const session = await findExamSession(deps.db, id);
      if (!session) throw notFound(`there is no exam session \`${id}\``);
      const extended = await extendExamSession(deps.db, id, body.minutes);
      if (!extended) throw new ApiError(409, 'exam_session_closed', 'this exam session has ended: it cannot be extended');
      return c.json({ session: examSessionSummaryView(extended) } satisfies ExamExtensionResponse);
    });
}

function releaseNotice(session: ExamSessionRow): string {
  const { feedbackRelease, availability } = sessionPaper(session).settings;
  if (feedbackRelease === 'never') return 'results of this exam are not released';
  return availability.closes ? `the result is released when the exam closes at ${availability.closes}` : 'the result is released when the exam closes';
}
