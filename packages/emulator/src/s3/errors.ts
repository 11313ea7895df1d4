import { AwsError } from '../errors.ts';
import type { Finding } from '@skylab/validation';

// Codes and statuses from https://docs.aws.amazon.com/AmazonS3/latest/API/ErrorResponses.html#ErrorCodeList

/** Another account owns a bucket with this name (bucket names are global). */
export class BucketAlreadyExists extends AwsError {
  constructor(message: string) {
    super('BucketAlreadyExists', message, 409);
  }
}

/** This account already owns a bucket with this name. */
export class BucketAlreadyOwnedByYou extends AwsError {
  constructor(message: string) {
    super('BucketAlreadyOwnedByYou', message, 409);
  }
}

/** The name breaks the bucket naming rules. */
export class InvalidBucketName extends AwsError {
  constructor(message: string) {
    super('InvalidBucketName', message, 400);
  }
}

/** The bucket does not exist; S3's error document names it in `<BucketName>`. */
export class NoSuchBucket extends AwsError {
  readonly bucketName: string | undefined;
  constructor(message: string, bucketName?: string) {
    super('NoSuchBucket', message, 404);
    this.bucketName = bucketName;
  }
}

/** The object does not exist; S3's error document names it in `<Key>`. */
export class NoSuchKey extends AwsError {
  readonly key: string | undefined;
  constructor(message: string, key?: string) {
    super('NoSuchKey', message, 404);
    this.key = key;
  }
}

/** DeleteBucket on a bucket that still holds objects or object versions. */
export class BucketNotEmpty extends AwsError {
  readonly bucketName: string;
  constructor(message: string, bucketName: string) {
    super('BucketNotEmpty', message, 409);
    this.bucketName = bucketName;
  }
}

/** The request is refused: Block Public Access forbids it, or the caller lacks permission. */
export class AccessDenied extends AwsError {
  constructor(message: string) {
    super('AccessDenied', message, 403);
  }
}

/** A parameter value is not valid (a lifecycle rule's days, a KMS key with SSE-S3 …). */
export class InvalidArgument extends AwsError {
  constructor(message: string, findings: Finding[] = []) {
    super('InvalidArgument', message, 400, findings);
  }
}

/** The request combines settings S3 does not accept together. */
export class InvalidRequest extends AwsError {
  constructor(message: string, findings: Finding[] = []) {
    super('InvalidRequest', message, 400, findings);
  }
}

/** The configuration document does not follow the schema (a filter with two predicates …). */
export class MalformedXML extends AwsError {
  constructor(message: string, findings: Finding[] = []) {
    super('MalformedXML', message, 400, findings);
  }
}

/** The bucket policy is not valid JSON, breaks the policy grammar, or names an action or resource S3 rejects. */
export class MalformedPolicy extends AwsError {
  constructor(message: string, findings: Finding[] = []) {
    super('MalformedPolicy', message, 400, findings);
  }
}

/** A versioning configuration S3 does not accept, such as going back to unversioned. */
export class IllegalVersioningConfigurationException extends AwsError {
  constructor(message: string) {
    super('IllegalVersioningConfigurationException', message, 400);
  }
}

/** The bucket has no policy. */
export class NoSuchBucketPolicy extends AwsError {
  constructor(message: string) {
    super('NoSuchBucketPolicy', message, 404);
  }
}

/** The bucket (or account) has no Block Public Access configuration. */
export class NoSuchPublicAccessBlockConfiguration extends AwsError {
  constructor(message: string) {
    super('NoSuchPublicAccessBlockConfiguration', message, 404);
  }
}

/** The bucket has no lifecycle configuration. */
export class NoSuchLifecycleConfiguration extends AwsError {
  constructor(message: string) {
    super('NoSuchLifecycleConfiguration', message, 404);
  }
}

/** A feature Skylab does not model (ACL grants, object lock, replication …): failing closed, named. */
export class NotImplemented extends AwsError {
  constructor(message: string, findings: Finding[] = []) {
    super('NotImplemented', message, 501, findings);
  }
}

/** The bucket's Object Ownership (`BucketOwnerEnforced`, the default since April 2023) disables ACLs. */
export class AccessControlListNotSupported extends AwsError {
  constructor(message: string) {
    super('AccessControlListNotSupported', message, 400);
  }
}

/** The request's path does not percent-decode. */
export class InvalidURI extends AwsError {
  constructor(message: string) {
    super('InvalidURI', message, 400);
  }
}

/** An operation that takes a document was sent without a body. */
export class MissingRequestBodyError extends AwsError {
  constructor() {
    super('MissingRequestBodyError', 'Request Body is empty', 400);
  }
}

/** More object metadata than S3 takes. */
export class MetadataTooLarge extends AwsError {
  constructor(message: string) {
    super('MetadataTooLarge', message, 400);
  }
}

/** The method does not apply to what the path names (`POST` on a bucket without `?delete` …). */
export class MethodNotAllowed extends AwsError {
  constructor(message: string) {
    super('MethodNotAllowed', message, 405);
  }
}

/** The body is not what its `Content-MD5` or `x-amz-checksum-*` header says. */
export class BadDigest extends AwsError {
  constructor(message: string) {
    super('BadDigest', message, 400);
  }
}

/** CreateBucket names a region other than the one the request is signed for. */
export class IllegalLocationConstraintException extends AwsError {
  constructor(message: string) {
    super('IllegalLocationConstraintException', message, 400);
  }
}

/** The object has no version with the id asked for. */
export class NoSuchVersion extends AwsError {
  readonly key: string;
  constructor(message: string, key: string) {
    super('NoSuchVersion', message, 404);
    this.key = key;
  }
}

/** An object's tag set breaks S3's tag rules (at most 10 tags, keys up to 128 characters, values up to 256, keys unique). */
export class InvalidTag extends AwsError {
  constructor(message: string) {
    super('InvalidTag', message, 400);
  }
}
