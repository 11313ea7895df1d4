import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { readStream } from './read-input.ts';

describe('readStream', () => {
  const euro = Buffer.from('€');
  it.each([
    { name: 'nothing', chunks: [], text: '' },
    { name: 'one chunk', chunks: [Buffer.from('{"a":1}')], text: '{"a":1}' },
    { name: 'a character split between chunks', chunks: [Buffer.from('"'), euro.subarray(0, 1), euro.subarray(1), Buffer.from('"')], text: '"€"' },
    { name: 'two megabytes in 64 KB chunks', chunks: Array.from({ length: 32 }, () => Buffer.alloc(65_536, 'x')), text: 'x'.repeat(32 * 65_536) },
  ])('reads $name whole', async ({ chunks, text }) => {
    expect(await readStream(Readable.from(chunks))).toBe(text);
  });
});
