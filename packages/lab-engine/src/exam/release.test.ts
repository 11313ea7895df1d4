import { describe, expect, it } from 'vitest';
import type { ExamSettings } from '@skylab/validation';
import { feedbackReleased } from './release.ts';

const settings = (feedbackRelease: ExamSettings['feedbackRelease'], closes?: string): ExamSettings => ({
  timeLimitMinutes: 60,
  availability: closes === undefined ? {} : { closes },
  attemptsAllowed: 1,
  feedbackRelease,
  awsEndpoint: 'closed',
  shuffle: { items: true, options: true },
});
const CLOSES = '2026-03-01T12:00:00Z';

describe('feedbackReleased', () => {
  it.each([
    ['never, even after the window', settings('never', CLOSES), true, Date.parse(CLOSES) + 1, false],
    ['after-submit, before submitting', settings('after-submit'), false, 0, false],
    ['after-submit, once submitted', settings('after-submit'), true, 0, true],
    ['after-close, submitted but the window open', settings('after-close', CLOSES), true, Date.parse(CLOSES) - 1, false],
    ['after-close, at the closing time', settings('after-close', CLOSES), false, Date.parse(CLOSES), true],
    ['after-close without a closing time (the schema refuses it): fail closed', settings('after-close'), true, Date.parse(CLOSES), false],
  ])('%s', (_name, s, submitted, now, released) => {
    expect(feedbackReleased(s, { submitted, now })).toBe(released);
  });
});
