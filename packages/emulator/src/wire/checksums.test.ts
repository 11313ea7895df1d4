import { describe, expect, it } from 'vitest';
import { utf8Encode } from './bytes.ts';
import { base64, CHECKSUMS, crc } from './checksums.ts';

describe('checksums', () => {
  // The check values of the CRC catalogue (https://reveng.sourceforge.io/crc-catalogue/all.htm): CRC-32/ISO-HDLC
  // and CRC-32/ISCSI of "123456789".
  it('CRC-32 and CRC-32C give the catalogue check values', () => {
    expect(crc(utf8Encode('123456789'))).toBe(0xcbf43926);
    expect(CHECKSUMS.crc32c!(utf8Encode('123456789'))).toBe(base64(Uint8Array.of(0xe3, 0x06, 0x92, 0x83)));
  });

  // What @aws-sdk/client-s3 sent for the body `hello` (x-amz-checksum-crc32), and RFC 4648's base64 vectors.
  it.each([
    ['crc32', 'hello', 'NhCmhg=='],
    ['sha256', '', '47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='],
    ['sha1', 'abc', 'qZk+NkcGgWq6PiVxeFDCbJzQ2J0='],
  ])('%s(%j) = %s', (algorithm, body, digest) => {
    expect(CHECKSUMS[algorithm]!(utf8Encode(body))).toBe(digest);
  });

  it.each([
    ['', ''],
    ['f', 'Zg=='],
    ['fo', 'Zm8='],
    ['foo', 'Zm9v'],
    ['foobar', 'Zm9vYmFy'],
  ])('base64(%j) = %s', (text, encoded) => {
    expect(base64(utf8Encode(text))).toBe(encoded);
  });
});
