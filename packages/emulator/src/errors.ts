import type { Finding } from '@skylab/validation';

/**
 * An error as an AWS service reports it: the `Code` and `Message` of the wire error and its HTTP status.
 * Subclasses are named after the AWS error code they stand for.
 */
export class AwsError extends Error {
  readonly code: string;
  readonly httpStatus: number;
  /** Where in a submitted document the problem is, when the request carried one (a policy document …). */
  readonly findings: Finding[];

  constructor(code: string, message: string, httpStatus = 400, findings: Finding[] = []) {
    super(message);
    this.name = code;
    this.code = code;
    this.httpStatus = httpStatus;
    this.findings = findings;
  }
}

/** A request parameter broke its documented constraint (length, pattern …); the Query protocol's `ValidationError`. */
export class ValidationError extends AwsError {
  constructor(message: string) {
    super('ValidationError', message, 400);
  }
}
