import { hmac } from '@oslojs/crypto/hmac';
import { SHA256, sha256 } from '@oslojs/crypto/sha2';
import { constantTimeEqual } from '@oslojs/crypto/subtle';
import { hex, utf8Encode } from './bytes.ts';
import { IncompleteSignature, InvalidRequest, MissingAuthenticationToken, NotImplemented, RequestExpired, SignatureDoesNotMatch, XAmzContentSHA256Mismatch } from './errors.ts';
import type { WireRequest } from './types.ts';
import { recordsFrom } from '../records.ts';

// AWS Signature Version 4 as the IAM User Guide describes it:
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_sigv-create-signed-request.html
// Only the `Authorization` header form is accepted; presigned query strings are not.

const ALGORITHM = 'AWS4-HMAC-SHA256';
/** A request is accepted up to 15 minutes either side of the service's clock (reference_sigv-troubleshooting.html). */
export const SIGV4_MAX_SKEW_MS = 15 * 60 * 1000;

/** What the `Authorization` header and `x-amz-date` of a request say. */
export interface SigV4Authorization {
  accessKeyId: string;
  /** The credential scope: `YYYYMMDD/region/service/aws4_request`. */
  scope: string;
  date: string;
  region: string;
  service: string;
  signedHeaders: string[];
  signature: string;
  /** `x-amz-date` as sent (ISO 8601 basic format) and as epoch milliseconds. */
  amzDate: string;
  time: number;
  /** `x-amz-security-token`, sent with temporary credentials. */
  sessionToken?: string;
}

/** Header names lower-cased, in a record without a prototype (a header may be called `__proto__`); the wire layer looks headers up only through this. */
export function lowerCaseHeaders(headers: Record<string, string>): Record<string, string> {
  return recordsFrom(Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]));
}

const AMZ_DATE = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/;

function parseAmzDate(value: string): number | undefined {
  const m = AMZ_DATE.exec(value);
  if (!m) return undefined;
  const [y, mo, d, h, mi, s] = m.slice(1).map(Number) as [number, number, number, number, number, number];
  const time = Date.UTC(y, mo - 1, d, h, mi, s);
  // Date.UTC rolls 20150231 over into March; a real date survives the round trip.
  return formatAmzDate(time) === value ? time : undefined;
}

/** Epoch milliseconds in the ISO 8601 basic format of `x-amz-date`. */
export function formatAmzDate(time: number): string {
  return new Date(time).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}Z$/, 'Z');
}

/**
 * Reads the `Authorization` header (`AWS4-HMAC-SHA256 Credential=…, SignedHeaders=…, Signature=…`) and
 * `x-amz-date`; throws `MissingAuthenticationToken` or `IncompleteSignature` as AWS does for malformed ones.
 */
export function parseSigV4(request: WireRequest): SigV4Authorization {
  const headers = lowerCaseHeaders(request.headers);
  const header = headers['authorization'];
  if (header === undefined || header.trim() === '') throw new MissingAuthenticationToken();
  const space = header.indexOf(' ');
  const algorithm = space < 0 ? header : header.slice(0, space);
  if (algorithm !== ALGORITHM) throw new IncompleteSignature(`Unsupported AWS 'algorithm': '${algorithm}'`);
  const parts = new Map<string, string>();
  for (const part of header.slice(space + 1).split(',')) {
    const eq = part.indexOf('=');
    if (eq > 0) parts.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
  }
  const credential = parts.get('Credential');
  const signedHeaders = parts.get('SignedHeaders');
  const signature = parts.get('Signature');
  const amzDate = headers['x-amz-date'];
  const missing = [
    credential ? '' : "Authorization header requires 'Credential' parameter.",
    signature ? '' : "Authorization header requires 'Signature' parameter.",
    signedHeaders ? '' : "Authorization header requires 'SignedHeaders' parameter.",
    amzDate ? '' : "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.",
  ].filter(Boolean);
  if (!credential || !signature || !signedHeaders || !amzDate) throw new IncompleteSignature(`${missing.join(' ')} Authorization=${header}`);
  const scopeParts = credential.split('/');
  const [accessKeyId, date, region, service, terminator] = scopeParts;
  if (scopeParts.length !== 5 || !accessKeyId || !date || !region || !service) {
    throw new IncompleteSignature(`Credential should be of the form AccessKeyId/YYYYMMDD/region/service/aws4_request, not '${credential}'.`);
  }
  if (terminator !== 'aws4_request') throw new IncompleteSignature(`Credential should be scoped with a valid terminator: 'aws4_request', not '${terminator}'.`);
  const time = parseAmzDate(amzDate);
  if (time === undefined) throw new IncompleteSignature(`Date must be in ISO-8601 'basic format'. Got '${amzDate}'. See http://en.wikipedia.org/wiki/ISO_8601`);
  if (date !== amzDate.slice(0, 8)) {
    throw new SignatureDoesNotMatch(`Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '${date}' != '${amzDate.slice(0, 8)}', from '${amzDate}'.`);
  }
  const names = signedHeaders.split(';');
  if (!names.includes('host')) throw new IncompleteSignature("'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.");
  // An unsigned date or session token could be swapped by anyone who sees the request.
  if (!names.includes('x-amz-date')) throw new IncompleteSignature("'X-Amz-Date' must be a 'SignedHeader' in the AWS Authorization.");
  const sessionToken = headers['x-amz-security-token'];
  if (sessionToken !== undefined && !names.includes('x-amz-security-token')) {
    throw new IncompleteSignature("'X-Amz-Security-Token' must be a 'SignedHeader' in the AWS Authorization.");
  }
  return {
    accessKeyId,
    scope: `${date}/${region}/${service}/aws4_request`,
    date,
    region,
    service,
    signedHeaders: names,
    signature,
    amzDate,
    time,
    ...(sessionToken !== undefined ? { sessionToken } : {}),
  };
}

/** SigV4's URI encoding: every byte but `A-Z a-z 0-9 - _ . ~` as `%XX` in upper-case hex. */
export function uriEncode(value: string): string {
  return encodeURIComponent(value).replace(/[!'()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
}

/** The path and query of a URL as sent, without parsing (the emulator has no `URL` type). */
export function splitUrl(url: string): { path: string; query: string } {
  const rest = url.replace(/^[a-zA-Z][a-zA-Z0-9+.-]*:\/\/[^/?#]*/, '');
  const hash = rest.indexOf('#');
  const noHash = hash < 0 ? rest : rest.slice(0, hash);
  const q = noHash.indexOf('?');
  const path = q < 0 ? noHash : noHash.slice(0, q);
  return { path: path === '' ? '/' : path, query: q < 0 ? '' : noHash.slice(q + 1) };
}

/**
 * The canonical URI as the SDKs compute it for every service but S3: dot segments and empty segments
 * removed, then each segment URI-encoded once more (the path as sent is already encoded).
 */
export function canonicalUri(path: string): string {
  const segments: string[] = [];
  for (const segment of path.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') segments.pop();
    else segments.push(segment);
  }
  const trailing = segments.length > 0 && path.endsWith('/') ? '/' : '';
  return `/${segments.map(uriEncode).join('/')}${trailing}`;
}

function decodeComponent(value: string): string {
  try {
    return decodeURIComponent(value.replace(/\+/g, ' '));
  } catch {
    return value;
  }
}

/** The canonical query string: each name and value decoded, URI-encoded, then sorted by name and value. */
export function canonicalQuery(query: string): string {
  const pairs: [string, string][] = [];
  for (const part of query.split('&')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    const name = eq < 0 ? part : part.slice(0, eq);
    const value = eq < 0 ? '' : part.slice(eq + 1);
    pairs.push([uriEncode(decodeComponent(name)), uriEncode(decodeComponent(value))]);
  }
  pairs.sort(([an, av], [bn, bv]) => (an < bn ? -1 : an > bn ? 1 : av < bv ? -1 : av > bv ? 1 : 0));
  return pairs.map(([name, value]) => `${name}=${value}`).join('&');
}

/** Hex SHA-256 of the body: the last line of the canonical request. */
export function payloadHash(body: Uint8Array): string {
  return hex(sha256(body));
}

/**
 * The canonical request of task 1 of the signing process, over the headers the client says it signed. S3
 * signs the path as sent, neither normalized nor encoded again (the SDKs' `uriEscapePath: false`,
 * https://docs.aws.amazon.com/AmazonS3/latest/API/sig-v4-header-based-auth.html); every other service
 * signs `canonicalUri`.
 */
export function canonicalRequest(request: WireRequest, signedHeaders: string[], bodyHash: string, service?: string): string {
  const headers = lowerCaseHeaders(request.headers);
  const { path, query } = splitUrl(request.url);
  const canonicalHeaders = signedHeaders.map((name) => `${name}:${(headers[name] ?? '').trim().replace(/\s+/g, ' ')}\n`).join('');
  const uri = service === 's3' ? path : canonicalUri(path);
  return [request.method.toUpperCase(), uri, canonicalQuery(query), canonicalHeaders, signedHeaders.join(';'), bodyHash].join('\n');
}

/** The string to sign: algorithm, date, scope and the hash of the canonical request. */
export function stringToSign(amzDate: string, scope: string, canonical: string): string {
  return [ALGORITHM, amzDate, scope, hex(sha256(utf8Encode(canonical)))].join('\n');
}

/** The signing key: HMAC chain over date, region, service and `aws4_request`, keyed by `AWS4` + secret. */
export function signingKey(secretAccessKey: string, date: string, region: string, service: string): Uint8Array {
  let key = utf8Encode(`AWS4${secretAccessKey}`);
  for (const part of [date, region, service, 'aws4_request']) key = hmac(SHA256, key, utf8Encode(part));
  return key;
}

/** The hex signature of a request under the given secret. */
export function computeSignature(request: WireRequest, auth: SigV4Authorization, secretAccessKey: string, bodyHash = payloadHash(request.body)): string {
  const canonical = canonicalRequest(request, auth.signedHeaders, bodyHash, auth.service);
  const key = signingKey(secretAccessKey, auth.date, auth.region, auth.service);
  return hex(hmac(SHA256, key, utf8Encode(stringToSign(auth.amzDate, auth.scope, canonical))));
}

const UNSIGNED_PAYLOAD = 'UNSIGNED-PAYLOAD';

/**
 * The payload line of the canonical request. S3 requires `x-amz-content-sha256` and signs what it says:
 * the body's hash, or `UNSIGNED-PAYLOAD` for a body left out of the signature (sigv4-auth-using-authorization-header.html).
 * Streaming uploads (`STREAMING-…`, aws-chunked bodies signed chunk by chunk) are not served.
 */
function signedPayload(request: WireRequest, service: string): string {
  const declared = lowerCaseHeaders(request.headers)['x-amz-content-sha256'];
  const bodyHash = payloadHash(request.body);
  if (service !== 's3') {
    if (declared !== undefined && declared !== bodyHash) throw new SignatureDoesNotMatch("The provided 'x-amz-content-sha256' header does not match what was computed.");
    return bodyHash;
  }
  if (declared === undefined) throw new InvalidRequest('Missing required header for this request: x-amz-content-sha256');
  if (declared === UNSIGNED_PAYLOAD) return declared;
  if (declared.startsWith('STREAMING-')) throw new NotImplemented(`the emulated S3 does not take streaming uploads (\`x-amz-content-sha256: ${declared}\`): send the body in one piece`);
  if (!/^[0-9a-f]{64}$/.test(declared)) throw new InvalidRequest(`x-amz-content-sha256 must be UNSIGNED-PAYLOAD or a SHA-256 in lower-case hex, not \`${declared.slice(0, 80)}\``);
  if (declared !== bodyHash) throw new XAmzContentSHA256Mismatch();
  return bodyHash;
}

/**
 * Checks a parsed request against the secret of its access key: `RequestExpired` when its date is more
 * than 15 minutes from `now`, `SignatureDoesNotMatch` when the body hash header or the signature is wrong.
 */
export function verifySigV4(request: WireRequest, auth: SigV4Authorization, secretAccessKey: string, now: number): void {
  if (auth.time < now - SIGV4_MAX_SKEW_MS) {
    throw new RequestExpired(`Signature expired: ${auth.amzDate} is now earlier than ${formatAmzDate(now - SIGV4_MAX_SKEW_MS)} (${formatAmzDate(now)} - 15 min.)`);
  }
  if (auth.time > now + SIGV4_MAX_SKEW_MS) {
    throw new RequestExpired(`Signature not yet current: ${auth.amzDate} is still later than ${formatAmzDate(now + SIGV4_MAX_SKEW_MS)} (${formatAmzDate(now)} + 15 min.)`);
  }
  const expected = computeSignature(request, auth, secretAccessKey, signedPayload(request, auth.service));
  if (!constantTimeEqual(utf8Encode(expected), utf8Encode(auth.signature))) throw new SignatureDoesNotMatch();
}
