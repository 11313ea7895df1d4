import { sha1 } from '@oslojs/crypto/sha1';
import { sha256 } from '@oslojs/crypto/sha2';

// The flexible checksums current SDKs send with S3 uploads (`x-amz-checksum-<algorithm>`, base64 of the
// big-endian digest): https://docs.aws.amazon.com/AmazonS3/latest/userguide/checking-object-integrity.html.

function crcTable(polynomial: number): Uint32Array {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? (polynomial ^ (c >>> 1)) >>> 0 : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
}

// The reflected polynomials of CRC-32 (ISO-HDLC) and CRC-32C (Castagnoli).
const CRC32 = crcTable(0xedb88320);
const CRC32C = crcTable(0x82f63b78);

/** A reflected CRC-32 of the bytes with the given table, as an unsigned 32-bit number. */
export function crc(bytes: Uint8Array, table: Uint32Array = CRC32): number {
  let c = 0xffffffff;
  for (const byte of bytes) c = (table[(c ^ byte) & 0xff]! ^ (c >>> 8)) >>> 0;
  return (c ^ 0xffffffff) >>> 0;
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Standard base64 with padding. */
export function base64(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const [a = 0, b = 0, c = 0] = [bytes[i], bytes[i + 1], bytes[i + 2]];
    const n = (a << 16) | (b << 8) | c;
    out += BASE64[n >> 18]! + BASE64[(n >> 12) & 63]! + (i + 1 < bytes.length ? BASE64[(n >> 6) & 63]! : '=') + (i + 2 < bytes.length ? BASE64[n & 63]! : '=');
  }
  return out;
}

const bigEndian = (n: number) => Uint8Array.of(n >>> 24, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff);

/** The checksum algorithms the wire verifies, by the suffix of their header (`x-amz-checksum-crc32`). */
export const CHECKSUMS: Record<string, (body: Uint8Array) => string> = {
  crc32: (body) => base64(bigEndian(crc(body, CRC32))),
  crc32c: (body) => base64(bigEndian(crc(body, CRC32C))),
  sha1: (body) => base64(sha1(body)),
  sha256: (body) => base64(sha256(body)),
};
