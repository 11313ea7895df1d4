import { records } from '../records.ts';

/** An S3 object as the emulator stores it: the metadata, and the body when it is text. */
export interface S3Object {
  Key: string;
  Size: number;
  ETag: string;
  LastModified: string;
  ContentType?: string;
  Metadata?: Record<string, string>;
  Body?: string;
}

/** An S3 bucket and its objects by key. */
export interface S3Bucket {
  Name: string;
  CreationDate: string;
  BucketRegion: string;
  Objects: Record<string, S3Object>;
}

/** The S3 part of an account. */
export interface S3State {
  buckets: Record<string, S3Bucket>;
  /**
   * Bucket names other accounts own. Bucket names are global across all accounts, so a lab can make a
   * learner meet `BucketAlreadyExists` by listing a name here.
   */
  takenBucketNames: string[];
}

/** S3 with no buckets. */
export function emptyS3State(): S3State {
  return { buckets: records(), takenBucketNames: [] };
}
