import { utf8Encode } from './bytes.ts';
import { computeSignature, formatAmzDate, parseSigV4, payloadHash } from './sigv4.ts';
import type { WireRequest, WireResponse } from './types.ts';

/** An access key pair as a test signs with it. */
export interface TestKeys {
  accessKeyId: string;
  secretAccessKey: string;
}

/** A root key for tests: AWS's documented example key pair, the shapes the API issues. */
export const TEST_ROOT_KEYS: TestKeys = { accessKeyId: 'AKIAIOSFODNN7EXAMPLE', secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY' };

/** Where and when a test request is sent; every header given is signed too. */
export interface TestSigning {
  url?: string;
  service?: string;
  time: number;
  headers?: Record<string, string>;
}

/**
 * A form-encoded Query request signed with SigV4 as the SDKs sign it (host, content type and x-amz-date
 * signed), for tests of the wire layer in Node and in workerd. Signing uses the verifier's own code; the
 * known-answer tests against AWS's worked example keep that code honest.
 */
export function signQueryRequest(body: string, keys: TestKeys, signing: TestSigning): WireRequest {
  return signRequest(utf8Encode(body), keys, signing);
}

/** A `POST` of any body signed as `signQueryRequest` signs (its content type form-encoded unless `headers` says otherwise). */
export function signRequest(body: Uint8Array, keys: TestKeys, signing: TestSigning): WireRequest {
  return signMethod('POST', body, keys, { ...signing, headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8', ...signing.headers } });
}

function signMethod(method: string, body: Uint8Array, keys: TestKeys, signing: TestSigning): WireRequest {
  const url = signing.url ?? 'http://localhost/aws/attempt-1/';
  const amzDate = formatAmzDate(signing.time);
  const headers: Record<string, string> = { host: new URL(url).host, 'x-amz-date': amzDate, ...signing.headers };
  const signed = Object.keys(headers).map((h) => h.toLowerCase()).sort().join(';');
  const scope = `${amzDate.slice(0, 8)}/us-east-1/${signing.service ?? 'iam'}/aws4_request`;
  const authorization = (signature: string) => `AWS4-HMAC-SHA256 Credential=${keys.accessKeyId}/${scope}, SignedHeaders=${signed}, Signature=${signature}`;
  const request: WireRequest = { method, url, headers, body };
  const draft = { ...request, headers: { ...headers, authorization: authorization('0') } };
  return { ...request, headers: { ...headers, authorization: authorization(computeSignature(draft, parseSigV4(draft), keys.secretAccessKey, headers['x-amz-content-sha256'])) } };
}

/** An S3 REST request signed as the S3 SDK signs it: the path as given, `x-amz-content-sha256` with the body's hash. */
export function signS3Request(method: string, url: string, body: string | Uint8Array, keys: TestKeys, signing: Omit<TestSigning, 'url' | 'service'>): WireRequest {
  const bytes = typeof body === 'string' ? utf8Encode(body) : body;
  return signMethod(method, bytes, keys, { ...signing, url, service: 's3', headers: { 'x-amz-content-sha256': payloadHash(bytes), ...signing.headers } });
}

/** A wire response's body as text (an object's content may come back as bytes). */
export function bodyText(body: WireResponse['body']): string {
  return typeof body === 'string' ? body : new TextDecoder().decode(body);
}
