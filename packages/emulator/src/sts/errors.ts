import { AwsError } from '../errors.ts';

/** The common Query errors STS answers with too (`AccessDenied`, `InvalidClientTokenId`). */
export { AccessDenied, InvalidClientTokenId } from '../wire/errors.ts';

// Error codes as in the STS API reference (https://docs.aws.amazon.com/STS/latest/APIReference/API_AssumeRole.html#API_AssumeRole_Errors).

/** The temporary credentials have expired on the emulator's clock. */
export class ExpiredToken extends AwsError {
  constructor(message: string) {
    super('ExpiredToken', message, 400);
  }
}
