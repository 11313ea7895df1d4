import { authorize, type AuthorizeOptions } from '../iam/authorize/authorize.ts';
import type { AuthorizationRequest, AuthorizationResult } from '../iam/authorize/types.ts';
import { authorizeBucketAccess, bucketPolicyFor } from '../s3/bucket-access.ts';
import { evaluatePolicies } from '../iam/authorize/evaluate.ts';
import { s3Actions, type S3ActionName } from '../s3/actions.ts';
import { IllegalLocationConstraintException, InvalidArgument, InvalidTag } from '../s3/errors.ts';
import type { S3Tag } from '../s3/state.ts';
import { formPairs } from './query.ts';
import { listObjectsV2, listObjectVersions } from '../s3/list-operations.ts';
import type { AccountState } from '../state.ts';
import { getRecord } from '../records.ts';
import { NotImplemented } from './errors.ts';
import type { FieldSpec, InputSpec } from './input.ts';
import { restXmlProtocol, type RestBinding, type RestXmlApi } from './protocols/rest-xml-protocol.ts';
import { S3_API_OPERATIONS, S3_ROUTES } from './s3-routes.ts';
import { CREATE_BUCKET, ENCRYPTION, LIFECYCLE, LIST_BUCKETS, LIST_OBJECT_VERSIONS, LIST_OBJECTS_V2, POLICY_STATUS, PUBLIC_ACCESS_BLOCK, VERSIONING } from './s3-shapes.ts';
import type { ActionBinding, WireCtx, WireOperation, WireService } from './types.ts';

// How each S3 operation the engine models meets the wire: where its input sits in the request and its
// output in the response (the API reference's request and response syntax), and the IAM action and
// resource it is authorized as (https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazons3.html:
// ListObjectsV2 is `s3:ListBucket`, the encryption operations `s3:PutEncryptionConfiguration` …).

type Input = Record<string, unknown>;
const S: FieldSpec = 'string';
const BUCKET: InputSpec = { Bucket: 'string!' };
const DOCUMENT: FieldSpec = { struct: {}, required: true };
const NO_CONTENT = { status: 204 };

const bucketArn = (input: Input) => `arn:aws:s3:::${String(input.Bucket)}`;
const objectArn = (input: Input) => `arn:aws:s3:::${String(input.Bucket)}/${String(input.Key)}`;

// S3 writes dates in headers as HTTP dates (RFC 7231), in XML as ISO 8601.
const httpDate = (iso: unknown) => new Date(String(iso)).toUTCString();

/** GetObject's and HeadObject's headers: the object's metadata as S3 sends it. */
function objectHeaders(result: Input): Input {
  return {
    ...result,
    LastModified: httpDate(result.LastModified),
    ContentLength: result.Size,
    ContentType: result.ContentType ?? 'binary/octet-stream',
    ServerSideEncryption: 'AES256',
    TagCount: Array.isArray(result.TagSet) && result.TagSet.length > 0 ? result.TagSet.length : undefined,
  };
}

const OBJECT_HEADERS = {
  ETag: 'etag',
  LastModified: 'last-modified',
  ContentLength: 'content-length',
  ContentType: 'content-type',
  VersionId: 'x-amz-version-id',
  ServerSideEncryption: 'x-amz-server-side-encryption',
  TagCount: 'x-amz-tagging-count',
};

// S3 keeps a list's keys as sent unless `encoding-type=url` asks for them URL-encoded (the AWS CLI asks).
const LIST_QUERY = { Prefix: 'prefix', Delimiter: 'delimiter', MaxKeys: 'max-keys', EncodingType: 'encoding-type' };
const LIST_INPUT: InputSpec = { ...BUCKET, Prefix: S, Delimiter: S, MaxKeys: 'integer', EncodingType: S };
const LIST_KEYS = { 's3:prefix': 'Prefix', 's3:delimiter': 'Delimiter', 's3:max-keys': 'MaxKeys' };
const listContext = (input: Input): Record<string, string> =>
  Object.fromEntries(Object.entries(LIST_KEYS).flatMap(([key, member]) => (input[member] === undefined ? [] : [[key, String(input[member])]])));

/** A list result with its keys URL-encoded when the request asked, as S3 encodes them. */
function encodedList<T extends Input>(result: T, encodingType: unknown): T {
  if (encodingType === undefined) return result;
  if (encodingType !== 'url') throw new InvalidArgument(`\`encoding-type\` may only be \`url\`, not \`${String(encodingType)}\``);
  const encode = (value: unknown): unknown => {
    if (Array.isArray(value)) return value.map(encode);
    if (typeof value !== 'object' || value === null) return value;
    return Object.fromEntries(Object.entries(value).map(([name, field]) => [name, ['Key', 'Prefix', 'Delimiter', 'StartAfter', 'KeyMarker', 'NextKeyMarker'].includes(name) && typeof field === 'string' ? encodeURIComponent(field) : encode(field)]));
  };
  return { ...(encode(result) as T), EncodingType: 'url' };
}

/** The engine's operations as the wire calls them: the list operations answer `encoding-type` too. */
const wireActions: Record<S3ActionName, WireOperation> = {
  ...s3Actions,
  ListObjectsV2: (state, input: Parameters<typeof listObjectsV2>[1] & { EncodingType?: string }, ctx) => encodedList(listObjectsV2(state, input, ctx), input.EncodingType),
  ListObjectVersions: (state, input: Parameters<typeof listObjectVersions>[1] & { EncodingType?: string }, ctx) => encodedList(listObjectVersions(state, input, ctx), input.EncodingType),
};

/** A bucket created outside the region signed for is refused as S3 refuses it (API_CreateBucket.html). */
function inSigningRegion(input: Input, ctx: WireCtx): Input {
  const constraint = (input.CreateBucketConfiguration as { LocationConstraint?: string } | undefined)?.LocationConstraint;
  if (constraint !== undefined && constraint !== ctx.region) {
    throw new IllegalLocationConstraintException(`The \`${constraint}\` location constraint is incompatible for the region specific endpoint this request was sent to (\`${ctx.region}\`).`);
  }
  return input;
}

/** The `x-amz-tagging` header (`k1=v1&k2=v2`, URL-encoded) as a tag set, under S3's tag rules (tagging-managing.html). */
function tagSet(header: string): S3Tag[] {
  const tags = formPairs(header).map(([Key, Value]) => ({ Key, Value }));
  if (tags.length > 10) throw new InvalidTag(`an object takes at most 10 tags, not ${tags.length}`);
  const bad = tags.find((t) => t.Key.length < 1 || t.Key.length > 128 || t.Value.length > 256);
  if (bad) throw new InvalidTag(`the tag \`${bad.Key.slice(0, 128)}\` breaks the limits: keys of 1 to 128 characters, values up to 256`);
  if (new Set(tags.map((t) => t.Key)).size < tags.length) throw new InvalidTag('tag keys must be unique');
  return tags;
}

/**
 * PutObject's headers as the engine takes them: per-object encryption other than the bucket's SSE-S3
 * default and storage classes other than STANDARD are not modelled; tags come from `x-amz-tagging`.
 */
function putObjectInput(input: Input): Input {
  const { ServerSideEncryption, StorageClass, Tagging, ...rest } = input;
  if (ServerSideEncryption !== undefined && ServerSideEncryption !== 'AES256') throw new NotImplemented(`the emulated S3 models only SSE-S3 (\`AES256\`) objects, not \`${String(ServerSideEncryption)}\``);
  if (StorageClass !== undefined && StorageClass !== 'STANDARD') throw new NotImplemented(`the emulated S3 stores objects in STANDARD only, not \`${String(StorageClass)}\`: lifecycle rules move them`);
  return typeof Tagging === 'string' ? { ...rest, Tagging: tagSet(Tagging) } : rest;
}

// A request naming a version is authorized as the `…Version` action, with the `s3:versionid` condition key.
const VERSION_QUERY = { VersionId: 'versionId' };
const OBJECT_VERSION: InputSpec = { ...BUCKET, Key: 'string!', VersionId: S };
const byVersion = (action: string) => (input: Input) => (input.VersionId === undefined ? action : `${action}Version`);
const versionContext = (input: Input): Record<string, string> => (input.VersionId === undefined ? {} : { 's3:versionid': String(input.VersionId) });

interface S3Operation {
  http: RestBinding;
  wire: ActionBinding;
}

const onBucket = (iamAction: string, http: RestBinding = {}, input: InputSpec = BUCKET): S3Operation => ({ http, wire: { input, iamAction, resource: bucketArn } });

const OPERATIONS: Record<S3ActionName, S3Operation> = {
  ListBuckets: { http: { output: { payload: { root: 'ListAllMyBucketsResult', shape: LIST_BUCKETS } } }, wire: { input: {}, iamAction: 's3:ListAllMyBuckets', resource: () => '*' } },
  CreateBucket: {
    http: { payload: { member: 'CreateBucketConfiguration', root: 'CreateBucketConfiguration', shape: CREATE_BUCKET, optional: true }, output: { headers: { Location: 'location' } } },
    wire: { input: { ...BUCKET, CreateBucketConfiguration: { struct: {} } }, iamAction: 's3:CreateBucket', resource: bucketArn, prepare: inSigningRegion },
  },
  HeadBucket: onBucket('s3:ListBucket', { output: { headers: { BucketRegion: 'x-amz-bucket-region' } } }),
  GetBucketLocation: onBucket('s3:GetBucketLocation', { output: { payload: { member: 'LocationConstraint', root: 'LocationConstraint', shape: 'string' } } }),
  DeleteBucket: onBucket('s3:DeleteBucket', { output: NO_CONTENT }),
  PutObject: {
    http: {
      headers: { ContentType: 'content-type', ServerSideEncryption: 'x-amz-server-side-encryption', StorageClass: 'x-amz-storage-class', Tagging: 'x-amz-tagging' },
      metadata: 'Metadata',
      payload: { member: 'Body', text: true },
      output: { headers: { ETag: 'etag', VersionId: 'x-amz-version-id', ServerSideEncryption: 'x-amz-server-side-encryption' } },
    },
    wire: {
      input: { ...BUCKET, Key: 'string!', Body: S, ContentType: S, ServerSideEncryption: S, StorageClass: S, Tagging: S, Metadata: { struct: {} } },
      iamAction: 's3:PutObject',
      resource: objectArn,
      prepare: putObjectInput,
      output: (result) => ({ ...result, ServerSideEncryption: 'AES256' }),
    },
  },
  GetObject: {
    http: { query: VERSION_QUERY, output: { headers: OBJECT_HEADERS, metadata: 'Metadata', payload: { member: 'Body', text: true } } },
    wire: { input: OBJECT_VERSION, iamAction: byVersion('s3:GetObject'), resource: objectArn, context: versionContext, output: objectHeaders },
  },
  HeadObject: {
    http: { query: VERSION_QUERY, output: { headers: OBJECT_HEADERS, metadata: 'Metadata' } },
    wire: { input: OBJECT_VERSION, iamAction: byVersion('s3:GetObject'), resource: objectArn, context: versionContext, output: objectHeaders },
  },
  DeleteObject: {
    http: { query: VERSION_QUERY, output: { ...NO_CONTENT, headers: { DeleteMarker: 'x-amz-delete-marker', VersionId: 'x-amz-version-id' } } },
    wire: { input: OBJECT_VERSION, iamAction: byVersion('s3:DeleteObject'), resource: objectArn, context: versionContext },
  },
  ListObjectsV2: {
    http: { query: { ...LIST_QUERY, ContinuationToken: 'continuation-token', StartAfter: 'start-after' }, output: { payload: { root: 'ListBucketResult', shape: LIST_OBJECTS_V2 } } },
    wire: { input: { ...LIST_INPUT, ContinuationToken: S, StartAfter: S }, iamAction: 's3:ListBucket', resource: bucketArn, context: listContext },
  },
  ListObjectVersions: {
    http: { query: { ...LIST_QUERY, KeyMarker: 'key-marker', VersionIdMarker: 'version-id-marker' }, output: { payload: { root: 'ListVersionsResult', shape: LIST_OBJECT_VERSIONS } } },
    wire: { input: { ...LIST_INPUT, KeyMarker: S, VersionIdMarker: S }, iamAction: 's3:ListBucketVersions', resource: bucketArn, context: listContext },
  },
  PutBucketPolicy: onBucket('s3:PutBucketPolicy', { payload: { member: 'Policy', text: true } }, { ...BUCKET, Policy: 'string!' }),
  GetBucketPolicy: onBucket('s3:GetBucketPolicy', { output: { payload: { member: 'Policy', text: true } } }),
  DeleteBucketPolicy: onBucket('s3:DeleteBucketPolicy', { output: NO_CONTENT }),
  GetBucketPolicyStatus: onBucket('s3:GetBucketPolicyStatus', { output: { payload: { member: 'PolicyStatus', root: 'PolicyStatus', shape: POLICY_STATUS } } }),
  PutPublicAccessBlock: onBucket('s3:PutBucketPublicAccessBlock', { payload: { member: 'PublicAccessBlockConfiguration', root: 'PublicAccessBlockConfiguration', shape: PUBLIC_ACCESS_BLOCK } }, { ...BUCKET, PublicAccessBlockConfiguration: DOCUMENT }),
  GetPublicAccessBlock: onBucket('s3:GetBucketPublicAccessBlock', { output: { payload: { member: 'PublicAccessBlockConfiguration', root: 'PublicAccessBlockConfiguration', shape: PUBLIC_ACCESS_BLOCK } } }),
  DeletePublicAccessBlock: onBucket('s3:PutBucketPublicAccessBlock', { output: NO_CONTENT }),
  PutBucketEncryption: onBucket('s3:PutEncryptionConfiguration', { payload: { member: 'ServerSideEncryptionConfiguration', root: 'ServerSideEncryptionConfiguration', shape: ENCRYPTION } }, { ...BUCKET, ServerSideEncryptionConfiguration: DOCUMENT }),
  GetBucketEncryption: onBucket('s3:GetEncryptionConfiguration', { output: { payload: { member: 'ServerSideEncryptionConfiguration', root: 'ServerSideEncryptionConfiguration', shape: ENCRYPTION } } }),
  DeleteBucketEncryption: onBucket('s3:PutEncryptionConfiguration', { output: NO_CONTENT }),
  PutBucketVersioning: onBucket('s3:PutBucketVersioning', { payload: { member: 'VersioningConfiguration', root: 'VersioningConfiguration', shape: VERSIONING } }, { ...BUCKET, VersioningConfiguration: DOCUMENT }),
  GetBucketVersioning: onBucket('s3:GetBucketVersioning', { output: { payload: { root: 'VersioningConfiguration', shape: VERSIONING } } }),
  PutBucketAcl: onBucket('s3:PutBucketAcl', { headers: { ACL: 'x-amz-acl' } }, { ...BUCKET, ACL: S }),
  PutBucketLifecycleConfiguration: onBucket('s3:PutLifecycleConfiguration', { payload: { member: 'LifecycleConfiguration', root: 'LifecycleConfiguration', shape: LIFECYCLE } }, { ...BUCKET, LifecycleConfiguration: DOCUMENT }),
  GetBucketLifecycleConfiguration: onBucket('s3:GetLifecycleConfiguration', { output: { payload: { root: 'LifecycleConfiguration', shape: LIFECYCLE } } }),
  DeleteBucketLifecycle: onBucket('s3:PutLifecycleConfiguration', { output: NO_CONTENT }),
};

const entries = Object.entries(OPERATIONS) as [S3ActionName, S3Operation][];

/** S3's REST-XML API: routes, bindings and its words for the errors every service shares (ErrorResponses.html). */
export const S3_REST_API: RestXmlApi = {
  xmlns: 'http://s3.amazonaws.com/doc/2006-03-01/',
  routes: S3_ROUTES,
  bindings: Object.fromEntries(entries.map(([name, op]) => [name, op.http])),
  errors: {
    InvalidClientTokenId: { code: 'InvalidAccessKeyId', message: 'The AWS Access Key Id you provided does not exist in our records.' },
    RequestExpired: { code: 'RequestTimeTooSkewed', status: 403, message: 'The difference between the request time and the current time is too large.' },
    MissingAuthenticationToken: { code: 'AccessDenied', message: 'Access Denied' },
    IncompleteSignature: { code: 'AuthorizationHeaderMalformed' },
    ValidationError: { code: 'InvalidArgument' },
    MalformedQueryString: { code: 'InvalidArgument' },
    RequestEntityTooLarge: { code: 'EntityTooLarge', status: 400 },
    InternalFailure: { code: 'InternalError', message: 'We encountered an internal error. Please try again.' },
    ConcurrentModification: { code: 'OperationAborted', message: 'A conflicting conditional operation is currently in progress against this resource. Please try again.' },
  },
};

/**
 * An S3 request decided as S3 decides it for a caller of the bucket owner's account: the caller's identity
 * policies or the bucket policy may allow (how-s3-evaluates-access-control.html), and Block Public
 * Access's `RestrictPublicBuckets` may set a public bucket policy aside (see `bucketPolicyFor`). A bucket
 * that does not exist has no policy: the identity policies alone decide, so an unauthorized caller learns
 * nothing about which buckets exist. An anonymous caller (an unsigned request) is allowed by the bucket policy alone.
 */
export function authorizeS3(state: AccountState, request: AuthorizationRequest, input: Record<string, unknown>, ctx: WireCtx, options: AuthorizeOptions): AuthorizationResult {
  const bucket = typeof input.Bucket === 'string' ? input.Bucket : undefined;
  const ownerAccount = ctx.accountId;
  const exists = bucket !== undefined && getRecord(state.s3.buckets, bucket) !== undefined;
  // An anonymous caller has no identity policies: only the bucket policy can allow it.
  if (ctx.caller.type === 'Anonymous') return exists ? authorizeBucketAccess(state, bucket, ownerAccount, request) : evaluatePolicies([], request);
  const req = { ...request, resourceAccount: ownerAccount };
  const policy = exists ? bucketPolicyFor(state, bucket, ownerAccount, req).policy : undefined;
  const decide = (action: string) => authorize(state, { ...req, action }, { ...options, ...(policy ? { resourcePolicy: policy.document } : {}) });
  const result = decide(request.action);
  // Tags on upload need `s3:PutObjectTagging` as well (API_PutObject.html, x-amz-tagging).
  const tagged = request.action === 's3:PutObject' && Array.isArray(input.Tagging) && input.Tagging.length > 0;
  return tagged && result.decision === 'Allowed' ? decide('s3:PutObjectTagging') : result;
}

/** S3 over REST-XML (https://docs.aws.amazon.com/AmazonS3/latest/API/), path-style and virtual-hosted. */
export const s3Service: WireService = {
  signingName: 's3',
  actionPrefix: 's3',
  protocols: [restXmlProtocol(S3_REST_API)],
  version: '2006-03-01',
  xmlns: S3_REST_API.xmlns,
  actions: wireActions,
  bindings: Object.fromEntries(entries.map(([name, op]) => [name, op.wire])),
  apiOperations: S3_API_OPERATIONS,
  authorize: authorizeS3,
};
