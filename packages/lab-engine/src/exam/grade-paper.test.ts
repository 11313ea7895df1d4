import { describe, expect, it } from 'vitest';
import type { Lab } from '@skylab/validation';
import { fixtureExam, repositoryLabs } from '../../test/exam-fixtures.ts';
import { testCtx } from '../test-ctx.ts';
import { drawPaper } from './draw-paper.ts';
import { gradePaper } from './grade-paper.ts';
import { keyAnswers } from './key-answers.ts';
import { regradeDiff } from './regrade-diff.ts';
import type { ExamAnswers, LabLookup, Paper } from './types.ts';

const labs = repositoryLabs();
const exam = fixtureExam();
// Every item on one paper, items and options in authored order, so answers can be written by hand.
const paper: Paper = drawPaper(
  { ...exam, settings: { ...exam.settings, shuffle: { items: false, options: false } }, sections: exam.sections.map((s) => ({ ...s, pools: s.pools.map((p) => ({ ...p, draw: p.items.length })) })) },
  { seed: 'learner-1', labs },
);
const key = keyAnswers(paper, { labs });
const grade = (answers: ExamAnswers, voided?: string[], lookup: LabLookup = labs) => gradePaper(paper, answers, { labs: lookup, ctx: testCtx(), ...(voided ? { voided } : {}) });
const item = (answers: ExamAnswers, id: string, lookup?: LabLookup) => grade(answers, undefined, lookup).items.find((i) => i.id === id);

// Grants ListBucket on every bucket: the lab's exhaustive check sees the other bucket listed.
const OVER_BROAD = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 's3:ListBucket', Resource: 'arn:aws:s3:::*' }, { Effect: 'Allow', Action: 's3:GetObject', Resource: 'arn:aws:s3:::my-app-bucket/*' }] });

describe('gradePaper', () => {
  it('gives the key full marks: 13 points, passed, every domain meets', () => {
    const result = grade(key);
    expect(result).toMatchObject({ points: 13, maxPoints: 13, percent: 100, passed: true, voided: [] });
    expect(result.items.map((i) => i.status)).toEqual(Array(6).fill('correct'));
    expect(result.domains).toEqual([
      { id: 'iam', title: 'Identity and Access Management', points: 8, maxPoints: 8, percent: 100, band: 'meets' },
      { id: 'network', title: 'Networking', points: 5, maxPoints: 5, percent: 100, band: 'meets' },
    ]);
  });

  it('gives no answers nothing: failed, every domain needs improvement', () => {
    const result = grade({});
    expect(result).toMatchObject({ points: 0, maxPoints: 13, percent: 0, passed: false });
    expect(result.items.every((i) => i.status === 'unanswered')).toBe(true);
    expect(result.domains.map((d) => d.band)).toEqual(['needs-improvement', 'needs-improvement']);
  });

  it('grades the pass mark and the domain bands on the percent of the points', () => {
    const result = grade({ ...key, 's3-reader': { text: '' } });
    expect(result).toMatchObject({ points: 9, maxPoints: 13, percent: 69.23, passed: false });
    expect(result.domains.map((d) => [d.id, d.percent, d.band])).toEqual([['iam', 50, 'needs-improvement'], ['network', 100, 'meets']]);
    expect(grade({ ...key, 'mfa-factors': { picks: ['sms'] }, 'gateway-match': { pairs: { inbound: 'igw' } } })).toMatchObject({ points: 10, percent: 76.92, passed: true });
  });

  it('compares the pass mark unrounded: 2 of 3 shows as 66.67% and still fails a 66.67% mark', () => {
    const twoOfThree = { ...key, 'root-user': { picks: ['root'] } };
    const voided = ['deny-wins', 's3-reader', 'nacl-order', 'gateway-match'];
    const at = (passPercent: number) => gradePaper({ ...paper, passPercent }, twoOfThree, { labs, ctx: testCtx(), voided });
    expect(at(66.67)).toMatchObject({ points: 2, maxPoints: 3, percent: 66.67, passed: false });
    expect(at(66.66).passed).toBe(true);
  });

  it('takes a voided item out of the total for everyone', () => {
    const result = grade({ ...key, 'root-user': { picks: ['root'] } }, ['root-user']);
    expect(result).toMatchObject({ points: 12, maxPoints: 12, percent: 100, voided: ['root-user'] });
    expect(result.items.find((i) => i.id === 'root-user')).toEqual({ id: 'root-user', kind: 'single-choice', domain: 'iam', points: 0, maxPoints: 0, status: 'voided' });
  });

  it('grades a hands-on item with the lab\'s checks, scaled to its points', () => {
    const full = item(key, 's3-reader');
    expect(full).toMatchObject({ status: 'correct', points: 4, maxPoints: 4, labHash: paper.sections[0]?.items.find((i) => i.id === 's3-reader')?.kind === 'hands-on' ? expect.stringMatching(/^[0-9a-f]{64}$/) : '' });
    expect(full?.checks?.every((c) => c.status === 'pass')).toBe(true);
    const partial = item({ 's3-reader': { text: OVER_BROAD } }, 's3-reader');
    expect(partial?.status).toBe('partial');
    expect(partial?.points).toBeGreaterThan(0);
    expect(partial?.points).toBeLessThan(4);
    expect(partial?.checks?.find((c) => c.id === 'least-privilege')?.status).toBe('fail');
  });

  it('gives a refused hands-on answer nothing, with its findings', () => {
    const refused = item({ 's3-reader': { text: '{ "Version": "2012-10-17", ' } }, 's3-reader');
    expect(refused).toMatchObject({ status: 'incorrect', points: 0, message: 'the answer was refused before grading' });
    expect(refused?.findings?.[0]?.path[0]).toBe('reader-policy');
  });

  it('fails closed when the lab is gone or no longer has the task', () => {
    expect(item(key, 's3-reader', () => undefined)).toMatchObject({ status: 'error', points: 0, message: 'lab `iam-s3-read-only` with task `reader-policy` is not loaded' });
    const renamed = (id: string): Lab | undefined => {
      const lab = labs(id);
      return lab && { ...lab, tasks: lab.tasks.map((t) => ({ ...t, id: 'other' })) };
    };
    expect(item(key, 's3-reader', renamed)?.status).toBe('error');
  });

  it('grades the variant the paper showed, even after the lab\'s params were edited', () => {
    const deploy = { id: 'deploy', kind: 'hands-on' as const, domain: 'iam', points: 5, lab: 'iam-least-privilege-deploy', task: 'deploy-policy' };
    const handsOn = drawPaper({ ...exam, sections: [{ id: 'lab', title: 'Lab', pools: [{ id: 'lab-pool', draw: 1, items: [deploy] }] }] }, { seed: 'learner-1', labs });
    const answers = keyAnswers(handsOn, { labs });
    // The bucket suffix is a param the answer names: six digits now, five when the paper was drawn.
    const edited = (id: string): Lab | undefined => {
      const lab = labs(id);
      return lab && { ...lab, params: { ...lab.params, suffix: { kind: 'integer', min: 100000, max: 999999 } } };
    };
    expect(gradePaper(handsOn, answers, { labs: edited, ctx: testCtx() }).items[0]).toMatchObject({ status: 'correct', points: 5 });
  });

  it('is deterministic', () => {
    expect(grade({ 's3-reader': { text: OVER_BROAD }, 'mfa-factors': { picks: ['sms', 'totp'] } })).toEqual(grade({ 's3-reader': { text: OVER_BROAD }, 'mfa-factors': { picks: ['sms', 'totp'] } }));
  });
});

describe('regradeDiff', () => {
  it('records the items whose grade changed and the totals before and after', () => {
    const answers = { ...key, 'root-user': { picks: ['root'] } };
    const before = grade(answers);
    const after = grade(answers, ['root-user']);
    expect(regradeDiff(before, after)).toEqual({
      changed: [{ id: 'root-user', before: { points: 0, maxPoints: 1, status: 'incorrect' }, after: { points: 0, maxPoints: 0, status: 'voided' } }],
      before: { points: 12, maxPoints: 13, percent: 92.31, passed: true },
      after: { points: 12, maxPoints: 12, percent: 100, passed: true },
    });
    expect(regradeDiff(before, before).changed).toEqual([]);
  });
});
