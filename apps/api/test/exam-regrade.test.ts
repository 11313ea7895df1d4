import { findUserByEmail, insertLtiPlatform, listLtiScores, promoteUser, upsertLtiExamLink } from '@skylab/db';
import { describe, expect, it } from 'vitest';
import { createApp } from '../src/app.ts';
import { createInProcessGrader } from '../src/grader.ts';
import { FIXTURE_EXAMS } from './fixtures/exams.ts';
import { createAgent } from './scenarios/client.ts';
import { S3_STAR_POLICY } from './scenarios/labs.ts';
import { PASSWORD } from './scenarios/scenario.ts';
import { repoExams, repoLabsWith, testApp } from './support/test-app.ts';

// A regrade after a check is fixed in a lab: the server restarted with the fixed lab (here: a new app over the
// same database), the stored papers are graded again, and each session whose grade moved gets a record.

describe('regrading an exam after a lab check changed', () => {
  it('changes the hands-on item of a session that failed a check, records what changed, and leaves the paper as it was', async () => {
    const before = await testApp();
    const learner = createAgent(before.fetch, 'http://localhost');
    expect((await learner.post('/api/auth/sign-up', { email: 'ada@example.com', password: PASSWORD })).status).toBe(201);
    // launched from an LMS: the regrade's changed score goes to its line item too
    await insertLtiPlatform(before.deps.db, { id: 'lms', issuer: 'https://lms.example.edu', clientId: 'c', authLoginUrl: 'https://lms.example.edu/a', accessTokenUrl: 'https://lms.example.edu/t', jwksUrl: 'https://lms.example.edu/j', deploymentIds: ['1'], createdAt: 1 });
    const ada = (await findUserByEmail(before.deps.db, 'ada@example.com'))!;
    await upsertLtiExamLink(before.deps.db, { userId: ada.id, examId: FIXTURE_EXAMS.afterSubmit, platformId: 'lms', subject: 'ada-sub', lineItemUrl: 'https://lms.example.edu/lineitems/1', createdAt: 1 });
    const started = await learner.post(`/api/exams/${FIXTURE_EXAMS.afterSubmit}/sessions`);
    const sessionId = started.body.session.id as string;
    const save = await learner.request('PUT', `/api/exam-sessions/${sessionId}/answers/h-reader`, { body: { text: S3_STAR_POLICY }, headers: { 'if-match': '"0"' } });
    expect(save.status).toBe(200);
    expect((await learner.post(`/api/exam-sessions/${sessionId}/submit`)).status).toBe(200);
    const first = (await learner.get(`/api/exam-sessions/${sessionId}/result`)).body.result.result;
    const handsOn = (result: { items: { id: string; points: number }[] }) => result.items.find((item) => item.id === 'h-reader')!;
    expect(handsOn(first).points).toBeGreaterThan(0);

    // The fixed lab: the checks the over-grant fails now weigh ten times as much.
    const labs = repoLabsWith('iam-s3-read-only', (lab) => ({ ...lab, checks: lab.checks.map((check) => (check.id.startsWith('no-') ? { ...check, points: check.points * 10 } : check)) }));
    const after = createApp({ ...before.deps, labs, exams: repoExams(), grading: createInProcessGrader(labs) });
    const fetch = (url: string, init?: RequestInit) => after.request(url, init);
    const again = createAgent(fetch, 'http://localhost');
    expect((await again.post('/api/auth/sign-in', { email: 'ada@example.com', password: PASSWORD })).status).toBe(200);
    const instructor = createAgent(fetch, 'http://localhost');
    expect((await instructor.post('/api/auth/sign-up', { email: 'grace@example.com', password: PASSWORD })).status).toBe(201);
    await promoteUser(before.deps.db, 'grace@example.com', 'instructor');

    const regraded = await instructor.post(`/api/exams/${FIXTURE_EXAMS.afterSubmit}/regrade`, { reason: 'the no-write checks were under-weighted' });
    expect(regraded.status).toBe(200);
    const [entry] = regraded.body.regraded;
    expect(entry.sessionId).toBe(sessionId);
    expect(entry.diff.changed).toEqual([{ id: 'h-reader', before: expect.objectContaining({ points: handsOn(first).points }), after: expect.objectContaining({ status: 'partial' }) }]);
    expect(entry.diff.after.points).toBeLessThan(entry.diff.before.points);
    // the submitted score was still waiting in the outbox (nothing sent it): the regraded one replaced it
    const queued = await listLtiScores(before.deps.db);
    expect(queued.map((row) => [row.subject, row.status])).toEqual([['ada-sub', 'pending']]);
    expect(queued[0]!.score.scoreGiven).toBeCloseTo((100 * entry.diff.after.points) / entry.diff.after.maxPoints, 1);

    const shown = (await again.get(`/api/exam-sessions/${sessionId}/result`)).body.result;
    expect(handsOn(shown.result).points).toBe(entry.diff.changed[0].after.points);
    expect(shown.regrades).toEqual([expect.objectContaining({ kind: 'regrade', reason: 'the no-write checks were under-weighted' })]);
    const handsOnView = (paper: { sections: { items: { id: string }[] }[] }) => paper.sections.flatMap((section) => section.items).find((item) => item.id === 'h-reader');
    expect(handsOnView((await again.get(`/api/exam-sessions/${sessionId}`)).body.session.paper)).toEqual(handsOnView(started.body.session.paper));
    const repeat = await instructor.post(`/api/exams/${FIXTURE_EXAMS.afterSubmit}/regrade`, { reason: 'twice' });
    expect(repeat.body.regraded).toEqual([]);
  });
});
