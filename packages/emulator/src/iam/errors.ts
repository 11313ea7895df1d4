import type { Finding } from '@skylab/validation';
import { AwsError } from '../errors.ts';

// Error codes and statuses as in the IAM API reference, e.g.
// https://docs.aws.amazon.com/IAM/latest/APIReference/API_PutUserPolicy.html#API_PutUserPolicy_Errors

/** The named user, policy or attachment does not exist. */
export class NoSuchEntity extends AwsError {
  constructor(message: string) {
    super('NoSuchEntity', message, 404);
  }
}

/** A user or policy with that name already exists. */
export class EntityAlreadyExists extends AwsError {
  constructor(message: string) {
    super('EntityAlreadyExists', message, 409);
  }
}

/** The policy document does not parse or breaks the policy grammar; `findings` say where. */
export class MalformedPolicyDocument extends AwsError {
  constructor(message: string, findings: Finding[] = []) {
    super('MalformedPolicyDocument', message, 400, findings);
  }
}

/** A quota was reached (policy size, attached policies …). */
export class LimitExceeded extends AwsError {
  constructor(message: string) {
    super('LimitExceeded', message, 409);
  }
}

/** The entity still has attachments or inline policies and cannot be deleted. */
export class DeleteConflict extends AwsError {
  constructor(message: string) {
    super('DeleteConflict', message, 409);
  }
}

/** The password does not meet the account password policy. */
export class PasswordPolicyViolation extends AwsError {
  constructor(message: string) {
    super('PasswordPolicyViolation', message, 400);
  }
}
