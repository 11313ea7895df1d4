import type { S3LifecycleRule } from '@skylab/validation';
import { records } from '../records.ts';

/** An object tag. */
export interface S3Tag {
  Key: string;
  Value: string;
}

/** An S3 object as the emulator stores it: the metadata, and the body when it is text. */
export interface S3Object {
  Key: string;
  Size: number;
  ETag: string;
  LastModified: string;
  ContentType?: string;
  Metadata?: Record<string, string>;
  Body?: string;
  /** `null` for an object stored while the bucket was unversioned or versioning was suspended. */
  VersionId?: string;
  TagSet?: S3Tag[];
}

/** A version that is no longer current: overwritten or deleted in a versioned bucket, or a delete marker. */
export interface S3ObjectVersion {
  Key: string;
  VersionId: string;
  Size: number;
  LastModified: string;
  /** When a newer version (or a delete marker) took its place: the start of its noncurrent days. */
  NoncurrentSince: string;
  TagSet?: S3Tag[];
  /** A delete marker that a newer version replaced. */
  IsDeleteMarker?: boolean;
  /** What the object held, so the version can be read and become current again (absent in accounts stored before). */
  ETag?: string;
  Body?: string;
  ContentType?: string;
  Metadata?: Record<string, string>;
}

/** A delete marker that is the current version of a key in a versioned bucket. */
export interface S3DeleteMarker {
  Key: string;
  VersionId: string;
  LastModified: string;
}

/** The four Block Public Access settings (https://docs.aws.amazon.com/AmazonS3/latest/API/API_PublicAccessBlockConfiguration.html). */
export interface PublicAccessBlockConfiguration {
  BlockPublicAcls: boolean;
  IgnorePublicAcls: boolean;
  BlockPublicPolicy: boolean;
  RestrictPublicBuckets: boolean;
}

/** One default encryption rule (https://docs.aws.amazon.com/AmazonS3/latest/API/API_ServerSideEncryptionRule.html). */
export interface ServerSideEncryptionRule {
  ApplyServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' | 'aws:kms' | 'aws:kms:dsse'; KMSMasterKeyID?: string };
  BucketKeyEnabled?: boolean;
}

/** A bucket's lifecycle configuration. */
export interface BucketLifecycleConfiguration {
  Rules: S3LifecycleRule[];
}

/** An S3 bucket, its objects by key, and its configuration. */
export interface S3Bucket {
  Name: string;
  CreationDate: string;
  BucketRegion: string;
  Objects: Record<string, S3Object>;
  /** The bucket policy as its JSON text. */
  Policy?: string;
  PublicAccessBlockConfiguration?: PublicAccessBlockConfiguration;
  ServerSideEncryptionConfiguration?: { Rules: ServerSideEncryptionRule[] };
  /** Absent while the bucket was never versioned: it can be suspended, never made unversioned again. */
  Versioning?: 'Enabled' | 'Suspended';
  LifecycleConfiguration?: BucketLifecycleConfiguration;
  NoncurrentVersions?: S3ObjectVersion[];
  DeleteMarkers?: S3DeleteMarker[];
}

/** The S3 part of an account. */
export interface S3State {
  buckets: Record<string, S3Bucket>;
  /**
   * Bucket names other accounts own. Bucket names are global across all accounts, so a lab can make a
   * learner meet `BucketAlreadyExists` by listing a name here.
   */
  takenBucketNames: string[];
  /** The account-level Block Public Access settings (S3 Control's PutPublicAccessBlock). */
  accountPublicAccessBlock?: PublicAccessBlockConfiguration;
}

/** S3 with no buckets. */
export function emptyS3State(): S3State {
  return { buckets: records(), takenBucketNames: [] };
}
