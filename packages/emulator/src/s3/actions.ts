import { deleteBucketPolicy, deletePublicAccessBlock, getBucketPolicy, getBucketPolicyStatus, getPublicAccessBlock, putBucketPolicy, putPublicAccessBlock } from './bucket-policy-operations.ts';
import { deleteBucketEncryption, getBucketEncryption, getBucketVersioning, putBucketAcl, putBucketEncryption, putBucketVersioning } from './bucket-settings-operations.ts';
import { deleteBucketLifecycle, getBucketLifecycleConfiguration, putBucketLifecycleConfiguration } from './lifecycle-operations.ts';
import { listObjectsV2, listObjectVersions } from './list-operations.ts';
import { createBucket, deleteBucket, getBucketLocation, headBucket, listBuckets, putObject } from './operations.ts';
import { deleteObjectOrVersion, getObjectOrVersion, headObjectOrVersion } from './version-operations.ts';

/** The only place where S3 API operation names meet their functions (the wire layer dispatches through it). */
export const s3Actions = {
  ListBuckets: listBuckets,
  CreateBucket: createBucket,
  HeadBucket: headBucket,
  GetBucketLocation: getBucketLocation,
  DeleteBucket: deleteBucket,
  PutObject: putObject,
  GetObject: getObjectOrVersion,
  HeadObject: headObjectOrVersion,
  DeleteObject: deleteObjectOrVersion,
  ListObjectsV2: listObjectsV2,
  ListObjectVersions: listObjectVersions,
  PutBucketPolicy: putBucketPolicy,
  GetBucketPolicy: getBucketPolicy,
  DeleteBucketPolicy: deleteBucketPolicy,
  GetBucketPolicyStatus: getBucketPolicyStatus,
  PutPublicAccessBlock: putPublicAccessBlock,
  GetPublicAccessBlock: getPublicAccessBlock,
  DeletePublicAccessBlock: deletePublicAccessBlock,
  PutBucketEncryption: putBucketEncryption,
  GetBucketEncryption: getBucketEncryption,
  DeleteBucketEncryption: deleteBucketEncryption,
  PutBucketVersioning: putBucketVersioning,
  GetBucketVersioning: getBucketVersioning,
  PutBucketAcl: putBucketAcl,
  PutBucketLifecycleConfiguration: putBucketLifecycleConfiguration,
  GetBucketLifecycleConfiguration: getBucketLifecycleConfiguration,
  DeleteBucketLifecycle: deleteBucketLifecycle,
} as const;

/** An S3 operation the emulator implements. */
export type S3ActionName = keyof typeof s3Actions;
