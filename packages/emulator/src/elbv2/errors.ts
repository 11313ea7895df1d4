import { AwsError } from '../errors.ts';

// Codes and statuses from the ELBv2 API reference's Errors sections
// (https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/CommonErrors.html and each action's page).

export { ValidationError } from '../errors.ts';

/** A load balancer with this name already exists. */
export class DuplicateLoadBalancerName extends AwsError {
  constructor(message: string) {
    super('DuplicateLoadBalancerName', message, 400);
  }
}

/** A target group with this name already exists. */
export class DuplicateTargetGroupName extends AwsError {
  constructor(message: string) {
    super('DuplicateTargetGroupName', message, 400);
  }
}

/** The load balancer already has a listener on this port. */
export class DuplicateListener extends AwsError {
  constructor(message: string) {
    super('DuplicateListener', message, 400);
  }
}

/** Another rule of the listener already has this priority. */
export class PriorityInUse extends AwsError {
  constructor(message: string) {
    super('PriorityInUse', message, 400);
  }
}

/** The load balancer does not exist. */
export class LoadBalancerNotFound extends AwsError {
  constructor(message: string) {
    super('LoadBalancerNotFound', message, 400);
  }
}

/** The listener does not exist. */
export class ListenerNotFound extends AwsError {
  constructor(message: string) {
    super('ListenerNotFound', message, 400);
  }
}

/** The rule does not exist. */
export class RuleNotFound extends AwsError {
  constructor(message: string) {
    super('RuleNotFound', message, 400);
  }
}

/** The target group does not exist. */
export class TargetGroupNotFound extends AwsError {
  constructor(message: string) {
    super('TargetGroupNotFound', message, 400);
  }
}

/** The target is not valid for the target group (wrong type, unknown instance …). */
export class InvalidTarget extends AwsError {
  constructor(message: string) {
    super('InvalidTarget', message, 400);
  }
}

/** The subnet does not exist or cannot be used. */
export class SubnetNotFound extends AwsError {
  constructor(message: string) {
    super('SubnetNotFound', message, 400);
  }
}

/** The requested configuration is not valid (subnets in one AZ, a redirect loop …). */
export class InvalidConfigurationRequest extends AwsError {
  constructor(message: string) {
    super('InvalidConfigurationRequest', message, 400);
  }
}

/** The listener needs a certificate (HTTPS) that was not given. */
export class CertificateNotFound extends AwsError {
  constructor(message: string) {
    super('CertificateNotFound', message, 400);
  }
}

/** The target group is used by a listener or rule and cannot be deleted. */
export class ResourceInUse extends AwsError {
  constructor(message: string) {
    super('ResourceInUse', message, 400);
  }
}

/** A per-resource quota (rules per listener, conditions per rule, target groups per action) was reached. */
export class TooManyRules extends AwsError {
  constructor(message: string) {
    super('TooManyRules', message, 400);
  }
}
