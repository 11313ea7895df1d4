import { describe, expect, it } from 'vitest';
import { describeTags, tagAsWords } from './misconception-text.ts';

const CATALOGUE = [{ id: 'bucket-arn-vs-object-arn', title: 'Bucket actions act on the bucket', explanation: 'Why.' }];

describe('describeTags', () => {
  it('takes titles from the catalogue, in the check\u2019s order, and words an unknown tag', () => {
    expect(describeTags(['nacl-rule-order', 'bucket-arn-vs-object-arn'], CATALOGUE)).toEqual([
      { id: 'nacl-rule-order', title: 'nacl rule order' },
      { id: 'bucket-arn-vs-object-arn', title: 'Bucket actions act on the bucket', entry: CATALOGUE[0] },
    ]);
  });

  it('words every tag while the catalogue loads', () => {
    expect(describeTags(['a-b'], undefined)).toEqual([{ id: 'a-b', title: 'a b' }]);
    expect(tagAsWords('cron-in-utc')).toBe('cron in utc');
  });
});
