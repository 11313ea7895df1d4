import type { AssignmentRow, AttemptRecord } from '@skylab/db';
import { describe, expect, it } from 'vitest';
import { gradebookCells, scoreUnderPolicy } from './gradebook.ts';

const DAY = 86_400_000;
const DUE = 10 * DAY;

const assignment = (fields: Partial<AssignmentRow> = {}): AssignmentRow => ({
  id: 'a1', courseId: 'c', kind: 'lab', refId: 'lab', title: 't', opensAt: null, dueAt: DUE, latePolicy: 'accept', latePenaltyPercentPerDay: null, createdAt: 0, updatedAt: 0, ...fields,
});

describe('scoreUnderPolicy', () => {
  it.each<[string, Partial<AssignmentRow>, number, number | null]>([
    ['on time counts in full', { latePolicy: 'refuse' }, DUE, 0.9],
    ['no due date counts in full', { dueAt: null, latePolicy: 'refuse' }, DUE * 9, 0.9],
    ['accept counts late work in full', {}, DUE + 3 * DAY, 0.9],
    ['refuse drops late work', { latePolicy: 'refuse' }, DUE + 1, null],
    ['one started day: one penalty', { latePolicy: 'penalty', latePenaltyPercentPerDay: 10 }, DUE + 1, 0.81],
    ['1.5 days: two penalties', { latePolicy: 'penalty', latePenaltyPercentPerDay: 10 }, DUE + 1.5 * DAY, 0.72],
    ['never below 0', { latePolicy: 'penalty', latePenaltyPercentPerDay: 50 }, DUE + 5 * DAY, 0],
  ])('%s', (_name, fields, createdAt, expected) => {
    const score = scoreUnderPolicy(assignment(fields), { attemptId: 'x', score: 0.9, createdAt });
    expect(score === null ? null : Math.round(score * 100) / 100).toBe(expected);
  });
});

describe('gradebookCells', () => {
  const attempt = (id: string, fields: Partial<AttemptRecord> = {}): AttemptRecord => ({
    id, userId: 'u', labId: 'lab', assignmentId: 'a1', version: 1, status: 'in-progress', bestScore: null, submissionCount: 0, createdAt: 0, updatedAt: 60_000, closedAt: null, ...fields,
  });

  it('takes the best score after the policy, says whether it was late, and sums the time', () => {
    const cells = gradebookCells(
      [assignment({ latePolicy: 'penalty', latePenaltyPercentPerDay: 50 })],
      [attempt('t1'), attempt('t2', { status: 'completed' }), attempt('other', { assignmentId: 'a2' })],
      [
        { attemptId: 't1', score: 0.6, createdAt: DUE - 1 },
        { attemptId: 't2', score: 1, createdAt: DUE + 1 },
      ],
    );
    expect(cells).toEqual([{ assignmentId: 'a1', attempts: 2, bestScore: 0.6, completed: true, late: false, timeSpentMs: 120_000 }]);
  });
});
