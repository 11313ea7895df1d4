import { AwsError } from '../errors.ts';

// Codes from https://docs.aws.amazon.com/kms/latest/APIReference/CommonErrors.html and each action's page.

/** The key or alias does not exist. */
export class NotFoundException extends AwsError {
  constructor(message: string) {
    super('NotFoundException', message, 400);
  }
}

/** The alias is taken. */
export class AlreadyExistsException extends AwsError {
  constructor(message: string) {
    super('AlreadyExistsException', message, 400);
  }
}

/** The key policy is not a valid policy document. */
export class MalformedPolicyDocumentException extends AwsError {
  constructor(message: string) {
    super('MalformedPolicyDocumentException', message, 400);
  }
}

/** A parameter breaks its constraint (an alias outside `alias/`, a reserved `alias/aws/` name …). */
export class ValidationException extends AwsError {
  constructor(message: string) {
    super('ValidationException', message, 400);
  }
}
