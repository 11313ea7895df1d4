import { describe, expect, it } from 'vitest';
import { examSettingsSchema } from './schema.ts';

describe('examSettingsSchema', () => {
  it('fills in the defaults: one attempt, a closed AWS endpoint, everything shuffled', () => {
    expect(examSettingsSchema.parse({ timeLimitMinutes: 60, feedbackRelease: 'never' })).toEqual({
      timeLimitMinutes: 60,
      availability: {},
      attemptsAllowed: 1,
      feedbackRelease: 'never',
      awsEndpoint: 'closed',
      shuffle: { items: true, options: true },
    });
  });

  it.each([
    ['no feedback release', {}, ['`feedbackRelease` must be `never`, `after-submit` or `after-close`']],
    ['a window that closes before it opens', { feedbackRelease: 'never', availability: { opens: '2026-03-02T09:00:00Z', closes: '2026-03-01T09:00:00Z' } }, ['`closes` must be after `opens`']],
    ['a time without an offset', { feedbackRelease: 'never', availability: { opens: '2026-03-01 09:00' } }, ['a time must be ISO 8601 with an offset, e.g. `2026-03-01T09:00:00Z`']],
    ['after-close without a closing time', { feedbackRelease: 'after-close' }, ['`feedbackRelease: after-close` needs `availability.closes`: without it the window never closes']],
    ['after-close with a closing time', { feedbackRelease: 'after-close', availability: { closes: '2026-03-01T17:00:00+01:00' } }, []],
    ['no attempts', { feedbackRelease: 'never', attemptsAllowed: 0 }, ['`attemptsAllowed` must be at least 1']],
  ])('%s', (_name, settings, errors) => {
    const parsed = examSettingsSchema.safeParse({ timeLimitMinutes: 60, ...settings });
    expect(parsed.success ? [] : parsed.error.issues.map((i) => i.message)).toEqual(errors);
  });
});
