import { expect } from 'vitest';
import { FIXTURE_EXAMS, FIXTURE_MINUTES, SECRET_MARKER } from '../fixtures/exams.ts';
import type { Agent } from './client.ts';
import { RIGHT_POLICY } from './labs.ts';
import { PASSWORD, type ScenarioContext } from './scenario.ts';

// Issue 13: exams on the server's clock. These scenarios need to move that clock and to act as an instructor,
// so they run where the test builds the app itself: in Node (fixed clock) and in workerd (real clock plus an
// offset), both against the fixture exams of `../fixtures/exams.ts`.

export interface ExamScenarioContext extends ScenarioContext {
  /** Moves the server's clock forward. */
  advanceClock(ms: number): void;
  /** A new browser signed up and promoted to instructor. */
  instructor(): Promise<Agent>;
}

export interface ExamScenario {
  name: string;
  run(ctx: ExamScenarioContext): Promise<void>;
}

/** The exam scenarios' context over the plain one, given how to move the clock and make someone an instructor. */
export function examScenarioContext(base: ScenarioContext, hooks: { advanceClock(ms: number): void; promote(email: string): Promise<unknown> }): ExamScenarioContext {
  return {
    ...base,
    advanceClock: hooks.advanceClock,
    async instructor() {
      const agent = base.agent();
      const email = base.uniqueEmail('instructor');
      expect((await agent.post('/api/auth/sign-up', { email, password: PASSWORD })).status).toBe(201);
      await hooks.promote(email);
      return agent;
    },
  };
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const MARGIN = 5_000;

/** Right answers to every item of the fixture exams. */
const RIGHT: Record<string, unknown> = {
  'q-single': { picks: ['bucket-policy'] },
  'q-multi': { picks: ['user', 'role'] },
  'q-order': { order: ['igw', 'nacl', 'sg'] },
  'q-match': { pairs: { sg: 'eni', nacl: 'subnet' } },
  'h-reader': { text: RIGHT_POLICY },
};

/** The questions' documentation pages: shown with the rationale, once released. */
const QUESTION_LINKS = ['bucket-policies.html', 'IAM/latest/UserGuide/id.html', 'VPC_Internet_Gateway.html', 'infrastructure-security.html'];

/** Every key and string in a JSON value, to prove what a response does not contain. */
function walk(value: unknown, seen: { keys: Set<string>; strings: string[] } = { keys: new Set(), strings: [] }) {
  if (typeof value === 'string') seen.strings.push(value);
  else if (Array.isArray(value)) for (const entry of value) walk(entry, seen);
  else if (value && typeof value === 'object') {
    for (const [key, entry] of Object.entries(value)) {
      seen.keys.add(key);
      walk(entry, seen);
    }
  }
  return seen;
}

/** No key, rationale, correctness flag, documentation link, seed, lab check or solution anywhere in `body`. */
function expectNothingHidden(body: unknown) {
  const { keys, strings } = walk(body);
  for (const hidden of ['key', 'rationale', 'correct', 'learnMore', 'seed', 'checks', 'solution', 'wrongAnswers', 'hash', 'match']) {
    expect(keys.has(hidden), `the learner view contains \`${hidden}\``).toBe(false);
  }
  expect(strings.filter((text) => text.includes(SECRET_MARKER) || QUESTION_LINKS.some((link) => text.includes(link)))).toEqual([]);
}

async function start(agent: Agent, examId: string) {
  const res = await agent.post(`/api/exams/${examId}/sessions`);
  expect(res.status, JSON.stringify(res.body)).toBe(201);
  return res.body.session;
}

function save(agent: Agent, sessionId: string, itemId: string, value: unknown, version: number | null = 0) {
  return agent.request('PUT', `/api/exam-sessions/${sessionId}/answers/${itemId}`, { body: value, headers: version === null ? {} : { 'if-match': `"${version}"` } });
}

async function answerAll(agent: Agent, sessionId: string, answers: Record<string, unknown>) {
  for (const [itemId, value] of Object.entries(answers)) expect((await save(agent, sessionId, itemId, value)).status).toBe(200);
}

const paperItems = (session: { paper: { sections: { items: { id: string }[] }[] } }) => session.paper.sections.flatMap((section) => section.items.map((item) => item.id));

export const examScenarios: ExamScenario[] = [
  {
    name: 'exams: a learner starts one session at a time, on the server\'s deadline, and the paper hides every key',
    async run(ctx) {
      const learner = await ctx.learner();
      const list = await learner.get('/api/exams');
      expect(list.status).toBe(200);
      expect(list.body.exams.find((exam: { id: string }) => exam.id === FIXTURE_EXAMS.afterSubmit)).toMatchObject({ availability: 'open', attemptsUsed: 0, attemptsLeft: 3, settings: { timeLimitMinutes: 10, feedbackRelease: 'after-submit' } });
      const session = await start(learner, FIXTURE_EXAMS.afterSubmit);
      expect(Date.parse(session.deadline) - Date.parse(session.startedAt)).toBe(FIXTURE_MINUTES.afterSubmit * MINUTE);
      expect(session).toMatchObject({ status: 'active', released: false, answers: {} });
      expect(Date.parse(session.serverNow)).toBeGreaterThanOrEqual(Date.parse(session.startedAt));
      expect(paperItems(session).sort()).toEqual(Object.keys(RIGHT).sort());
      expectNothingHidden(session);
      expectNothingHidden((await learner.get(`/api/exam-sessions/${session.id}`)).body);

      const second = await learner.post(`/api/exams/${FIXTURE_EXAMS.never}/sessions`);
      expect(second.status).toBe(409);
      expect(second.body.error.code).toBe('exam_session_active');
      expect((await (await ctx.learner()).get(`/api/exam-sessions/${session.id}`)).status).toBe(404);
      const result = await learner.get(`/api/exam-sessions/${session.id}/result`);
      expect(result.status).toBe(403);
      expect(result.body.error.code).toBe('result_not_released');
    },
  },
  {
    name: 'exams: autosaves carry the item version; of two concurrent saves one wins and the other gets 409',
    async run(ctx) {
      const learner = await ctx.learner();
      const session = await start(learner, FIXTURE_EXAMS.afterSubmit);
      expect((await save(learner, session.id, 'q-single', { picks: ['scp'] }, null)).status).toBe(428);
      const first = await save(learner, session.id, 'q-single', { picks: ['scp'] });
      expect(first.status).toBe(200);
      expect(first.headers.get('etag')).toBe('"1"');
      const [a, b] = await Promise.all([save(learner, session.id, 'q-single', { picks: ['boundary'] }, 1), save(learner, session.id, 'q-single', { picks: ['bucket-policy'] }, 1)]);
      expect([a.status, b.status].sort()).toEqual([200, 409]);
      const loser = a.status === 409 ? a : b;
      expect(loser.body.error.code).toBe('version_conflict');
      const winner = a.status === 200 ? a : b;
      const reread = await learner.get(`/api/exam-sessions/${session.id}`);
      expect(reread.body.session.answers['q-single']).toMatchObject({ value: winner.body.answer.value, version: 2 });
      expect((await save(learner, session.id, 'q-single', { picks: ['scp'] }, 1)).status).toBe(409);
    },
  },
  {
    name: 'exams: answers are checked against their item: unknown ids, wrong shapes and oversized text are 400 with findings',
    async run(ctx) {
      const learner = await ctx.learner();
      const session = await start(learner, FIXTURE_EXAMS.afterSubmit);
      for (const [itemId, value] of [
        ['q-single', { picks: ['not-an-option'] }],
        ['q-order', { picks: ['igw'] }],
        ['q-match', { pairs: { sg: 'nowhere' } }],
        ['no-such-item', { picks: ['scp'] }],
        ['h-reader', { text: 'x'.repeat(65 * 1024) }],
        ['q-single', { picks: 'scp', extra: true }],
      ] as const) {
        const res = await save(learner, session.id, itemId, value);
        expect(res.status, `${itemId} ${JSON.stringify(value).slice(0, 60)}`).toBe(400);
        expect(res.body.error.findings.length).toBeGreaterThan(0);
      }
      expect((await learner.get(`/api/exam-sessions/${session.id}`)).body.session.answers).toEqual({});
    },
  },
  {
    name: 'exams: at the deadline the session times out on its next read, graded with the answers saved by then; later writes get 410',
    async run(ctx) {
      const learner = await ctx.learner();
      const session = await start(learner, FIXTURE_EXAMS.afterSubmit);
      await answerAll(learner, session.id, { 'q-single': RIGHT['q-single'] });
      // A margin for workerd, whose clock moves on its own; the exact boundary is tested in packages/db.
      ctx.advanceClock(FIXTURE_MINUTES.afterSubmit * MINUTE - MARGIN);
      expect((await save(learner, session.id, 'q-multi', RIGHT['q-multi'])).status).toBe(200);
      ctx.advanceClock(MARGIN + 1);
      const late = await save(learner, session.id, 'q-order', RIGHT['q-order']);
      expect(late.status).toBe(410);
      expect(late.body.error.code).toBe('exam_time_over');
      const read = (await learner.get(`/api/exam-sessions/${session.id}`)).body.session;
      expect(read).toMatchObject({ status: 'timed-out', submittedAt: session.deadline, released: true });
      expect(Object.keys(read.answers).sort()).toEqual(['q-multi', 'q-single']);
      expect((await learner.post(`/api/exam-sessions/${session.id}/submit`)).status).toBe(409);
      const result = (await learner.get(`/api/exam-sessions/${session.id}/result`)).body.result.result;
      const status = Object.fromEntries(result.items.map((item: { id: string; status: string }) => [item.id, item.status]));
      expect(status).toEqual({ 'q-single': 'correct', 'q-multi': 'correct', 'q-order': 'unanswered', 'q-match': 'unanswered', 'h-reader': 'unanswered' });
      expect((await learner.post(`/api/exams/${FIXTURE_EXAMS.afterSubmit}/sessions`)).status).toBe(201);
    },
  },
  {
    name: 'exams: a session past its deadline that nobody read does not block the next start, and the list shows it timed out',
    async run(ctx) {
      const learner = await ctx.learner();
      const first = await start(learner, FIXTURE_EXAMS.afterSubmit);
      ctx.advanceClock(FIXTURE_MINUTES.afterSubmit * MINUTE + MARGIN);
      const second = await learner.post(`/api/exams/${FIXTURE_EXAMS.never}/sessions`);
      expect(second.status).toBe(201);
      const listed = (await learner.get('/api/exams')).body.exams.find((exam: { id: string }) => exam.id === FIXTURE_EXAMS.afterSubmit);
      expect(listed.sessions).toEqual([expect.objectContaining({ id: first.id, status: 'timed-out', submittedAt: first.deadline })]);
      const third = await start(await ctx.learner(), FIXTURE_EXAMS.afterSubmit);
      ctx.advanceClock(FIXTURE_MINUTES.afterSubmit * MINUTE + MARGIN);
      const instructor = await ctx.instructor();
      const sessions = (await instructor.get(`/api/exams/${FIXTURE_EXAMS.afterSubmit}/sessions`)).body.sessions;
      expect(sessions.find((s: { id: string }) => s.id === third.id)).toMatchObject({ status: 'timed-out', submittedAt: third.deadline });
    },
  },
  {
    name: 'exams: submitting grades every item kind, hands-on included, and releases the result after submit with per-domain bands',
    async run(ctx) {
      const learner = await ctx.learner();
      const session = await start(learner, FIXTURE_EXAMS.afterSubmit);
      await answerAll(learner, session.id, { ...RIGHT, 'q-match': { pairs: { sg: 'subnet', nacl: 'eni' } } });
      const submitted = await learner.post(`/api/exam-sessions/${session.id}/submit`);
      expect(submitted.status).toBe(200);
      expect(submitted.body.session).toMatchObject({ status: 'submitted', released: true });
      const { result } = (await learner.get(`/api/exam-sessions/${session.id}/result`)).body.result;
      expect(result).toMatchObject({ points: 9, maxPoints: 10, passed: true });
      expect(result.domains).toEqual([
        expect.objectContaining({ id: 'security', points: 8, maxPoints: 8, band: 'meets' }),
        expect.objectContaining({ id: 'networking', points: 1, maxPoints: 2, band: 'needs-improvement' }),
      ]);
      expect(result.items.find((item: { id: string }) => item.id === 'h-reader')).toMatchObject({ status: 'correct', points: 4, maxPoints: 4 });
      const released = (await learner.get(`/api/exam-sessions/${session.id}`)).body.session;
      expect(walk(released).strings.some((text) => text.includes(SECRET_MARKER))).toBe(true);
      const after = await save(learner, session.id, 'q-match', RIGHT['q-match'], 1);
      expect(after.status).toBe(409);
      expect(after.body.error.code).toBe('exam_submitted');
    },
  },
  {
    name: 'exams: with release `never` nothing is shown after submit, and the one attempt is used',
    async run(ctx) {
      const learner = await ctx.learner();
      const session = await start(learner, FIXTURE_EXAMS.never);
      await answerAll(learner, session.id, { 'q-single': RIGHT['q-single'] });
      const submitted = await learner.post(`/api/exam-sessions/${session.id}/submit`);
      expect(submitted.status).toBe(200);
      expect(submitted.body.result).toBeNull();
      expectNothingHidden(submitted.body);
      expectNothingHidden((await learner.get(`/api/exam-sessions/${session.id}`)).body);
      expect((await learner.get(`/api/exam-sessions/${session.id}/result`)).status).toBe(403);
      const again = await learner.post(`/api/exams/${FIXTURE_EXAMS.never}/sessions`);
      expect(again.status).toBe(409);
      expect(again.body.error.code).toBe('no_attempts_left');
    },
  },
  {
    name: 'exams: an instructor extends one learner\'s time; learners cannot, and a finished session cannot be extended',
    async run(ctx) {
      const learner = await ctx.learner();
      const instructor = await ctx.instructor();
      const session = await start(learner, FIXTURE_EXAMS.afterSubmit);
      expect((await learner.post(`/api/exam-sessions/${session.id}/extensions`, { minutes: 5 })).status).toBe(403);
      const extended = await instructor.post(`/api/exam-sessions/${session.id}/extensions`, { minutes: 5 });
      expect(extended.status).toBe(200);
      expect(extended.body.session).toMatchObject({ extensionMinutes: 5, deadline: new Date(Date.parse(session.deadline) + 5 * MINUTE).toISOString() });
      const listed = await instructor.get(`/api/exams/${FIXTURE_EXAMS.afterSubmit}/sessions`);
      expect(listed.body.sessions.find((s: { id: string }) => s.id === session.id)).toMatchObject({ learner: { email: learner.email }, extensionMinutes: 5 });
      ctx.advanceClock(FIXTURE_MINUTES.afterSubmit * MINUTE + 1);
      expect((await save(learner, session.id, 'q-single', RIGHT['q-single'])).status).toBe(200);
      expect((await learner.post(`/api/exam-sessions/${session.id}/submit`)).status).toBe(200);
      const closed = await instructor.post(`/api/exam-sessions/${session.id}/extensions`, { minutes: 5 });
      expect(closed.status).toBe(409);
      expect(closed.body.error.code).toBe('exam_session_closed');
    },
  },
  {
    name: 'exams: voiding an item regrades every submitted session, with a record of what changed, who and why',
    async run(ctx) {
      const learner = await ctx.learner();
      const instructor = await ctx.instructor();
      const session = await start(learner, FIXTURE_EXAMS.afterSubmit);
      await answerAll(learner, session.id, { ...RIGHT, 'q-single': { picks: ['scp'] } });
      await learner.post(`/api/exam-sessions/${session.id}/submit`);
      const before = (await learner.get(`/api/exam-sessions/${session.id}/result`)).body.result.result;
      expect(before).toMatchObject({ points: 8, maxPoints: 10 });
      expect((await learner.post(`/api/exams/${FIXTURE_EXAMS.afterSubmit}/void-items`, { itemId: 'q-single', reason: 'two options were right' })).status).toBe(403);
      expect((await instructor.post(`/api/exams/${FIXTURE_EXAMS.afterSubmit}/void-items`, { itemId: 'nope', reason: 'x' })).status).toBe(404);
      const voided = await instructor.post(`/api/exams/${FIXTURE_EXAMS.afterSubmit}/void-items`, { itemId: 'q-single', reason: 'two options were right' });
      expect(voided.status).toBe(200);
      const mine = voided.body.regraded.find((entry: { sessionId: string }) => entry.sessionId === session.id);
      expect(mine.diff.changed).toEqual([{ id: 'q-single', before: { points: 0, maxPoints: 2, status: 'incorrect' }, after: expect.objectContaining({ status: 'voided' }) }]);
      const after = (await learner.get(`/api/exam-sessions/${session.id}/result`)).body.result;
      expect(after.result).toMatchObject({ points: 8, maxPoints: 8, voided: ['q-single'] });
      expect(after.regrades).toEqual([expect.objectContaining({ kind: 'void', reason: 'two options were right' })]);
      const again = await instructor.post(`/api/exams/${FIXTURE_EXAMS.afterSubmit}/void-items`, { itemId: 'q-single', reason: 'again' });
      expect(again.status).toBe(409);
      const regrade = await instructor.post(`/api/exams/${FIXTURE_EXAMS.afterSubmit}/regrade`, { reason: 'nothing changed' });
      expect(regrade.status).toBe(200);
      expect(regrade.body.regraded.find((entry: { sessionId: string }) => entry.sessionId === session.id)).toBeUndefined();
    },
  },
  {
    name: 'exams: with release `after-close` the result waits for the window to close; then no session starts',
    async run(ctx) {
      const learner = await ctx.learner();
      const session = await start(learner, FIXTURE_EXAMS.afterClose);
      await answerAll(learner, session.id, { 'q-single': RIGHT['q-single'], 'q-multi': { picks: ['user'] } });
      expect((await learner.post(`/api/exam-sessions/${session.id}/submit`)).status).toBe(200);
      const early = await learner.get(`/api/exam-sessions/${session.id}/result`);
      expect(early.status).toBe(403);
      expect(early.body.error.message).toContain('when the exam closes');
      expectNothingHidden((await learner.get(`/api/exam-sessions/${session.id}`)).body);
      ctx.advanceClock(2 * HOUR + 1);
      const released = await learner.get(`/api/exam-sessions/${session.id}/result`);
      expect(released.status).toBe(200);
      expect(released.body.result.result.items.find((item: { id: string }) => item.id === 'q-multi')).toMatchObject({ status: 'partial' });
      const late = await learner.post(`/api/exams/${FIXTURE_EXAMS.afterClose}/sessions`);
      expect(late.status).toBe(403);
      expect(late.body.error.code).toBe('exam_not_available');
    },
  },
];
