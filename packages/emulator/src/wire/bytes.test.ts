import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { utf8Decode, utf8Encode, utf8Length } from './bytes.ts';

describe('utf8Length', () => {
  it.each(['', 'ascii', 'é', '€uro', '😀 emoji', 'lone \ud800 high', 'lone \udc00 low', 'end \ud83d'])('counts %j as utf8Encode encodes it', (text) => {
    expect(utf8Length(text)).toBe(utf8Encode(text).length);
  });
});

describe('utf8Decode', () => {
  it('decodes what utf8Encode encodes, and agrees with the platform decoder on any bytes', () => {
    fc.assert(fc.property(fc.string({ unit: 'grapheme' }), (text) => {
        expect(utf8Decode(utf8Encode(text))).toBe(text);
      }));
    const fatal = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 12 }), (bytes) => {
        let expected: string | undefined;
        try {
          expected = fatal.decode(bytes);
        } catch {
          expected = undefined;
        }
        expect(utf8Decode(bytes)).toBe(expected);
      }),
      { numRuns: 2000 },
    );
  });

  it.each([
    ['an overlong slash', [0xc0, 0xaf]],
    ['a surrogate', [0xed, 0xa0, 0x80]],
    ['past U+10FFFF', [0xf4, 0x90, 0x80, 0x80]],
    ['a cut sequence', [0xe2, 0x82]],
  ])('refuses %s', (_, bytes) => {
    expect(utf8Decode(Uint8Array.from(bytes))).toBeUndefined();
  });
});
