import type { Rule } from './rule.ts';
import { rule as asgCapacityOutOfRange } from './asg/capacity-out-of-range.ts';
import { rule as asgCooldownShorterThanMetricPeriod } from './asg/cooldown-shorter-than-metric-period.ts';
import { rule as asgElbHealthCheckWithoutLoadBalancer } from './asg/elb-health-check-without-load-balancer.ts';
import { rule as asgGracePeriodShorterThanBoot } from './asg/grace-period-shorter-than-boot.ts';
import { rule as asgInvalidRecurrence } from './asg/invalid-recurrence.ts';
import { rule as asgSingleAvailabilityZone } from './asg/single-availability-zone.ts';
import { rule as asgStepAdjustmentGap } from './asg/step-adjustment-gap.ts';
import { rule as asgStepAdjustmentOverlap } from './asg/step-adjustment-overlap.ts';
import { rule as asgTargetValueOutOfRange } from './asg/target-value-out-of-range.ts';
import { rule as cloudwatchDatapointsExceedEvaluationPeriods } from './cloudwatch/datapoints-exceed-evaluation-periods.ts';
import { rule as cloudwatchEvaluationRangeTooLong } from './cloudwatch/evaluation-range-too-long.ts';
import { rule as cloudwatchInvalidPeriod } from './cloudwatch/invalid-period.ts';
import { rule as ec2Imdsv1Allowed } from './ec2/imdsv1-allowed.ts';
import { rule as ec2UnencryptedEbs } from './ec2/unencrypted-ebs.ts';
import { rule as ecrAnyRuleNotLast } from './ecr/any-rule-not-last.ts';
import { rule as ecrDuplicateRulePriority } from './ecr/duplicate-rule-priority.ts';
import { rule as ecrMutableImageTags } from './ecr/mutable-image-tags.ts';
import { rule as ecrTaggedWithoutFilter } from './ecr/tagged-without-filter.ts';
import { rule as elbDuplicateRulePriority } from './elb/duplicate-rule-priority.ts';
import { rule as elbFewerThanTwoAzs } from './elb/fewer-than-two-azs.ts';
import { rule as elbHealthCheckTimeoutNotBelowInterval } from './elb/health-check-timeout-not-below-interval.ts';
import { rule as elbHttpWithoutHttpsRedirect } from './elb/http-without-https-redirect.ts';
import { rule as elbHttpsListenerWithoutCertificate } from './elb/https-listener-without-certificate.ts';
import { rule as elbOutdatedTlsPolicy } from './elb/outdated-tls-policy.ts';
import { rule as elbUnreachableRule } from './elb/unreachable-rule.ts';
import { rule as iamAllowAllActions } from './iam/allow-all-actions.ts';
import { rule as iamAllowWithNotAction } from './iam/allow-with-not-action.ts';
import { rule as iamAllowWithNotResource } from './iam/allow-with-not-resource.ts';
import { rule as iamConditionTypeMismatch } from './iam/condition-type-mismatch.ts';
import { rule as iamConditionValueType } from './iam/condition-value-type.ts';
import { rule as iamIfExistsAlwaysPresent } from './iam/if-exists-always-present.ts';
import { rule as iamOldVersion } from './iam/old-version.ts';
import { rule as iamPassRoleWildcard } from './iam/pass-role-wildcard.ts';
import { rule as iamPolicySizeLimit } from './iam/policy-size-limit.ts';
import { rule as iamPolicyVariableOldVersion } from './iam/policy-variable-old-version.ts';
import { rule as iamPublicPrincipal } from './iam/public-principal.ts';
import { rule as iamRedundantStatement } from './iam/redundant-statement.ts';
import { rule as iamResourceLevelPermissionsUnsupported } from './iam/resource-level-permissions-unsupported.ts';
import { rule as iamResourceTypeMismatch } from './iam/resource-type-mismatch.ts';
import { rule as iamScpPrincipal } from './iam/scp-principal.ts';
import { rule as iamScpSizeLimit } from './iam/scp-size-limit.ts';
import { rule as iamSessionPolicySizeLimit } from './iam/session-policy-size-limit.ts';
import { rule as iamShadowedByDeny } from './iam/shadowed-by-deny.ts';
import { rule as iamTrustPolicyAction } from './iam/trust-policy-action.ts';
import { rule as iamUnknownAction } from './iam/unknown-action.ts';
import { rule as iamUnknownService } from './iam/unknown-service.ts';
import { rule as iamWildcardResource } from './iam/wildcard-resource.ts';
import { rule as iamWildcardServiceAction } from './iam/wildcard-service-action.ts';
import { rule as naclDuplicateRuleNumber } from './nacl/duplicate-rule-number.ts';
import { rule as naclMissingEphemeralReturn } from './nacl/missing-ephemeral-return.ts';
import { rule as naclShadowedEntry } from './nacl/shadowed-entry.ts';
import { rule as routeDuplicateDestination } from './route/duplicate-destination.ts';
import { rule as routePrivateSubnetInternetGateway } from './route/private-subnet-internet-gateway.ts';
import { rule as s3ExpirationBeforeTransition } from './s3/expiration-before-transition.ts';
import { rule as s3MissingSecureTransport } from './s3/missing-secure-transport.ts';
import { rule as s3TransitionTooEarly } from './s3/transition-too-early.ts';
import { rule as sgAllPortsOpenToWorld } from './sg/all-ports-open-to-world.ts';
import { rule as sgDatabasePortOpenToWorld } from './sg/database-port-open-to-world.ts';
import { rule as sgDuplicateRule } from './sg/duplicate-rule.ts';
import { rule as sgEgressOpenToWorld } from './sg/egress-open-to-world.ts';
import { rule as sgInvalidPortRange } from './sg/invalid-port-range.ts';
import { rule as sgOverlappingRule } from './sg/overlapping-rule.ts';
import { rule as sgRdpOpenToWorld } from './sg/rdp-open-to-world.ts';
import { rule as sgSshOpenToWorld } from './sg/ssh-open-to-world.ts';

/** Every lint rule, one file each, named by its id. */
export const ALL_RULES = [
  asgCapacityOutOfRange,
  asgCooldownShorterThanMetricPeriod,
  asgElbHealthCheckWithoutLoadBalancer,
  asgGracePeriodShorterThanBoot,
  asgInvalidRecurrence,
  asgSingleAvailabilityZone,
  asgStepAdjustmentGap,
  asgStepAdjustmentOverlap,
  asgTargetValueOutOfRange,
  cloudwatchDatapointsExceedEvaluationPeriods,
  cloudwatchEvaluationRangeTooLong,
  cloudwatchInvalidPeriod,
  ec2Imdsv1Allowed,
  ec2UnencryptedEbs,
  ecrAnyRuleNotLast,
  ecrDuplicateRulePriority,
  ecrMutableImageTags,
  ecrTaggedWithoutFilter,
  elbDuplicateRulePriority,
  elbFewerThanTwoAzs,
  elbHealthCheckTimeoutNotBelowInterval,
  elbHttpWithoutHttpsRedirect,
  elbHttpsListenerWithoutCertificate,
  elbOutdatedTlsPolicy,
  elbUnreachableRule,
  iamAllowAllActions,
  iamAllowWithNotAction,
  iamAllowWithNotResource,
  iamConditionTypeMismatch,
  iamConditionValueType,
  iamIfExistsAlwaysPresent,
  iamOldVersion,
  iamPassRoleWildcard,
  iamPolicySizeLimit,
  iamPolicyVariableOldVersion,
  iamPublicPrincipal,
  iamRedundantStatement,
  iamResourceLevelPermissionsUnsupported,
  iamResourceTypeMismatch,
  iamScpPrincipal,
  iamScpSizeLimit,
  iamSessionPolicySizeLimit,
  iamShadowedByDeny,
  iamTrustPolicyAction,
  iamUnknownAction,
  iamUnknownService,
  iamWildcardResource,
  iamWildcardServiceAction,
  naclDuplicateRuleNumber,
  naclMissingEphemeralReturn,
  naclShadowedEntry,
  routeDuplicateDestination,
  routePrivateSubnetInternetGateway,
  s3ExpirationBeforeTransition,
  s3MissingSecureTransport,
  s3TransitionTooEarly,
  sgAllPortsOpenToWorld,
  sgDatabasePortOpenToWorld,
  sgDuplicateRule,
  sgEgressOpenToWorld,
  sgInvalidPortRange,
  sgOverlappingRule,
  sgRdpOpenToWorld,
  sgSshOpenToWorld,
] as const satisfies readonly Rule<never>[];
