import { describe, expect, it } from 'vitest';
import { matchRoute, paths, safeNext } from './routes.ts';

describe('matchRoute', () => {
  it.each([
    ['/', '', { name: 'catalogue' }],
    ['/labs/', '', { name: 'catalogue' }],
    ['/labs/iam-s3-read-only', '', { name: 'lab', labId: 'iam-s3-read-only' }],
    ['/attempts/01J%2Fx', '', { name: 'attempt', attemptId: '01J/x' }],
    ['/attempts/01J%2Fx/account', '', { name: 'attempt-account', attemptId: '01J/x' }],
    ['/attempts/%E0%A4%A', '', { name: 'not-found' }],
    ['/exams', '', { name: 'exams' }],
    ['/exams/aws-foundations-practice', '', { name: 'exam', examId: 'aws-foundations-practice' }],
    ['/exam-sessions/01J', '', { name: 'exam-session', sessionId: '01J' }],
    ['/exam-sessions/01J/result/', '', { name: 'exam-result', sessionId: '01J' }],
    ['/exam-sessions/01J/other', '', { name: 'not-found' }],
    ['/sign-in', '?next=%2Flabs%2Fx', { name: 'sign-in', next: '/labs/x' }],
    ['/sign-up', '', { name: 'sign-up', next: '/' }],
    ['/settings/lms', '', { name: 'lms-settings' }],
    ['/nope', '', { name: 'not-found' }],
    ['/courses', '', { name: 'courses' }],
    ['/courses/c1', '', { name: 'course', courseId: 'c1' }],
    ['/courses/c1/learners/u%2F1', '', { name: 'learner-history', courseId: 'c1', userId: 'u/1' }],
    ['/courses/c1/analytics/iam-s3-read-only', '', { name: 'lab-analytics', courseId: 'c1', labId: 'iam-s3-read-only' }],
    ['/courses/c1/learners', '', { name: 'not-found' }],
    ['/courses/c1/grades/x', '', { name: 'not-found' }],
    ['/courses/c1/learners/u1/more', '', { name: 'not-found' }],
    ['/courses/%E0%A4%A', '', { name: 'not-found' }],
    ['/lab-preview', '', { name: 'lab-preview' }],
  ])('%s%s', (pathname, search, expected) => {
    expect(matchRoute(pathname, search)).toEqual(expected);
  });

  it('round-trips the paths it builds', () => {
    expect(matchRoute(paths.lab('a b'))).toEqual({ name: 'lab', labId: 'a b' });
    expect(matchRoute(paths.learnerHistory('c/1', 'u 1'))).toEqual({ name: 'learner-history', courseId: 'c/1', userId: 'u 1' });
    expect(matchRoute(paths.labAnalytics('c1', 'lab'))).toEqual({ name: 'lab-analytics', courseId: 'c1', labId: 'lab' });
    const signIn = new URL(paths.signIn('/attempts/1'), 'http://x.test');
    expect(matchRoute(signIn.pathname, signIn.search)).toEqual({ name: 'sign-in', next: '/attempts/1' });
  });
});

describe('safeNext keeps redirects on this site', () => {
  it.each([
    [null, '/'],
    ['/labs/x', '/labs/x'],
    ['//evil.example', '/'],
    ['https://evil.example', '/'],
    ['/\\evil.example', '/'],
    ['javascript:alert(1)', '/'],
    ['/ok\nSet-Cookie', '/'],
  ])('%j → %j', (raw, expected) => {
    expect(safeNext(raw)).toBe(expected);
  });
});
