import { hmac } from '@oslojs/crypto/hmac';
import { SHA256 } from '@oslojs/crypto/sha2';
import { constantTimeEqual } from '@oslojs/crypto/subtle';
import { encodeHexLowerCase } from '@oslojs/encoding';

export const SIGNATURE_HEADER = 'Skylab-Signature';

const encoder = new TextEncoder();

/**
 * `t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<body>">`: the timestamp is signed with the body, so a
 * receiver that refuses old timestamps also refuses replays of a captured delivery.
 */
export function signatureHeader(secret: string, unixSeconds: number, body: string): string {
  return `t=${unixSeconds},v1=${encodeHexLowerCase(hmac(SHA256, encoder.encode(secret), encoder.encode(`${unixSeconds}.${body}`)))}`;
}

/** What a receiver does (docs/api.md shows it): recompute and compare in constant time, within a tolerance. */
export function verifySignatureHeader(secret: string, header: string, body: string, nowSeconds: number, toleranceSeconds = 300): boolean {
  const parts = new Map(header.split(',').map((part) => part.split('=', 2) as [string, string]));
  const t = Number(parts.get('t'));
  const v1 = parts.get('v1') ?? '';
  if (!Number.isInteger(t) || Math.abs(nowSeconds - t) > toleranceSeconds) return false;
  const expected = signatureHeader(secret, t, body).split('v1=')[1] ?? '';
  return expected.length === v1.length && constantTimeEqual(encoder.encode(expected), encoder.encode(v1));
}
