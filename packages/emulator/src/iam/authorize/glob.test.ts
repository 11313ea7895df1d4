import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { globMatch, globMatchIgnoreCase } from './glob.ts';

/** A plainly correct (and slow) reference: dynamic programming over prefixes. */
function reference(pattern: string, text: string): boolean {
  let row = Array.from({ length: text.length + 1 }, (_, j) => j === 0);
  for (const p of pattern) {
    const next = new Array<boolean>(text.length + 1).fill(false);
    next[0] = p === '*' && (row[0] ?? false);
    for (let j = 1; j <= text.length; j++) {
      if (p === '*') next[j] = (row[j] ?? false) || (next[j - 1] ?? false);
      else next[j] = (row[j - 1] ?? false) && (p === '?' || p === text[j - 1]);
    }
    row = next;
  }
  return row[text.length] ?? false;
}

describe('globMatch', () => {
  it.each([
    ['*', '', true],
    ['', '', true],
    ['', 'a', false],
    ['s3:Get*', 's3:GetObject', true],
    ['s3:Get*', 's3:PutObject', false],
    ['s3:?etObject', 's3:GetObject', true],
    ['s3:?etObject', 's3:etObject', false],
    ['a*b*c', 'axxbyyc', true],
    ['a*b*c', 'axxbyy', false],
    ['*.jpg', 'photo.jpg', true],
    ['*.jpg', 'photo.jpeg', false],
    ['**', 'anything', true],
  ])('%j against %j is %s', (pattern, text, expected) => {
    expect(globMatch(pattern, text)).toBe(expected);
  });

  it('compares action names without regard to case', () => {
    expect(globMatchIgnoreCase('S3:getobject', 's3:GetObject')).toBe(true);
    expect(globMatch('S3:getobject', 's3:GetObject')).toBe(false);
  });

  it('agrees with the reference on any pattern and text', () => {
    const unit = fc.constantFrom('a', 'b', '*', '?', '/', ':');
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 12 }), fc.string({ unit: fc.constantFrom('a', 'b', '/', ':'), maxLength: 16 }), (pattern, text) => {
        expect(globMatch(pattern, text)).toBe(reference(pattern, text));
      }),
      { numRuns: 5000 },
    );
  });

  it('stays fast on patterns that make backtracking matchers explode', () => {
    const pattern = `${'a*'.repeat(2000)}b`;
    const text = 'a'.repeat(4000);
    expect(globMatch(pattern, text)).toBe(false);
  });
});
