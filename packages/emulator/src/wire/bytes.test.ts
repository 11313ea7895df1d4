import { describe, expect, it } from 'vitest';
import { utf8Encode, utf8Length } from './bytes.ts';

describe('utf8Length', () => {
  it.each(['', 'ascii', 'é', '€uro', '😀 emoji', 'lone \ud800 high', 'lone \udc00 low', 'end \ud83d'])('counts %j as utf8Encode encodes it', (text) => {
    expect(utf8Length(text)).toBe(utf8Encode(text).length);
  });
});
