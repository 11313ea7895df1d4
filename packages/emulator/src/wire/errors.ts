import { AwsError } from '../errors.ts';

// The errors every AWS Query API shares, with the codes and statuses of
// https://docs.aws.amazon.com/IAM/latest/APIReference/CommonErrors.html and the messages AWS sends on the wire.

/** The `Authorization` header is missing a part or a part is malformed. */
export class IncompleteSignature extends AwsError {
  constructor(message: string) {
    super('IncompleteSignature', message, 400);
  }
}

/** No `Authorization` header at all (and no presigned query). */
export class MissingAuthenticationToken extends AwsError {
  constructor() {
    super('MissingAuthenticationToken', 'Missing Authentication Token', 403);
  }
}

/** The access key id is unknown to this account: the same answer whether or not the account exists. */
export class InvalidClientTokenId extends AwsError {
  constructor() {
    super('InvalidClientTokenId', 'The security token included in the request is invalid.', 403);
  }
}

/** The signature does not match the one computed with the key's secret. */
export class SignatureDoesNotMatch extends AwsError {
  constructor(message = 'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.') {
    super('SignatureDoesNotMatch', message, 403);
  }
}

/** The request's date is more than 15 minutes away from the service's clock. */
export class RequestExpired extends AwsError {
  constructor(message: string) {
    super('RequestExpired', message, 400);
  }
}

/** The request has no `Action` parameter. */
export class MissingAction extends AwsError {
  constructor() {
    super('MissingAction', 'The request is missing an action or a required parameter.', 400);
  }
}

/** The action is not an operation of the service. */
export class InvalidAction extends AwsError {
  constructor(message: string) {
    super('InvalidAction', message, 400);
  }
}

/** The query string or form body does not parse, or breaks our limits on size, count and depth. */
export class MalformedQueryString extends AwsError {
  constructor(message: string) {
    super('MalformedQueryString', message, 400);
  }
}

/** The caller's policies do not allow the action on the resource. */
export class AccessDenied extends AwsError {
  constructor(message: string) {
    super('AccessDenied', message, 403);
  }
}

/** The action exists in the AWS API but the emulated account does not model it: refused rather than faked. */
export class NotImplemented extends AwsError {
  constructor(message: string) {
    super('NotImplemented', message, 501);
  }
}

/** A bug on our side; the message never carries its details. */
export class InternalFailure extends AwsError {
  constructor() {
    super('InternalFailure', 'The request processing has failed because of an unknown error, exception or failure.', 500);
  }
}

/** Two requests changed the account at once and this one lost twice: nothing was written, send it again. */
export class ConcurrentModification extends AwsError {
  constructor() {
    super('ConcurrentModification', 'The request was rejected because multiple requests to change this object were submitted simultaneously. Wait a few minutes and submit your request again.', 409);
  }
}

/** A request S3 cannot take as sent (a required header missing, a header with a value it does not know). */
export class InvalidRequest extends AwsError {
  constructor(message: string) {
    super('InvalidRequest', message, 400);
  }
}

/** S3's answer when the body's SHA-256 is not the `x-amz-content-sha256` the request declared. */
export class XAmzContentSHA256Mismatch extends AwsError {
  constructor() {
    super('XAmzContentSHA256Mismatch', "The provided 'x-amz-content-sha256' header does not match what was computed.", 400);
  }
}
