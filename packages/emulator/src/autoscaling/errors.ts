import { AwsError } from '../errors.ts';

// Codes from the EC2 Auto Scaling API reference (https://docs.aws.amazon.com/autoscaling/ec2/APIReference/CommonErrors.html
// and each action's Errors section).

export { ValidationError } from '../errors.ts';

/** A group, policy or scheduled action with this name already exists. */
export class AlreadyExists extends AwsError {
  constructor(message: string) {
    super('AlreadyExists', message, 400);
  }
}

/** Another request is changing the same resource. */
export class ResourceContention extends AwsError {
  constructor(message: string) {
    super('ResourceContention', message, 500);
  }
}

/** The group has a scaling activity in progress (HonorCooldown while in cooldown). */
export class ScalingActivityInProgress extends AwsError {
  constructor(message: string) {
    super('ScalingActivityInProgress', message, 400);
  }
}

/** The group still has instances or activities and cannot be deleted. */
export class ResourceInUse extends AwsError {
  constructor(message: string) {
    super('ResourceInUse', message, 400);
  }
}

/** A quota was reached. */
export class LimitExceeded extends AwsError {
  constructor(message: string) {
    super('LimitExceeded', message, 400);
  }
}
