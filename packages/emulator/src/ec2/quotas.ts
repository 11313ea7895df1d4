import type { AwsError } from '../errors.ts';

/**
 * Amazon VPC quotas, the defaults of a new account (https://docs.aws.amazon.com/vpc/latest/userguide/amazon-vpc-limits.html),
 * each answered with EC2's own error code (https://docs.aws.amazon.com/AWSEC2/latest/APIReference/errors-overview.html).
 * The rules per security group (60 each way) and groups per interface (5) sit with their operations.
 */
export const EC2_QUOTAS = {
  vpcsPerRegion: 5,
  subnetsPerVpc: 200,
  securityGroupsPerVpc: 2500,
  routeTablesPerVpc: 200,
  /** Routes a learner adds to one table (non-propagated), the local routes not counted. */
  routesPerRouteTable: 50,
  /** Numbered rules per network ACL in each direction, the final `*` deny not counted. */
  networkAclRulesPerDirection: 20,
  internetGatewaysPerRegion: 5,
  elasticIpsPerRegion: 5,
  natGatewaysPerAvailabilityZone: 5,
} as const;

/** Throws `error` (`VpcLimitExceeded` …) when `count` resources already reach the quota of `max` `what`. */
export function checkEc2Quota(count: number, max: number, what: string, error: new (message: string) => AwsError): void {
  if (count >= max) throw new error(`the maximum number of ${what} (${max}) has been reached`);
}
