import { awsErrorCode } from '../test-ctx.ts';
import { describe, expect, it } from 'vitest';
import { hex, utf8Encode } from './bytes.ts';
import {
  canonicalQuery,
  canonicalRequest,
  canonicalUri,
  computeSignature,
  parseSigV4,
  payloadHash,
  signingKey,
  stringToSign,
  verifySigV4,
} from './sigv4.ts';
import type { WireRequest } from './types.ts';

// The worked example of the SigV4 documentation: IAM ListUsers as a GET, signed on 2015-08-30 12:36:00 UTC
// (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_sigv-create-signed-request.html and the
// former General Reference pages sigv4-create-canonical-request.html … sigv4-calculate-signature.html).
const SECRET = 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY';
const AUTHORIZATION =
  'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/iam/aws4_request, SignedHeaders=content-type;host;x-amz-date, Signature=5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7';
const EXAMPLE: WireRequest = {
  method: 'GET',
  url: 'https://iam.amazonaws.com/?Action=ListUsers&Version=2010-05-08',
  headers: {
    Host: 'iam.amazonaws.com',
    'Content-Type': 'application/x-www-form-urlencoded; charset=utf-8',
    'X-Amz-Date': '20150830T123600Z',
    Authorization: AUTHORIZATION,
  },
  body: new Uint8Array(),
};
const SIGNED_AT = Date.UTC(2015, 7, 30, 12, 36, 0);


describe('SigV4 against the documented IAM ListUsers example', () => {
  it('builds the canonical request of task 1', () => {
    expect(canonicalRequest(EXAMPLE, ['content-type', 'host', 'x-amz-date'], payloadHash(EXAMPLE.body))).toBe(
      [
        'GET',
        '/',
        'Action=ListUsers&Version=2010-05-08',
        'content-type:application/x-www-form-urlencoded; charset=utf-8',
        'host:iam.amazonaws.com',
        'x-amz-date:20150830T123600Z',
        '',
        'content-type;host;x-amz-date',
        'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
      ].join('\n'),
    );
  });

  it('builds the string to sign of task 2', () => {
    const canonical = canonicalRequest(EXAMPLE, ['content-type', 'host', 'x-amz-date'], payloadHash(EXAMPLE.body));
    expect(stringToSign('20150830T123600Z', '20150830/us-east-1/iam/aws4_request', canonical)).toBe(
      'AWS4-HMAC-SHA256\n20150830T123600Z\n20150830/us-east-1/iam/aws4_request\nf536975d06c0309214f805bb90ccff089219ecd68b2577efef23edd43b7e1a59',
    );
  });

  it('derives the signing key of task 3', () => {
    expect(hex(signingKey(SECRET, '20150830', 'us-east-1', 'iam'))).toBe('c4afb1cc5771d871763a393e44b703571b55cc28424d1a5e86da6ed3c154a4b9');
  });

  it('computes the documented signature and accepts the request at its own time', () => {
    const auth = parseSigV4(EXAMPLE);
    expect(auth).toMatchObject({ accessKeyId: 'AKIDEXAMPLE', date: '20150830', region: 'us-east-1', service: 'iam', time: SIGNED_AT });
    expect(computeSignature(EXAMPLE, auth, SECRET)).toBe('5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7');
    expect(() => verifySigV4(EXAMPLE, auth, SECRET, SIGNED_AT)).not.toThrow();
  });
});

describe('SigV4 verification failures', () => {
  const auth = parseSigV4(EXAMPLE);
  const cases: [string, () => unknown, string][] = [
    ['a wrong secret', () => verifySigV4(EXAMPLE, auth, `${SECRET}x`, SIGNED_AT), 'SignatureDoesNotMatch'],
    ['a changed parameter', () => verifySigV4({ ...EXAMPLE, url: `${EXAMPLE.url.replace('ListUsers', 'ListRoles')}` }, auth, SECRET, SIGNED_AT), 'SignatureDoesNotMatch'],
    ['a changed body', () => verifySigV4({ ...EXAMPLE, body: utf8Encode('x') }, auth, SECRET, SIGNED_AT), 'SignatureDoesNotMatch'],
    ['a body hash header that lies', () => verifySigV4({ ...EXAMPLE, headers: { ...EXAMPLE.headers, 'x-amz-content-sha256': '0'.repeat(64) } }, auth, SECRET, SIGNED_AT), 'SignatureDoesNotMatch'],
    ['16 minutes late', () => verifySigV4(EXAMPLE, auth, SECRET, SIGNED_AT + 16 * 60_000), 'RequestExpired'],
    ['16 minutes early', () => verifySigV4(EXAMPLE, auth, SECRET, SIGNED_AT - 16 * 60_000), 'RequestExpired'],
  ];
  it.each(cases)('%s', (_name, run, code) => {
    expect(awsErrorCode(run)).toBe(code);
  });

  it('accepts a request 14 minutes off either way', () => {
    expect(awsErrorCode(() => verifySigV4(EXAMPLE, auth, SECRET, SIGNED_AT + 14 * 60_000))).toBeUndefined();
    expect(awsErrorCode(() => verifySigV4(EXAMPLE, auth, SECRET, SIGNED_AT - 14 * 60_000))).toBeUndefined();
  });

  it('says how far off an expired request is, in AWS words', () => {
    expect(() => verifySigV4(EXAMPLE, auth, SECRET, SIGNED_AT + 20 * 60_000)).toThrow(
      'Signature expired: 20150830T123600Z is now earlier than 20150830T124100Z (20150830T125600Z - 15 min.)',
    );
  });
});

describe('parsing the Authorization header', () => {
  const withAuth = (authorization: string | undefined, extra: Record<string, string> = {}): WireRequest => {
    const { Authorization: _drop, ...headers } = EXAMPLE.headers;
    return { ...EXAMPLE, headers: { ...headers, ...(authorization !== undefined ? { Authorization: authorization } : {}), ...extra } };
  };
  const cases: [string, WireRequest, string][] = [
    ['no header', withAuth(undefined), 'MissingAuthenticationToken'],
    ['another algorithm', withAuth('AWS3 foo'), 'IncompleteSignature'],
    ['no Signature', withAuth(AUTHORIZATION.replace(/, Signature=\w+/, '')), 'IncompleteSignature'],
    ['no Credential', withAuth(AUTHORIZATION.replace(/Credential=[^,]+, /, '')), 'IncompleteSignature'],
    ['a short scope', withAuth(AUTHORIZATION.replace('/us-east-1/iam', '')), 'IncompleteSignature'],
    ['a wrong terminator', withAuth(AUTHORIZATION.replace('aws4_request', 'aws5_request')), 'IncompleteSignature'],
    ['host not signed', withAuth(AUTHORIZATION.replace('content-type;host;x-amz-date', 'content-type;x-amz-date')), 'IncompleteSignature'],
    ['x-amz-date not signed', withAuth(AUTHORIZATION.replace('content-type;host;x-amz-date', 'content-type;host')), 'IncompleteSignature'],
    ['a scope date that is not the request date', withAuth(AUTHORIZATION.replace('/20150830/', '/20150831/')), 'SignatureDoesNotMatch'],
    ['a malformed date', withAuth(AUTHORIZATION, { 'X-Amz-Date': '2015-08-30T12:36:00Z' }), 'IncompleteSignature'],
    ['an impossible date', withAuth(AUTHORIZATION, { 'X-Amz-Date': '20150231T123600Z' }), 'IncompleteSignature'],
    ['an unsigned session token', withAuth(AUTHORIZATION, { 'X-Amz-Security-Token': 'token' }), 'IncompleteSignature'],
  ];
  it.each(cases)('%s', (_name, request, code) => {
    expect(awsErrorCode(() => parseSigV4(request))).toBe(code);
  });
});

describe('canonical forms', () => {
  it.each([
    ['/', '/'],
    ['/aws/01ABC/', '/aws/01ABC/'],
    ['/a/./b/../c', '/a/c'],
    ['//a//b/', '/a/b/'],
    ['/a%20b', '/a%2520b'],
  ])('the path %s is %s', (path, expected) => {
    expect(canonicalUri(path)).toBe(expected);
  });

  it.each([
    ['Version=2010-05-08&Action=ListUsers', 'Action=ListUsers&Version=2010-05-08'],
    ['b=2&a=2&a=1', 'a=1&a=2&b=2'],
    ['k=a%20b&e', 'e=&k=a%20b'],
    ["x=!'()*~", 'x=%21%27%28%29%2A~'],
    ['', ''],
  ])('the query %s is %s', (query, expected) => {
    expect(canonicalQuery(query)).toBe(expected);
  });
});

// The GET Object example of https://docs.aws.amazon.com/AmazonS3/latest/API/sig-v4-header-based-auth.html
// (examplebucket, /test.txt, bytes 0-9, signed 2013-05-24 00:00:00 UTC with the documented example key).
const S3_SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY';
const EMPTY_SHA256 = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';
const S3_GET: WireRequest = {
  method: 'GET',
  url: 'https://examplebucket.s3.amazonaws.com/test.txt',
  headers: {
    Host: 'examplebucket.s3.amazonaws.com',
    Range: 'bytes=0-9',
    'x-amz-content-sha256': EMPTY_SHA256,
    'x-amz-date': '20130524T000000Z',
    Authorization:
      'AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request,SignedHeaders=host;range;x-amz-content-sha256;x-amz-date,Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41',
  },
  body: new Uint8Array(),
};
const S3_SIGNED_AT = Date.UTC(2013, 4, 24);

describe('SigV4 for S3', () => {
  it('verifies the documented GET Object example', () => {
    expect(() => verifySigV4(S3_GET, parseSigV4(S3_GET), S3_SECRET, S3_SIGNED_AT)).not.toThrow();
  });

  it('signs the path as sent: S3 keys are encoded once, never normalized nor encoded again', () => {
    const request = { ...S3_GET, url: 'https://examplebucket.s3.amazonaws.com/a%20b//./%C3%BC' };
    expect(canonicalRequest(request, ['host'], EMPTY_SHA256, 's3').split('\n')[1]).toBe('/a%20b//./%C3%BC');
    expect(canonicalRequest(request, ['host'], EMPTY_SHA256, 'iam').split('\n')[1]).toBe('/a%2520b/%25C3%25BC');
  });

  it.each([
    ['no x-amz-content-sha256', undefined, 'InvalidRequest'],
    ['a value that is not a hash', 'abc', 'InvalidRequest'],
    ['the hash of another body', payloadHash(utf8Encode('x')), 'XAmzContentSHA256Mismatch'],
    ['a streaming upload', 'STREAMING-AWS4-HMAC-SHA256-PAYLOAD', 'NotImplemented'],
    ['UNSIGNED-PAYLOAD (signed as such, so the documented signature no longer matches)', 'UNSIGNED-PAYLOAD', 'SignatureDoesNotMatch'],
  ])('refuses %s', (_, declared, code) => {
    const { 'x-amz-content-sha256': _hash, ...headers } = S3_GET.headers;
    const request = { ...S3_GET, headers: declared === undefined ? headers : { ...headers, 'x-amz-content-sha256': declared } };
    expect(awsErrorCode(() => verifySigV4(request, parseSigV4(request), S3_SECRET, S3_SIGNED_AT))).toBe(code);
  });
});
