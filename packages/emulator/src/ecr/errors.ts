import { AwsError } from '../errors.ts';

// Codes from https://docs.aws.amazon.com/AmazonECR/latest/APIReference/CommonErrors.html and each action's page.

function ecrError(code: string) {
  return class extends AwsError {
    constructor(message: string) {
      super(code, message, 400);
    }
  };
}

/** A parameter is not valid (a malformed name, a lifecycle policy ECR refuses …). */
export class InvalidParameterException extends ecrError('InvalidParameterException') {}
/** A request breaks a constraint, or asks for a feature the emulator does not model (failing closed, named). */
export class ValidationException extends ecrError('ValidationException') {}
/** The repository already exists. */
export class RepositoryAlreadyExistsException extends ecrError('RepositoryAlreadyExistsException') {}
/** The repository does not exist. */
export class RepositoryNotFoundException extends ecrError('RepositoryNotFoundException') {}
/** The repository still holds images and `force` was not given. */
export class RepositoryNotEmptyException extends ecrError('RepositoryNotEmptyException') {}
/** The repository has no policy. */
export class RepositoryPolicyNotFoundException extends ecrError('RepositoryPolicyNotFoundException') {}
/** The repository has no lifecycle policy. */
export class LifecyclePolicyNotFoundException extends ecrError('LifecyclePolicyNotFoundException') {}
/** The tag is on another image of an `IMMUTABLE` repository. */
export class ImageTagAlreadyExistsException extends ecrError('ImageTagAlreadyExistsException') {}
/** The same image with the same tag was pushed again. */
export class ImageAlreadyExistsException extends ecrError('ImageAlreadyExistsException') {}
