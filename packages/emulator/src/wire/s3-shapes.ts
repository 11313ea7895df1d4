import type { XmlShape } from './xml-shapes.ts';

// The XML documents of the S3 operations the emulator models, as the API reference writes them
// (https://docs.aws.amazon.com/AmazonS3/latest/API/): configuration documents in and out, list results out.

const S: XmlShape = 'string';
const INT: XmlShape = 'integer';
const BOOL: XmlShape = 'boolean';
const TAG: XmlShape = { struct: { Key: S, Value: S } };

/** API_PublicAccessBlockConfiguration.html */
export const PUBLIC_ACCESS_BLOCK: XmlShape = { struct: { BlockPublicAcls: BOOL, IgnorePublicAcls: BOOL, BlockPublicPolicy: BOOL, RestrictPublicBuckets: BOOL } };

/** API_ServerSideEncryptionConfiguration.html: rules are flattened `<Rule>`s. */
export const ENCRYPTION: XmlShape = {
  struct: {
    Rules: { list: { struct: { ApplyServerSideEncryptionByDefault: { struct: { SSEAlgorithm: S, KMSMasterKeyID: S } }, BucketKeyEnabled: BOOL } }, flat: 'Rule' },
  },
};

/** API_VersioningConfiguration.html */
export const VERSIONING: XmlShape = { struct: { Status: S, MFADelete: S } };

const SIZES = { ObjectSizeGreaterThan: INT, ObjectSizeLessThan: INT };

/** API_BucketLifecycleConfiguration.html and API_LifecycleRule.html: rules, transitions and `And` tags are flattened. */
export const LIFECYCLE: XmlShape = {
  struct: {
    Rules: {
      flat: 'Rule',
      list: {
        struct: {
          ID: S,
          Status: S,
          Prefix: S,
          Filter: { struct: { Prefix: S, Tag: TAG, ...SIZES, And: { struct: { Prefix: S, Tags: { list: TAG, flat: 'Tag' }, ...SIZES } } } },
          Expiration: { struct: { Date: S, Days: INT, ExpiredObjectDeleteMarker: BOOL } },
          Transitions: { list: { struct: { Date: S, Days: INT, StorageClass: S } }, flat: 'Transition' },
          NoncurrentVersionTransitions: { list: { struct: { NoncurrentDays: INT, StorageClass: S, NewerNoncurrentVersions: INT } }, flat: 'NoncurrentVersionTransition' },
          NoncurrentVersionExpiration: { struct: { NoncurrentDays: INT, NewerNoncurrentVersions: INT } },
          AbortIncompleteMultipartUpload: { struct: { DaysAfterInitiation: INT } },
        },
      },
    },
  },
};

/** API_CreateBucketConfiguration.html, for general purpose buckets. */
export const CREATE_BUCKET: XmlShape = { struct: { LocationConstraint: S } };

/** API_PolicyStatus.html */
export const POLICY_STATUS: XmlShape = { struct: { IsPublic: BOOL } };

/** API_ListBuckets.html's `ListAllMyBucketsResult`. */
export const LIST_BUCKETS: XmlShape = { struct: { Buckets: { list: { struct: { Name: S, CreationDate: S, BucketRegion: S } }, item: 'Bucket' } } };

const COMMON_PREFIXES: XmlShape = { list: { struct: { Prefix: S } }, flat: 'CommonPrefixes' };
const PAGE = { Name: S, Prefix: S, Delimiter: S, MaxKeys: INT, EncodingType: S, IsTruncated: BOOL };

/** API_ListObjectsV2.html's `ListBucketResult`. */
export const LIST_OBJECTS_V2: XmlShape = {
  struct: {
    ...PAGE,
    KeyCount: INT,
    ContinuationToken: S,
    NextContinuationToken: S,
    StartAfter: S,
    Contents: { list: { struct: { Key: S, LastModified: S, ETag: S, Size: INT, StorageClass: S } }, flat: 'Contents' },
    CommonPrefixes: COMMON_PREFIXES,
  },
};

/** API_ListObjectVersions.html's `ListVersionsResult`. */
export const LIST_OBJECT_VERSIONS: XmlShape = {
  struct: {
    ...PAGE,
    KeyMarker: S,
    VersionIdMarker: S,
    NextKeyMarker: S,
    NextVersionIdMarker: S,
    Versions: { list: { struct: { Key: S, VersionId: S, IsLatest: BOOL, LastModified: S, ETag: S, Size: INT, StorageClass: S } }, flat: 'Version' },
    DeleteMarkers: { list: { struct: { Key: S, VersionId: S, IsLatest: BOOL, LastModified: S } }, flat: 'DeleteMarker' },
    CommonPrefixes: COMMON_PREFIXES,
  },
};
