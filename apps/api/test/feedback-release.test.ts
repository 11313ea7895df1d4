import { listSubmissions } from '@skylab/db';
import type { Grade, Visibility } from '@skylab/lab-engine';
import { describe, expect, it } from 'vitest';
import type { LabRegistry } from '../src/lab-registry.ts';
import { BEFORE_CLOSE_RELEASE, feedbackRelease, gradeView, SUBMISSION_RELEASE } from '../src/views.ts';
import { createAgent } from './scenarios/client.ts';
import { S3_STAR_POLICY, startAttempt, submit } from './scenarios/labs.ts';
import { PASSWORD } from './scenarios/scenario.ts';
import { repoLabs, repoLabsWith, testApp } from './support/test-app.ts';

const LAB = 'iam-s3-read-only';

/** The repository's lab with some checks' visibility changed, standing in for an exam lab. */
function labsWithVisibility(visibility: Record<string, Visibility>): LabRegistry {
  return repoLabsWith(LAB, (lab) => ({ ...lab, checks: lab.checks.map((check) => ({ ...check, visibility: visibility[check.id] ?? check.visibility })) }));
}

const check = (id: string, visibility: Visibility) => ({
  id, title: `check ${id}`, status: 'fail' as const, points: 0, maxPoints: 2, message: 'denied', explanation: 'why', visibility, misconceptions: ['tag'],
});

describe('gradeView', () => {
  it.each<[string, Visibility, boolean]>([
    ['immediately', 'immediately', true],
    ['after submission: every grade comes from one', 'after-submission', true],
    ['after the due date: no due date exists yet', 'after-due-date', false],
  ])('releases a check shown %s', (_name, visibility, released) => {
    const grade: Grade = { score: 0, points: 0, maxPoints: 2, checks: [check('c', visibility)], unsupported: [] };
    const [shown] = gradeView(grade).checks;
    expect(shown).toEqual(
      released
        ? check('c', visibility)
        : { id: 'c', title: 'check c', maxPoints: 2, visibility, withheld: true, notice: 'feedback released after the due date' },
    );
  });

  it.each<[string, Partial<Grade>, { hintPenalty: number; revealedHints: { index: number; cost: number }[] }]>([
    ['a grade stored before hints cost points', {}, { hintPenalty: 0, revealedHints: [] }],
    ['a grade with a deduction', { hintPenalty: 2, revealedHints: [{ index: 1, cost: 2 }] }, { hintPenalty: 2, revealedHints: [{ index: 1, cost: 2 }] }],
  ])('always says what hints cost: %s', (_name, fields, expected) => {
    expect(gradeView({ score: 0.5, points: 1, maxPoints: 2, checks: [], unsupported: [], ...fields }, SUBMISSION_RELEASE)).toMatchObject(expected);
  });
});

describe('feedbackRelease', () => {
  const lab = (checks: 'immediately' | 'on-close') => ({ ...repoLabs().get(LAB)!.lab, feedback: { checks } });
  it.each([
    ['a lab that shows checks immediately', lab('immediately'), null, SUBMISSION_RELEASE],
    ['an on-close lab, open', lab('on-close'), null, BEFORE_CLOSE_RELEASE],
    ['an on-close lab, closed', lab('on-close'), 1, SUBMISSION_RELEASE],
    ['a withdrawn lab, open: its rule is unknown, so nothing is shown early', undefined, null, BEFORE_CLOSE_RELEASE],
    ['a withdrawn lab, closed', undefined, 1, SUBMISSION_RELEASE],
  ])('%s', (_name, shownLab, closedAt, release) => {
    expect(feedbackRelease(shownLab, { closedAt })).toBe(release);
  });
});

describe('feedback release through the API', () => {
  it('shows after-submission checks in full, withholds after-due-date ones without status, and stores the full grade', async () => {
    const { fetch, deps } = await testApp({ labs: labsWithVisibility({ 'no-put-object': 'after-submission', 'no-delete-object': 'after-due-date' }) });
    const learner = createAgent(fetch, 'http://localhost');
    expect((await learner.post('/api/auth/sign-up', { email: 'ada@example.com', password: PASSWORD })).status).toBe(201);
    const attempt = await startAttempt(learner);
    const res = await submit(learner, attempt.id, 1, S3_STAR_POLICY);
    expect(res.status).toBe(201);
    const byId = (checks: { id: string }[]) => Object.fromEntries(checks.map((c) => [c.id, c]));
    const shown = byId(res.body.submission.grade.checks);
    expect(shown['no-put-object']).toMatchObject({ status: 'fail', visibility: 'after-submission', message: expect.stringContaining('`s3:*`') });
    expect(shown['no-delete-object']).toEqual({
      id: 'no-delete-object', title: expect.any(String), maxPoints: 1, visibility: 'after-due-date', withheld: true, notice: 'feedback released after the due date',
    });
    expect((await learner.get(`/api/attempts/${attempt.id}`)).body.attempt.submissions[0].grade).toEqual(res.body.submission.grade);
    const [stored] = await listSubmissions(deps.db, attempt.id);
    expect(byId((stored?.grade as Grade).checks)['no-delete-object']).toMatchObject({ status: 'fail', message: expect.any(String), explanation: expect.any(String) });
  });
});
