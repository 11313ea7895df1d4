import { AwsError } from '../errors.ts';

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

/** The bucket does not exist. */
export class NoSuchBucket extends AwsError {
  constructor(message: string) {
    super('NoSuchBucket', message, 404);
  }
}

/** The object does not exist. */
export class NoSuchKey extends AwsError {
  constructor(message: string) {
    super('NoSuchKey', message, 404);
  }
}
