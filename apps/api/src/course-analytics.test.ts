import type { SubmissionRow } from '@skylab/db';
import { describe, expect, it } from 'vitest';
import { labAnalytics } from './course-analytics.ts';

const check = (id: string, pass: boolean, misconceptions: string[] = []) => ({
  id, title: id, status: pass ? 'pass' : 'fail', points: pass ? 1 : 0, maxPoints: 1, message: '', explanation: '', visibility: 'immediately', misconceptions,
});

const submission = (id: string, attemptId: string, createdAt: number, checks: ReturnType<typeof check>[]): SubmissionRow => ({
  id, attemptId, attemptVersion: 1, answers: { task: id }, grade: { checks }, findings: [], score: 0, createdAt,
});

describe('labAnalytics', () => {
  it('ranks failing checks and tags, and clusters wrong answers by their failing checks', () => {
    const report = labAnalytics([
      submission('s1', 'a1', 1, [check('read', true), check('write', false, ['wildcard']), check('delete', false, ['wildcard'])]),
      submission('s2', 'a2', 2, [check('read', true), check('write', false, ['wildcard']), check('delete', false, ['wildcard'])]),
      submission('s3', 'a2', 3, [check('read', false, ['missing-list']), check('write', true), check('delete', true)]),
      submission('s4', 'a3', 4, [check('read', true), check('write', true), check('delete', true)]),
    ]);
    expect(report.checks.map((c) => [c.id, c.failed, c.submissions])).toEqual([['delete', 2, 4], ['write', 2, 4], ['read', 1, 4]]);
    expect(report.misconceptions).toEqual([{ tag: 'wildcard', count: 4 }, { tag: 'missing-list', count: 1 }]);
    expect(report.wrongAnswers).toEqual([
      { failingChecks: ['delete', 'write'], submissions: 2, attempts: 2, example: { submissionId: 's2', answers: { task: 's2' } } },
      { failingChecks: ['read'], submissions: 1, attempts: 1, example: { submissionId: 's3', answers: { task: 's3' } } },
    ]);
  });
});
