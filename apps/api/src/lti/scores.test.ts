import type { AttemptRow } from '@skylab/db';
import type { Lab } from '@skylab/lab-engine';
import { describe, expect, it } from 'vitest';
import { attemptScore, scoresUrl } from './scores.ts';

const attempt = (change: Partial<AttemptRow>) => ({ status: 'in-progress', closedAt: null, bestScore: null, ...change }) as AttemptRow;
const lab = (checks: 'immediately' | 'on-close') => ({ feedback: { checks } }) as unknown as Lab;

describe('attemptScore', () => {
  it.each([
    ['nothing graded yet', attempt({}), lab('immediately'), { scoreGiven: 0, activityProgress: 'InProgress', gradingProgress: 'FullyGraded' }],
    ['a partial score', attempt({ bestScore: 0.4567 }), lab('immediately'), { scoreGiven: 45.67, activityProgress: 'InProgress', gradingProgress: 'FullyGraded' }],
    ['every check passed', attempt({ bestScore: 1, status: 'completed' }), lab('immediately'), { scoreGiven: 100, activityProgress: 'Completed', gradingProgress: 'FullyGraded' }],
    ['closed with a partial score', attempt({ bestScore: 0.5, closedAt: 1 }), lab('immediately'), { scoreGiven: 50, activityProgress: 'Completed', gradingProgress: 'FullyGraded' }],
    ['an on-close lab, still open', attempt({ bestScore: 0.5 }), lab('on-close'), { activityProgress: 'InProgress', gradingProgress: 'Pending' }],
    ['an on-close lab, closed', attempt({ bestScore: 0.5, closedAt: 1 }), lab('on-close'), { activityProgress: 'Completed', gradingProgress: 'FullyGraded' }],
    ['a withdrawn lab, open', attempt({ bestScore: 0.5 }), undefined, { gradingProgress: 'Pending' }],
  ])('%s', (_label, row, shown, expected) => {
    expect(attemptScore(row, shown, 'sub-1', Date.UTC(2026, 0, 5))).toMatchObject({ userId: 'sub-1', scoreMaximum: 100, timestamp: '2026-01-05T00:00:00.000Z', ...expected });
  });
});

describe('scoresUrl', () => {
  // AGS 2.0 §3.4: the scores endpoint is the line item URL's path with `/scores` appended, its query kept.
  it.each([
    ['https://lms.example/api/lti/courses/1/line_items/2', 'https://lms.example/api/lti/courses/1/line_items/2/scores'],
    ['https://lms.example/mod/lti/services.php/2/lineitems/3/lineitem?type_id=1', 'https://lms.example/mod/lti/services.php/2/lineitems/3/lineitem/scores?type_id=1'],
    ['https://lms.example/lineitems/4/', 'https://lms.example/lineitems/4/scores'],
  ])('%s → %s', (lineItem, scores) => {
    expect(scoresUrl(lineItem)).toBe(scores);
  });
});
