/** The injected clock, id source and account context every operation receives. */
export type { Clock, Ctx, Ids } from './ctx.ts';
/** The emulated account as plain JSON: a fresh one, one restored from a stored snapshot, and a deep copy. */
export { cloneState, emptyAccountState, restoreAccountState, type AccountState } from './state.ts';
/** The base of every emulated AWS error, and the Query protocol's parameter error. */
export { AwsError, ValidationError } from './errors.ts';
/** IAM state types and an empty IAM. */
export {
  emptyIamState,
  type IamAccessKey,
  type IamGroup,
  type IamInstanceProfile,
  type IamManagedPolicy,
  type IamMfaDevice,
  type IamPasswordPolicy,
  type IamPolicyVersion,
  type IamRole,
  type IamState,
  type IamTag,
  type IamUser,
} from './iam/state.ts';
/** IAM errors, named by their AWS codes. */
export { DeleteConflict, EntityAlreadyExists, LimitExceeded, MalformedPolicyDocument, NoSuchEntity, PasswordPolicyViolation } from './iam/errors.ts';
/** IAM operations, one per AWS action, and the quotas they enforce. */
export {
  IAM_QUOTAS,
  attachUserPolicy,
  createPolicy,
  createUser,
  deleteUser,
  deleteUserPolicy,
  detachUserPolicy,
  getUser,
  getUserPolicy,
  listAttachedUserPolicies,
  listUserPolicies,
  putUserPolicy,
  type PolicyView,
  type UserView,
} from './iam/operations.ts';
/** The IAM action table: wire action names to operations. */
export { iamActions, type IamActionName } from './iam/actions.ts';
/** IAM policy evaluation for a user's identity-based policies, with reasons. */
export { authorize, identityPolicies, principalPolicies, roleForArn, userForArn, type AuthorizeOptions } from './iam/authorize/authorize.ts';
/** Evaluates given policy documents for one request (no account needed). */
export { evaluatePolicies, type EvaluationOptions } from './iam/authorize/evaluate.ts';
/** The reasons behind an authorization decision in plain words. */
export { describeStatement, describeWildcard, explainAuthorization, type ExplainOptions } from './iam/authorize/explain.ts';
/** Behavioural comparison of two policy sets over a request universe (least-privilege grading), and universes built from the IAM catalogue. */
export { COMPARISON_OPTIONS, accessUniverse, compareAccess, type AccessComparison, type AccessDifference, type UniverseSpec } from './iam/authorize/compare-access.ts';
/** The request universe on which two policy sets must agree: every catalogue action, witnesses from both sides' resources and conditions. */
export { witnessUniverse, type WitnessSpec } from './iam/authorize/witnesses.ts';
/** IAM's wildcard and ARN matching. */
export { globMatch, globMatchIgnoreCase } from './iam/authorize/glob.ts';
/** ARN matching segment by segment, as IAM matches `Resource` elements. */
export { arnMatches, splitArn } from './iam/authorize/arn.ts';
/** SimulatePrincipalPolicy and SimulateCustomPolicy (with session policies and SCP levels) in the IAM API's shapes, with our explanation per result. */
export {
  contextOf,
  explainResult,
  simulateCustomPolicy,
  simulatePrincipalPolicy,
  sourcePolicyType,
  type ContextEntry,
  type EvaluationResult,
  type SimulateCustomPolicyRequest,
  type SimulateCustomPolicyResponse,
  type SimulatePrincipalPolicyRequest,
  type SimulationError,
  type SimulationStatement,
  type SourcePolicyType,
} from './iam/authorize/simulate.ts';
/** Authorization request and result types. */
export type {
  AuthorizationRequest,
  AuthorizationResult,
  PolicyType,
  PolicyTypeResult,
  PrincipalInfo,
  PrincipalMatch,
  ContextValue,
  Decision,
  SourcePolicy,
  StatementRef,
  UnmatchedStatement,
} from './iam/authorize/types.ts';
/** IAM groups and membership, one function per AWS action. */
export * from './iam/group-operations.ts';
/** IAM roles, trust policies, permissions boundaries and tags. */
export * from './iam/role-operations.ts';
/** Managed policy versions, GetPolicy/DeletePolicy and instance profiles. */
export * from './iam/policy-version-operations.ts';
/** Access keys, MFA devices, login profiles and the account password policy. */
export * from './iam/credential-operations.ts';
/** The AWS managed policies the curriculum uses, with their documents. */
export { AWS_MANAGED_POLICIES } from './iam/aws-managed-policies.ts';
/** STS state: temporary credentials and what each session carries. */
export { emptyStsState, type StsSession, type StsState } from './sts/state.ts';
/** The STS wire action names and their functions. */
export { stsActions, type StsActionName } from './sts/actions.ts';
/** STS errors, named by their AWS codes. */
export { ExpiredToken } from './sts/errors.ts';
/** STS operations: GetCallerIdentity, AssumeRole, GetSessionToken, and requests made with session credentials. */
export { assumeRole, authorizeSession, getCallerIdentity, getFederationToken, getSessionToken, resolveCaller, type AssumeRoleInput, type AssumeRoleOutput, type GetFederationTokenInput, type GetFederationTokenOutput, type StsCaller } from './sts/operations.ts';
/** S3 state types and an empty S3. */
export { emptyS3State, type BucketLifecycleConfiguration, type PublicAccessBlockConfiguration, type S3Bucket, type S3DeleteMarker, type S3Object, type S3ObjectVersion, type S3State, type S3Tag, type ServerSideEncryptionRule } from './s3/state.ts';
/** S3 errors, named by their AWS codes. */
export * from './s3/errors.ts';
/** S3 operations, one per AWS action, and the bucket naming rules. */
export { bucketNameProblem, bucketOf, createBucket, deleteBucket, deleteObject, getBucketLocation, getObject, headBucket, headObject, listBuckets, newBucketDefaults, putObject } from './s3/operations.ts';
/** ListObjectsV2 and ListObjectVersions, and S3's key order. */
export { MAX_LIST_KEYS, compareKeys, listObjectVersions, listObjectsV2 } from './s3/list-operations.ts';
/** Reading and deleting one version of an object (a deleted object comes back when its delete marker goes). */
export { deleteObjectOrVersion, deleteObjectVersion, getObjectOrVersion, getObjectVersion, headObjectOrVersion } from './s3/version-operations.ts';
/** The S3 action table: API operation names to operations. */
export { s3Actions, type S3ActionName } from './s3/actions.ts';
/** Bucket policies and Block Public Access (bucket and account), one function per AWS action, and the settings in force. */
export * from './s3/bucket-policy-operations.ts';
/** Default encryption and versioning, one function per AWS action. */
export * from './s3/bucket-settings-operations.ts';
/** Lifecycle configurations, one function per AWS action. */
export * from './s3/lifecycle-operations.ts';
/** The lifecycle storage class waterfall, filters and day boundaries. */
export { DAY_MS, DEFAULT_TRANSITION_MINIMUM_SIZE, STORAGE_CLASS_WATERFALL, dayBoundary, predicates, ruleSelects, type StorageClass } from './s3/lifecycle-rules.ts';
/** Lifecycle rules run on a virtual clock: each version's class and fate at a date, and why. */
export { deleteMarkerRemoved, lifecycleFate, type LifecycleFate, type LifecycleSubject } from './s3/lifecycle-evaluate.ts';
/** S3's meaning of a public bucket policy. */
export { policyPublicity } from './s3/public-policy.ts';
/** S3 requests decided with identity policies, the bucket policy and Block Public Access; who outside the account can do what. */
export { authorizeBucketAccess, bucketPolicyFor, bucketPublicAccess, type BucketAccessRequest, type OutsideGrant } from './s3/bucket-access.ts';
/** EC2 state types in the shapes of the EC2 API, and an empty EC2. */
export {
  emptyEc2State,
  type Address,
  type Ec2State,
  type Instance,
  type InstanceBlockDeviceMapping,
  type InstanceMetadataOptions,
  type InstanceStateName,
  type InternetGateway,
  type IpPermission,
  type IpRangeEntry,
  type Ipv6CidrBlockAssociation,
  type Ipv6RangeEntry,
  type KeyPair,
  type LaunchTemplate,
  type LaunchTemplateData,
  type LaunchTemplateVersion,
  type NatGateway,
  type NatGatewayAddress,
  type NetworkAcl,
  type NetworkAclAssociation,
  type NetworkAclEntry,
  type NetworkInterface,
  type NetworkInterfaceAssociation,
  type Route,
  type RouteTable,
  type RouteTableAssociation,
  type SecurityGroup,
  type Subnet,
  type Tag,
  type UserIdGroupPair,
  type Volume,
  type Vpc,
  type WithEc2,
} from './ec2/state.ts';
/** EC2 errors, named by their AWS codes (the dot of codes such as `InvalidVpcID.NotFound` dropped from the class name). */
export {
  AddressLimitExceeded,
  CannotDelete,
  DefaultVpcAlreadyExists,
  DependencyViolation,
  GatewayNotAttached,
  IncorrectInstanceState,
  InsufficientFreeAddressesInSubnet,
  InvalidAMIIDMalformed,
  InvalidAllocationIDNotFound,
  InvalidAssociationIDNotFound,
  InvalidGroupDuplicate,
  InvalidGroupNotFound,
  InvalidGroupReserved,
  InvalidIPAddressInUse,
  InvalidInstanceIDNotFound,
  InvalidInternetGatewayIDNotFound,
  InvalidKeyPairDuplicate,
  InvalidKeyPairNotFound,
  InvalidLaunchTemplateIdNotFound,
  InvalidLaunchTemplateIdVersionNotFound,
  InvalidLaunchTemplateNameAlreadyExists,
  InvalidNetworkAclEntryNotFound,
  InvalidNetworkAclIDNotFound,
  InvalidNetworkInterfaceIDNotFound,
  InvalidParameterCombination,
  InvalidParameterValue,
  InvalidPermissionDuplicate,
  InvalidPermissionMalformed,
  InvalidPermissionNotFound,
  InvalidRouteNotFound,
  InvalidRouteTableIDNotFound,
  InvalidSubnetConflict,
  InvalidSubnetIDNotFound,
  InvalidSubnetRange,
  InvalidVpcIDNotFound,
  InternetGatewayLimitExceeded,
  InvalidVpcRange,
  MissingParameter,
  NatGatewayLimitExceeded,
  NatGatewayNotFound,
  NetworkAclEntryAlreadyExists,
  NetworkAclEntryLimitExceeded,
  ResourceAlreadyAssociated,
  RouteAlreadyExists,
  RouteLimitExceeded,
  RouteTableLimitExceeded,
  RulesPerSecurityGroupLimitExceeded,
  SecurityGroupLimitExceeded,
  SecurityGroupsPerInterfaceLimitExceeded,
  SubnetLimitExceeded,
  UnsupportedOperation,
  VPCIdNotSpecified,
  VpcLimitExceeded,
} from './ec2/errors.ts';
/** Amazon VPC quotas the EC2 operations enforce (VPCs, subnets, security groups, routes, gateways, addresses …). */
export { EC2_QUOTAS } from './ec2/quotas.ts';
/** EC2 VPC and subnet operations, one per AWS action. */
export {
  associateVpcCidrBlock,
  createDefaultVpc,
  createSubnet,
  createVpc,
  deleteSubnet,
  deleteVpc,
  describeSubnets,
  describeVpcs,
  modifySubnetAttribute,
} from './ec2/vpc-operations.ts';
/** EC2 route table operations and the route target and destination shapes. */
export {
  associateRouteTable,
  createRoute,
  createRouteTable,
  deleteRoute,
  deleteRouteTable,
  describeRouteTables,
  disassociateRouteTable,
  replaceRoute,
  replaceRouteTableAssociation,
  type RouteDestination,
  type RouteTarget,
} from './ec2/route-table-operations.ts';
/** EC2 internet gateway, Elastic IP and NAT gateway operations. */
export {
  allocateAddress,
  associateAddress,
  attachInternetGateway,
  createInternetGateway,
  createNatGateway,
  deleteInternetGateway,
  deleteNatGateway,
  describeAddresses,
  describeInternetGateways,
  describeNatGateways,
  detachInternetGateway,
  disassociateAddress,
  releaseAddress,
} from './ec2/gateway-operations.ts';
/** EC2 security group operations and the rules quota. */
export {
  RULES_PER_SECURITY_GROUP,
  authorizeSecurityGroupEgress,
  authorizeSecurityGroupIngress,
  createSecurityGroup,
  deleteSecurityGroup,
  describeSecurityGroups,
  revokeSecurityGroupEgress,
  revokeSecurityGroupIngress,
  type IpPermissionInput,
} from './ec2/security-group-operations.ts';
/** EC2 network ACL operations. */
export {
  MAX_RULE_NUMBER,
  createNetworkAcl,
  createNetworkAclEntry,
  deleteNetworkAcl,
  deleteNetworkAclEntry,
  describeNetworkAcls,
  replaceNetworkAclAssociation,
  replaceNetworkAclEntry,
  type NetworkAclEntryInput,
} from './ec2/network-acl-operations.ts';
/** EC2 network interface operations and the per-interface group quota. */
export {
  SECURITY_GROUPS_PER_INTERFACE,
  createNetworkInterface,
  deleteNetworkInterface,
  describeNetworkInterfaces,
  modifyNetworkInterfaceAttribute,
} from './ec2/network-interface-operations.ts';
/** EC2 instance operations and the instance lifecycle. */
export {
  describeInstances,
  modifyInstanceMetadataOptions,
  runInstances,
  startInstances,
  stopInstances,
  terminateInstances,
  type RunInstancesInput,
} from './ec2/instance-operations.ts';
/** EC2 key pair operations. */
export {
  createKeyPair,
  deleteKeyPair,
  describeKeyPairs,
  importKeyPair,
} from './ec2/key-pair-operations.ts';
/** EC2 launch template operations. */
export {
  createLaunchTemplate,
  createLaunchTemplateVersion,
  describeLaunchTemplateVersions,
  modifyLaunchTemplate,
} from './ec2/launch-template-operations.ts';
/** EBS: snapshot and encryption settings types. */
export type { CreateVolumePermission, EbsEncryptionSettings, Snapshot } from './ec2/state.ts';
/** EBS volumes: CreateVolume with each type's limits, attach, detach, delete. */
export { VOLUME_TYPES, attachVolume, checkVolumeSpec, createVolume, deleteVolume, describeVolumes, detachVolume, type CreateVolumeInput, type VolumeTypeLimits } from './ec2/volume-operations.ts';
/** EBS snapshots: create, copy (re-encrypting), share, and who can create volumes from one. */
export { copySnapshot, createSnapshot, describeSnapshotAttribute, describeSnapshots, modifySnapshotAttribute, snapshotVolumeAccess, type SnapshotVolumeAccess } from './ec2/snapshot-operations.ts';
/** EBS encryption by default and the default KMS key, per region. */
export { defaultEbsKey, disableEbsEncryptionByDefault, enableEbsEncryptionByDefault, encryptionByDefault, getEbsDefaultKmsKeyId, getEbsEncryptionByDefault, modifyEbsDefaultKmsKeyId, resetEbsDefaultKmsKeyId, type WithEbs } from './ec2/ebs-encryption.ts';
/** KMS keys as EBS and ECR need them: customer managed keys with a key policy, aliases, AWS managed keys. */
export { emptyKmsState, type KmsKey, type KmsState } from './kms/state.ts';
/** KMS operations, and the AWS managed key of a service. */
export { awsManagedKey, createAlias, createKey, describeKey, findKey, getKeyPolicy, putKeyPolicy } from './kms/operations.ts';
/** Whether another account may use a key for a shared snapshot, by the key policy. */
export { keyUseRefusal } from './kms/key-access.ts';
/** The KMS action table. */
export { kmsActions, type KmsActionName } from './kms/actions.ts';
/** ECR state types and an empty registry. */
export { emptyEcrState, type EcrImage, type EcrRepository, type EcrState } from './ecr/state.ts';
/** ECR errors, named by their AWS codes. */
export {
  ImageAlreadyExistsException,
  ImageTagAlreadyExistsException,
  InvalidParameterException,
  LifecyclePolicyNotFoundException,
  RepositoryAlreadyExistsException,
  RepositoryNotEmptyException,
  RepositoryNotFoundException,
  RepositoryPolicyNotFoundException,
} from './ecr/errors.ts';
/** ECR repositories. */
export { createRepository, describeRepositories, findRepository, putImageScanningConfiguration, putImageTagMutability, repositoryView, type CreateRepositoryInput, type RepositoryView } from './ecr/repository-operations.ts';
/** ECR images: PutImage with tag immutability, BatchGetImage, DescribeImages, BatchDeleteImage. */
export { batchDeleteImage, batchGetImage, describeImages, putImage, type ImageIdentifier } from './ecr/image-operations.ts';
/** ECR repository and lifecycle policies, and the lifecycle preview. */
export { getLifecyclePolicy, getLifecyclePolicyPreview, getRepositoryPolicy, lifecycleRules, putLifecyclePolicy, setRepositoryPolicy } from './ecr/policy-operations.ts';
/** ECR lifecycle policies validated as ECR does, and their pure evaluation. */
export { evaluateLifecyclePolicy, lifecycleProblems, parseLifecyclePolicy, type LifecycleImage, type LifecyclePreviewResult, type LifecycleProblem, type LifecycleRule } from './ecr/lifecycle-policy.ts';
/** Who may pull from a repository: identity and repository policies through the IAM engine, and an instance's role session. */
export { PULL_ACTIONS, authorizeRepositoryAction, getAuthorizationToken, instanceRoleSession, pullAccess, type RepositoryRequest } from './ecr/pull-access.ts';
/** The ECR action table. */
export { ecrActions, type EcrActionName } from './ecr/actions.ts';
/** The EC2 action table: wire action names to operations. */
export { ec2Actions, type Ec2ActionName } from './ec2/actions.ts';
/** The instance type catalogue (vCPU, memory, network, burst credits) and DescribeInstanceTypes. */
export { INSTANCE_TYPES, describeInstanceTypes, type InstanceTypeInfo } from './ec2/instance-types.ts';
/** IPv4 and IPv6 CIDR parsing and arithmetic. */
export { formatCidr, formatIpv4, parseCidr, rangeContains, rangesOverlap, type IpRange } from './ec2/cidr.ts';
/** The network path analyzer: can A reach B, and if not, what blocks it, with Reachability Analyzer's codes. */
export { analyzeReachability, DEFAULT_CLIENT_PORTS } from './ec2/reachability.ts';
/** The analyzer's query and answer shapes. */
export type {
  AnalysisAclRule,
  AnalysisComponent,
  AnalysisRouteTableRoute,
  Explanation,
  PathComponent,
  ReachabilityAnalysis,
  ReachabilityQuery,
} from './ec2/reachability-types.ts';
/** All-pairs reachability between running instances for one protocol and port. */
export { reachabilityMatrix, type ReachabilityMatrix, type ReachabilityMatrixQuery } from './ec2/reachability-matrix.ts';
/** What the internet can reach, interface by interface. */
export { exposureReport, type ClosedInterface, type Exposure, type ExposureReport } from './ec2/exposure.ts';
/** An EC2 state built from `Describe*` response documents, for analyzing a described network. */
export { ec2StateFromDescribe, type Ec2Topology } from './ec2/topology.ts';
/** ELBv2 state types (load balancers, listeners, rules, target groups in the API's shapes) and an empty ELBv2. */
export {
  emptyElbv2State,
  type Action as Elbv2Action,
  type Elbv2State,
  type Listener,
  type LoadBalancer,
  type RegisteredTarget,
  type Rule,
  type RuleCondition,
  type TargetDescription,
  type TargetGroup,
  type TargetHealth,
} from './elbv2/state.ts';
/** ELBv2 errors, named by their AWS codes. */
export {
  CertificateNotFound,
  DuplicateListener,
  DuplicateLoadBalancerName,
  DuplicateTargetGroupName,
  InvalidConfigurationRequest,
  InvalidTarget,
  ListenerNotFound,
  LoadBalancerNotFound,
  PriorityInUse,
  ResourceInUse as Elbv2ResourceInUse,
  RuleNotFound,
  SubnetNotFound,
  TargetGroupNotFound,
  TooManyRules,
} from './elbv2/errors.ts';
/** ELBv2 operations, one per AWS action, and the listener input `routeRequest` takes. */
export {
  createListener,
  createLoadBalancer,
  createRule,
  createTargetGroup,
  deleteListener,
  deleteLoadBalancer,
  deleteRule,
  deleteTargetGroup,
  deregisterTargets,
  describeListeners,
  describeLoadBalancers,
  describeRules,
  describeTargetGroupAttributes,
  describeTargetGroups,
  describeTargetHealth,
  listenerRoutingInput,
  modifyListener,
  modifyRule,
  modifyTargetGroup,
  modifyTargetGroupAttributes,
  registerTargets,
  setRulePriorities,
} from './elbv2/operations.ts';
/** The ELBv2 action table: wire action names to operations. */
export { elbv2Actions, type Elbv2ActionName } from './elbv2/actions.ts';
/** ALB routing: the chosen action and the walk over every rule in priority order, with reasons. */
export {
  compileListener,
  conditionValues,
  orderRules,
  redirectLocation,
  routeRequest,
  selectCertificate,
  terminalAction,
  type CompiledListener,
  type ListenerCertificate,
  type ConditionEvaluation,
  type ForwardDecision,
  type HttpRequest,
  type RoutingResult,
  type RuleEvaluation,
} from './elbv2/routing.ts';
/** The target health state machine: probes, thresholds, draining. */
export { advanceTargetHealth, applyProbe, healthCheckPort, matcherAccepts, probeTarget, type HealthProbe, type TargetBehaviour, type TargetHealthChange } from './elbv2/target-health.ts';
/** The network questions ELBv2 and Auto Scaling ask, answered from EC2 shapes, from the account's EC2, or assumed open. */
export { openNetwork, staticNetwork, type NetworkCtx, type NetworkView, type Reachability, type SubnetView } from './elbv2/network.ts';
/** The network view of an account's EC2 engine. */
export { ec2Network } from './elbv2/ec2-network.ts';
/** CloudWatch state types (metrics, alarms in the API's shapes) and an empty CloudWatch. */
export { emptyCloudWatchState, metricKey, type CloudWatchState, type Dimension, type MetricAlarm, type MetricSeries, type StateValue } from './cloudwatch/state.ts';
/** CloudWatch errors, named by their AWS codes (prefixed where IAM or EC2 use the same code). */
export {
  InvalidParameterCombination as CloudWatchInvalidParameterCombination,
  InvalidParameterValue as CloudWatchInvalidParameterValue,
  LimitExceeded as CloudWatchLimitExceeded,
  MissingParameter as CloudWatchMissingParameter,
  ResourceNotFound,
} from './cloudwatch/errors.ts';
/** CloudWatch operations, one per AWS action. */
export { deleteAlarms, describeAlarmHistory, describeAlarms, getMetricStatistics, listMetrics, putMetricAlarm, putMetricData, setAlarmState } from './cloudwatch/operations.ts';
/** The CloudWatch action table: wire action names to operations. */
export { cloudwatchActions, type CloudWatchActionName } from './cloudwatch/actions.ts';
/** Alarm evaluation (M out of N, missing-data treatment) with AWS's state reasons. */
export { decideAlarmState, evaluateAlarm, evaluateAlarms, evaluationRange, type AlarmEvaluation, type AlarmTransition } from './cloudwatch/alarms.ts';
/** Period statistics over stored metrics, and how the emulated services publish theirs. */
export { periodStatistic, recordMetricData, type MetricDatum } from './cloudwatch/metrics.ts';
/** Auto Scaling state types (groups, policies, scheduled actions, activities in the API's shapes) and an empty Auto Scaling. */
export {
  emptyAutoScalingState,
  type Activity,
  type AutoScalingAccount,
  type AutoScalingGroup,
  type AutoScalingState,
  type GroupInstance,
  type ScalingPolicy,
  type ScheduledUpdateGroupAction,
  type StepAdjustment,
  type TargetTrackingConfiguration,
} from './autoscaling/state.ts';
/** Auto Scaling errors, named by their AWS codes. */
export { AlreadyExists, LimitExceeded as AutoScalingLimitExceeded, ResourceContention, ResourceInUse as AutoScalingResourceInUse, ScalingActivityInProgress } from './autoscaling/errors.ts';
/** Auto Scaling operations, one per AWS action. */
export {
  createAutoScalingGroup,
  deleteAutoScalingGroup,
  deletePolicy,
  deleteScheduledAction,
  describeAutoScalingGroups,
  describePolicies,
  describeScalingActivities,
  describeScheduledActions,
  putScalingPolicy,
  putScheduledUpdateGroupAction,
  setDesiredCapacity,
  setInstanceHealth,
  updateAutoScalingGroup,
} from './autoscaling/operations.ts';
/** The Auto Scaling action table: wire action names to operations. */
export { autoscalingActions, type AutoScalingActionName } from './autoscaling/actions.ts';
/** Scaling arithmetic: clamping, adjustments, step selection, target tracking capacity and alarms. */
export { adjustedCapacity, clampCapacity, selectStep, targetTrackingAlarms, targetTrackingCapacity, validateStepAdjustments } from './autoscaling/scaling.ts';
/** Scheduled action recurrence: five-field cron evaluated in an IANA time zone. */
export { cronMatcher, parseCron, zoneOffset } from './autoscaling/cron.ts';
/** The Auto Scaling simulation: a timeline of metrics, alarms, activities and capacity on the virtual clock. */
export {
  DEFAULT_INSTANCE_PROFILES,
  simulate,
  type InstanceProfile,
  type SimulationLoad,
  type SimulationOptions,
  type SimulationResult,
  type TimelineEvent,
  type TimelinePoint,
} from './autoscaling/simulate.ts';
/** The AWS wire endpoint: one signed AWS API request in, the response and the account after it out. */
export { handleAwsRequest, MAX_WIRE_BODY_BYTES, type HandleAwsOptions, type HandleAwsResult } from './wire/handler.ts';
/** An AWS error answered in the protocol of the service a request is signed for, for refusals made outside the handler. */
export { wireFailure } from './wire/handler.ts';
/** The largest an attempt's account may grow to through the wire, in bytes of JSON (1 MiB); a call that would pass it answers `LimitExceeded`. */
export { MAX_ACCOUNT_STATE_BYTES } from './wire/handler.ts';
/** HTTP request and response as the wire layer sees them, and the caller a signature proves. */
export type { ActionBinding, OperationCaller, ResolvedCredentials, WireCall, WireCaller, WireCtx, WireOperation, WireProtocol, WireRequest, WireResponse, WireService } from './wire/types.ts';
/** The root user as a caller (its key comes from the API), and the keys an account issued itself. */
export { accountCredentials, rootCaller } from './wire/credentials.ts';
/** The services the wire serves and how one plugs in: signing name, protocol, version and action table. */
export { WIRE_SERVICES } from './wire/services.ts';
/** IAM as the wire serves it: input specs, resources and condition keys per action. */
export { iamService } from './wire/iam-service.ts';
/** EC2 as the wire serves it: its Query dialect, input specs, resources, filters and pages per action. */
export { ec2Service } from './wire/ec2-service.ts';
/** AWS Signature Version 4 verification, piece by piece as the IAM User Guide describes it. */
export { computeSignature, formatAmzDate, parseSigV4, verifySigV4, type SigV4Authorization } from './wire/sigv4.ts';
/** The errors every AWS Query API shares: authentication, unknown actions, malformed requests, access. */
export {
  AccessDenied,
  ConcurrentModification,
  IncompleteSignature,
  InternalFailure,
  InvalidAction,
  InvalidClientTokenId,
  MalformedQueryString,
  MissingAction,
  MissingAuthenticationToken,
  NotImplemented,
  RequestExpired,
  SignatureDoesNotMatch,
} from './wire/errors.ts';
