import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { NoSuchBucket } from '../../s3/errors.ts';
import { awsErrorCode } from '../../test-ctx.ts';
import { utf8Encode } from '../bytes.ts';
import { CHECKSUMS } from '../checksums.ts';
import { InvalidClientTokenId } from '../errors.ts';
import { S3_ROUTES } from '../s3-routes.ts';
import { S3_REST_API, s3Service } from '../s3-service.ts';
import type { WireRequest } from '../types.ts';
import { restLocation, restOperation, restXmlProtocol } from './rest-xml-protocol.ts';

const protocol = restXmlProtocol(S3_REST_API);
const BASE = '/aws/attempt-1';

function request(method: string, path: string, options: { host?: string; headers?: Record<string, string>; body?: string | Uint8Array } = {}): WireRequest {
  const host = options.host ?? 'skylab.test';
  const body = typeof options.body === 'string' ? utf8Encode(options.body) : (options.body ?? new Uint8Array());
  return { method, url: `https://${host}${BASE}${path}`, headers: { host, ...options.headers }, body, basePath: BASE, endpointHost: 'skylab.test' };
}

describe('restLocation', () => {
  it.each([
    ['/', 'skylab.test', {}],
    ['', 'skylab.test', {}],
    ['/my-bucket', 'skylab.test', { bucket: 'my-bucket' }],
    ['/my-bucket/', 'skylab.test', { bucket: 'my-bucket' }],
    ['/my-bucket/a%20b/%C3%BC%2Bc.txt', 'skylab.test', { bucket: 'my-bucket', key: 'a b/ü+c.txt' }],
    ['/my-bucket/dir/', 'skylab.test', { bucket: 'my-bucket', key: 'dir/' }],
    ['/my-bucket//double', 'skylab.test', { bucket: 'my-bucket', key: '/double' }],
    // Virtual-hosted style: the bucket is the host's first labels before the endpoint host, any port.
    ['/', 'my-bucket.skylab.test', { bucket: 'my-bucket' }],
    ['/a%20b/c', 'my.dotted.bucket.skylab.test:8443', { bucket: 'my.dotted.bucket', key: 'a b/c' }],
    ['/', 'SKYLAB.test', {}],
  ])('%s on %s', (path, host, location) => {
    expect(restLocation(request('GET', path, { host }))).toEqual(location);
  });

  it('without an endpoint host every request is path-style', () => {
    expect(restLocation({ url: 'https://b.skylab.test/k', headers: { host: 'b.skylab.test' } })).toEqual({ bucket: 'k' });
  });
});

// Request syntax of the API reference pages (API_PutBucketPolicy.html: `PUT /?policy`, API_ListObjectsV2.html: `GET /?list-type=2` …).
describe('restOperation', () => {
  it.each([
    ['GET', '/', 'ListBuckets'],
    ['PUT', '/b', 'CreateBucket'],
    ['GET', '/b?list-type=2&prefix=a', 'ListObjectsV2'],
    ['GET', '/b?prefix=a', 'ListObjects'],
    ['GET', '/b?versions', 'ListObjectVersions'],
    ['PUT', '/b?policy', 'PutBucketPolicy'],
    ['GET', '/b?policyStatus', 'GetBucketPolicyStatus'],
    ['DELETE', '/b?lifecycle', 'DeleteBucketLifecycle'],
    ['GET', '/b?analytics', 'ListBucketAnalyticsConfigurations'],
    ['GET', '/b?analytics&id=x', 'GetBucketAnalyticsConfiguration'],
    ['PUT', '/b/k', 'PutObject'],
    ['PUT', '/b/k?partNumber=1&uploadId=u', 'UploadPart'],
    ['GET', '/b/k?uploadId=u', 'ListParts'],
    ['POST', '/b/k?uploads', 'CreateMultipartUpload'],
    ['HEAD', '/b/k', 'HeadObject'],
  ])('%s %s is %s', (method, path, action) => {
    expect(protocol.read(request(method, path, { headers: { 'x-amz-content-sha256': 'UNSIGNED-PAYLOAD' } }), s3Service).action).toBe(action);
  });

  it('CopyObject is a PUT with `x-amz-copy-source`', () => {
    expect(restOperation(S3_ROUTES, 'PUT', 'object', new Set(), { 'x-amz-copy-source': '/a/b' })).toBe('CopyObject');
  });

  it('refuses a method the target does not take with MethodNotAllowed', () => {
    expect(awsErrorCode(() => protocol.read(request('POST', '/b'), s3Service))).toBe('MethodNotAllowed');
    expect(awsErrorCode(() => protocol.read(request('DELETE', '/'), s3Service))).toBe('MethodNotAllowed');
  });

  it('routes every operation back from its own request, whatever else the query holds', () => {
    const routes = Object.entries(S3_ROUTES);
    const other = fc.uniqueArray(fc.constantFrom('prefix', 'max-keys', 'x-id', 'delimiter', 'key-marker'), { maxLength: 3 });
    fc.assert(
      fc.property(fc.constantFrom(...routes), other, ([action, route], extra) => {
        const query = new Set([...(route.query ?? []), ...extra]);
        expect(restOperation(S3_ROUTES, route.method, route.target, query, route.header ? { [route.header]: 'x' } : {})).toBe(action);
      }),
      { numRuns: 400 },
    );
  });

  it('never throws anything but an AWS error, whatever the path and query', () => {
    fc.assert(
      fc.property(fc.constantFrom('GET', 'PUT', 'POST', 'DELETE', 'HEAD', 'PATCH'), fc.string({ maxLength: 40 }), (method, path) => {
        try {
          protocol.read(request(method, `/${path}`), s3Service);
        } catch (error) {
          expect(awsErrorCode(() => {
            throw error;
          })).toBeDefined();
        }
      }),
      { numRuns: 400 },
    );
  });
});

describe('reading a call', () => {
  it('reads PutObject: the bucket and key, metadata headers, content type and the body', () => {
    const body = 'hello';
    const call = protocol.read(
      request('PUT', '/my-bucket/notes.txt?x-id=PutObject', { body, headers: { 'content-type': 'text/plain', 'x-amz-meta-owner': 'ada', 'x-amz-checksum-crc32': CHECKSUMS.crc32!(utf8Encode(body)) } }),
      s3Service,
    );
    expect(call).toEqual({ action: 'PutObject', version: '2006-03-01', params: { Bucket: 'my-bucket', Key: 'notes.txt', ContentType: 'text/plain', Metadata: { owner: 'ada' }, Body: 'hello' } });
  });

  it('reads a configuration document by its shape', () => {
    const xml = '<LifecycleConfiguration xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Rule><Status>Enabled</Status><Expiration><Days>30</Days></Expiration><ID>x</ID><Filter><Prefix>logs/</Prefix></Filter></Rule></LifecycleConfiguration>';
    expect(protocol.read(request('PUT', '/b?lifecycle', { body: xml }), s3Service).params).toEqual({
      Bucket: 'b',
      LifecycleConfiguration: { Rules: [{ Status: 'Enabled', Expiration: { Days: 30 }, ID: 'x', Filter: { Prefix: 'logs/' } }] },
    });
  });

  it.each([
    ['a checksum that does not match', request('PUT', '/b/k', { body: 'hello', headers: { 'x-amz-checksum-crc32': 'AAAAAA==' } }), 'BadDigest'],
    ['a Content-MD5 that does not match', request('PUT', '/b/k', { body: 'hello', headers: { 'content-md5': 'AAAAAAAAAAAAAAAAAAAAAA==' } }), 'BadDigest'],
    ['a checksum we cannot verify', request('PUT', '/b/k', { body: 'hello', headers: { 'x-amz-checksum-crc64nvme': 'x' } }), 'NotImplemented'],
    ['a header that changes the operation', request('PUT', '/b/k', { body: 'x', headers: { 'x-amz-website-redirect-location': '/elsewhere' } }), 'NotImplemented'],
    ['a conditional request', request('GET', '/b/k', { headers: { 'if-none-match': '"x"' } }), 'NotImplemented'],
    ['a part number', request('GET', '/b/k?partNumber=1'), 'NotImplemented'],
    ['an aws-chunked body', request('PUT', '/b/k', { body: 'x', headers: { 'content-encoding': 'aws-chunked' } }), 'NotImplemented'],
    ['a body that is not UTF-8', request('PUT', '/b/k', { body: Uint8Array.of(0xff) }), 'NotImplemented'],
    ['a body the operation does not read', request('DELETE', '/b/k', { body: 'x' }), 'NotImplemented'],
    ['a configuration with no body', request('PUT', '/b?versioning'), 'MissingRequestBodyError'],
    ['a document with another root', request('PUT', '/b?versioning', { body: '<Versioning/>' }), 'MalformedXML'],
    ['a document off its shape', request('PUT', '/b?versioning', { body: '<VersioningConfiguration><State>On</State></VersioningConfiguration>' }), 'MalformedXML'],
  ])('refuses %s', (_, req, code) => {
    expect(awsErrorCode(() => protocol.read(req, s3Service))).toBe(code);
  });

  it('an operation the engine does not model is named, not read', () => {
    expect(protocol.read(request('PUT', '/b?tagging', { body: '<Tagging/>' }), s3Service)).toEqual({ action: 'PutBucketTagging', version: '2006-03-01', params: {} });
  });

  it('decodes text parameters in their types', () => {
    expect(protocol.decode({ Bucket: 'b', MaxKeys: '10', Prefix: 'p' }, { Bucket: 'string!', MaxKeys: 'integer', Prefix: 'string' })).toEqual({ Bucket: 'b', MaxKeys: 10, Prefix: 'p' });
    expect(awsErrorCode(() => protocol.decode({ Bucket: 'b', MaxKeys: 'ten' }, { Bucket: 'string!', MaxKeys: 'integer' }))).toBe('InvalidArgument');
  });
});

describe('writing answers', () => {
  const call = (action: string) => ({ action, version: undefined, params: {} });

  it('writes a list result in the S3 namespace with flattened Contents', () => {
    const res = protocol.success(call('ListObjectsV2'), { Name: 'b', Prefix: '', MaxKeys: 1000, KeyCount: 1, IsTruncated: false, Contents: [{ Key: 'a&b', Size: 1, ETag: '"x"' }], CommonPrefixes: [] }, s3Service, 'req-1');
    expect(res.status).toBe(200);
    expect(res.body).toBe(
      '<?xml version="1.0" encoding="UTF-8"?>\n<ListBucketResult xmlns="http://s3.amazonaws.com/doc/2006-03-01/"><Name>b</Name><Prefix></Prefix><MaxKeys>1000</MaxKeys><IsTruncated>false</IsTruncated><KeyCount>1</KeyCount><Contents><Key>a&amp;b</Key><ETag>&quot;x&quot;</ETag><Size>1</Size></Contents></ListBucketResult>',
    );
  });

  it('writes GetObject as headers and the raw body, HeadObject without the body, deletes as 204', () => {
    const object = { Body: 'hello', ETag: '"5d41"', ContentLength: 5, ContentType: 'text/plain', Metadata: { owner: 'ada' } };
    const got = protocol.success(call('GetObject'), object, s3Service, 'r');
    expect(got).toMatchObject({ status: 200, body: 'hello', headers: { etag: '"5d41"', 'content-length': '5', 'content-type': 'text/plain', 'x-amz-meta-owner': 'ada' } });
    expect(protocol.success(call('HeadObject'), object, s3Service, 'r').body).toBe('');
    expect(protocol.success(call('DeleteBucket'), {}, s3Service, 'r').status).toBe(204);
  });

  it('writes errors as an <Error> document naming the bucket, in S3 words for the shared errors', () => {
    const missing = protocol.failure(new NoSuchBucket('the bucket `b` does not exist', 'b'), s3Service, 'r');
    expect(missing.status).toBe(404);
    expect(missing.body).toBe('<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>NoSuchBucket</Code><Message>the bucket `b` does not exist</Message><BucketName>b</BucketName><RequestId>r</RequestId><HostId>r</HostId></Error>');
    expect(protocol.failure(new InvalidClientTokenId(), s3Service, 'r')).toMatchObject({ status: 403, body: expect.stringContaining('<Code>InvalidAccessKeyId</Code>') });
  });
});
