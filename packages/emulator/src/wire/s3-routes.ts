import type { RestRoute } from './protocols/rest-xml-protocol.ts';

// Where every operation of the S3 API sits on HTTP, from the API reference's request syntax
// (https://docs.aws.amazon.com/AmazonS3/latest/API/API_Operations_Amazon_Simple_Storage_Service.html, as
// of November 2026): the method, whether the path names the service, a bucket or an object, and the
// subresource query parameters (and CopyObject's header) that pick the operation. Operations the emulator
// does not model are routed too, so they answer `NotImplemented` rather than a wrong operation.

type Method = RestRoute['method'];
const on =
  (target: RestRoute['target']) =>
  (method: Method, ...query: string[]): RestRoute =>
    query.length > 0 ? { method, target, query } : { method, target };
const bucket = on('bucket');
const object = on('object');

/** Every S3 operation served on a bucket or object path, by name. */
export const S3_ROUTES: Record<string, RestRoute> = {
  ListBuckets: { method: 'GET', target: 'service' },

  CreateBucket: bucket('PUT'),
  HeadBucket: bucket('HEAD'),
  DeleteBucket: bucket('DELETE'),
  ListObjects: bucket('GET'),
  ListObjectsV2: bucket('GET', 'list-type'),
  ListObjectVersions: bucket('GET', 'versions'),
  ListMultipartUploads: bucket('GET', 'uploads'),
  DeleteObjects: bucket('POST', 'delete'),
  GetBucketLocation: bucket('GET', 'location'),
  GetBucketPolicyStatus: bucket('GET', 'policyStatus'),
  ...subresource('acl', { put: 'PutBucketAcl', get: 'GetBucketAcl' }),
  ...subresource('policy', { put: 'PutBucketPolicy', get: 'GetBucketPolicy', delete: 'DeleteBucketPolicy' }),
  ...subresource('publicAccessBlock', { put: 'PutPublicAccessBlock', get: 'GetPublicAccessBlock', delete: 'DeletePublicAccessBlock' }),
  ...subresource('encryption', { put: 'PutBucketEncryption', get: 'GetBucketEncryption', delete: 'DeleteBucketEncryption' }),
  ...subresource('versioning', { put: 'PutBucketVersioning', get: 'GetBucketVersioning' }),
  ...subresource('lifecycle', { put: 'PutBucketLifecycleConfiguration', get: 'GetBucketLifecycleConfiguration', delete: 'DeleteBucketLifecycle' }),
  ...subresource('accelerate', { put: 'PutBucketAccelerateConfiguration', get: 'GetBucketAccelerateConfiguration' }),
  ...subresource('cors', { put: 'PutBucketCors', get: 'GetBucketCors', delete: 'DeleteBucketCors' }),
  ...subresource('logging', { put: 'PutBucketLogging', get: 'GetBucketLogging' }),
  ...subresource('notification', { put: 'PutBucketNotificationConfiguration', get: 'GetBucketNotificationConfiguration' }),
  ...subresource('ownershipControls', { put: 'PutBucketOwnershipControls', get: 'GetBucketOwnershipControls', delete: 'DeleteBucketOwnershipControls' }),
  ...subresource('replication', { put: 'PutBucketReplication', get: 'GetBucketReplication', delete: 'DeleteBucketReplication' }),
  ...subresource('requestPayment', { put: 'PutBucketRequestPayment', get: 'GetBucketRequestPayment' }),
  ...subresource('tagging', { put: 'PutBucketTagging', get: 'GetBucketTagging', delete: 'DeleteBucketTagging' }),
  ...subresource('website', { put: 'PutBucketWebsite', get: 'GetBucketWebsite', delete: 'DeleteBucketWebsite' }),
  ...subresource('object-lock', { put: 'PutObjectLockConfiguration', get: 'GetObjectLockConfiguration' }),
  ...subresource('metadataTable', { post: 'CreateBucketMetadataTableConfiguration', get: 'GetBucketMetadataTableConfiguration', delete: 'DeleteBucketMetadataTableConfiguration' }),
  // Configurations kept by id: with `id` one of them, without it the list.
  ...configurationsById('Analytics', 'analytics'),
  ...configurationsById('IntelligentTiering', 'intelligent-tiering'),
  ...configurationsById('Inventory', 'inventory'),
  ...configurationsById('Metrics', 'metrics'),

  PutObject: object('PUT'),
  CopyObject: { method: 'PUT', target: 'object', header: 'x-amz-copy-source' },
  GetObject: object('GET'),
  HeadObject: object('HEAD'),
  DeleteObject: object('DELETE'),
  GetObjectAttributes: object('GET', 'attributes'),
  GetObjectTorrent: object('GET', 'torrent'),
  RestoreObject: object('POST', 'restore'),
  SelectObjectContent: object('POST', 'select', 'select-type'),
  CreateMultipartUpload: object('POST', 'uploads'),
  UploadPart: object('PUT', 'partNumber', 'uploadId'),
  UploadPartCopy: { method: 'PUT', target: 'object', query: ['partNumber', 'uploadId'], header: 'x-amz-copy-source' },
  CompleteMultipartUpload: object('POST', 'uploadId'),
  AbortMultipartUpload: object('DELETE', 'uploadId'),
  ListParts: object('GET', 'uploadId'),
  ...subresource('acl', { put: 'PutObjectAcl', get: 'GetObjectAcl' }, object),
  ...subresource('tagging', { put: 'PutObjectTagging', get: 'GetObjectTagging', delete: 'DeleteObjectTagging' }, object),
  ...subresource('legal-hold', { put: 'PutObjectLegalHold', get: 'GetObjectLegalHold' }, object),
  ...subresource('retention', { put: 'PutObjectRetention', get: 'GetObjectRetention' }, object),
};

/** The operations of one subresource by method (names given in full: S3's are not regular). */
function subresource(name: string, names: Partial<Record<'put' | 'get' | 'delete' | 'post', string>>, at = bucket): Record<string, RestRoute> {
  return Object.fromEntries(Object.entries(names).map(([method, action]) => [action, at(method.toUpperCase() as Method, name)]));
}

function configurationsById(kind: string, name: string): Record<string, RestRoute> {
  return {
    [`PutBucket${kind}Configuration`]: bucket('PUT', name, 'id'),
    [`GetBucket${kind}Configuration`]: bucket('GET', name, 'id'),
    [`DeleteBucket${kind}Configuration`]: bucket('DELETE', name, 'id'),
    [`ListBucket${kind}Configurations`]: bucket('GET', name),
  };
}

/** Every operation of the S3 API the wire routes. */
export const S3_API_OPERATIONS: readonly string[] = Object.keys(S3_ROUTES);
