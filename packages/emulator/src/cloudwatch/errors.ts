import { AwsError } from '../errors.ts';

// Codes from https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/CommonErrors.html and the action pages.

/** A parameter value is not valid (the CloudWatch name of the Query protocol's ValidationError). */
export class InvalidParameterValue extends AwsError {
  constructor(message: string) {
    super('InvalidParameterValue', message, 400);
  }
}

/** A required parameter is missing. */
export class MissingParameter extends AwsError {
  constructor(message: string) {
    super('MissingParameter', message, 400);
  }
}

/** Parameters that may not be combined were combined. */
export class InvalidParameterCombination extends AwsError {
  constructor(message: string) {
    super('InvalidParameterCombination', message, 400);
  }
}

/** The named resource does not exist. */
export class ResourceNotFound extends AwsError {
  constructor(message: string) {
    super('ResourceNotFound', message, 404);
  }
}

/** Too many alarms or another quota. */
export class LimitExceeded extends AwsError {
  constructor(message: string) {
    super('LimitExceeded', message, 400);
  }
}
