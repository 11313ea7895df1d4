import { z } from 'zod';

// `GET /api/attempts/:id/account`: the read-only console of an attempt's live account, in the field names
// of the AWS APIs. The lab engine's `accountView` builds it field by field from the account, so no secret
// (an access key's secret, a password, session credentials, object bodies, user data) can reach it.

const s = z.string();
const optional = z.string().optional();

const inlinePolicy = z.strictObject({ PolicyName: s, PolicyDocument: s });
const attachedPolicy = z.strictObject({ PolicyName: s, PolicyArn: s });

/** An IAM user; its access keys by id and status only. */
export const iamUserView = z.strictObject({
  UserName: s,
  Arn: s,
  Path: s,
  CreateDate: s,
  Groups: z.array(s),
  UserPolicies: z.array(inlinePolicy),
  AttachedPolicies: z.array(attachedPolicy),
  PermissionsBoundary: optional,
  AccessKeys: z.array(z.strictObject({ AccessKeyId: s, Status: z.enum(['Active', 'Inactive']), CreateDate: s })),
  MFADevices: z.array(s),
  /** Whether the user may sign in to the console (has a login profile). */
  LoginProfile: z.boolean(),
});

/** The account's users, groups, roles (with their trust policy) and customer managed policies (default version). */
export const iamView = z.strictObject({
  Users: z.array(iamUserView),
  Groups: z.array(z.strictObject({ GroupName: s, Arn: s, Path: s, Users: z.array(s), GroupPolicies: z.array(inlinePolicy), AttachedPolicies: z.array(attachedPolicy) })),
  Roles: z.array(
    z.strictObject({
      RoleName: s,
      Arn: s,
      Path: s,
      Description: optional,
      AssumeRolePolicyDocument: s,
      MaxSessionDuration: z.number(),
      RolePolicies: z.array(inlinePolicy),
      AttachedPolicies: z.array(attachedPolicy),
      PermissionsBoundary: optional,
      InstanceProfiles: z.array(s),
    }),
  ),
  Policies: z.array(z.strictObject({ PolicyName: s, Arn: s, Path: s, Description: optional, DefaultVersionId: s, AttachmentCount: z.number(), Document: s })),
});

/** A security group rule as the console lists it, one peer per line: `tcp`, `443`, a CIDR or a group. */
export const securityGroupRuleView = z.strictObject({ Protocol: s, PortRange: s, Peer: s, PeerName: optional, Description: optional });

/** A security group and its inbound and outbound rules. */
export const securityGroupView = z.strictObject({ GroupId: s, GroupName: s, Description: s, Inbound: z.array(securityGroupRuleView), Outbound: z.array(securityGroupRuleView) });

/** A network ACL entry in rule-number order (`*` is the final deny). */
const networkAclEntryView = z.strictObject({ RuleNumber: s, Protocol: s, PortRange: s, Cidr: s, RuleAction: z.enum(['allow', 'deny']) });

/** A subnet with its route table, network ACL, instances and NAT gateways; `Public`: its table sends 0.0.0.0/0 to an internet gateway. */
export const subnetView = z.strictObject({
  SubnetId: s,
  Name: optional,
  CidrBlock: s,
  MapPublicIpOnLaunch: z.boolean(),
  RouteTableId: optional,
  NetworkAclId: optional,
  Public: z.boolean(),
  Instances: z.array(z.strictObject({ InstanceId: s, Name: optional, InstanceType: s, State: s, PrivateIpAddress: optional, PublicIpAddress: optional, SecurityGroupIds: z.array(s) })),
  NatGatewayIds: z.array(s),
});

/** A VPC: its subnets by Availability Zone, route tables, gateways, security groups and network ACLs. */
export const vpcView = z.strictObject({
  VpcId: s,
  Name: optional,
  CidrBlock: s,
  IsDefault: z.boolean(),
  Zones: z.array(z.strictObject({ AvailabilityZone: s, Subnets: z.array(subnetView) })),
  RouteTables: z.array(
    z.strictObject({ RouteTableId: s, Name: optional, Main: z.boolean(), SubnetIds: z.array(s), Routes: z.array(z.strictObject({ Destination: s, Target: s, State: z.enum(['active', 'blackhole']) })) }),
  ),
  InternetGateways: z.array(z.strictObject({ InternetGatewayId: s, Name: optional })),
  NatGateways: z.array(z.strictObject({ NatGatewayId: s, Name: optional, SubnetId: s, State: s, PublicIp: optional })),
  SecurityGroups: z.array(securityGroupView),
  NetworkAcls: z.array(
    z.strictObject({ NetworkAclId: s, Name: optional, IsDefault: z.boolean(), SubnetIds: z.array(s), Inbound: z.array(networkAclEntryView), Outbound: z.array(networkAclEntryView) }),
  ),
});

/** A load balancer with its listeners and their rules in evaluation order, the default rule last. */
export const loadBalancerView = z.strictObject({
  LoadBalancerName: s,
  LoadBalancerArn: s,
  DNSName: s,
  Scheme: s,
  State: s,
  VpcId: optional,
  AvailabilityZones: z.array(s),
  SecurityGroups: z.array(s),
  Listeners: z.array(z.strictObject({ Port: z.number(), Protocol: s, Rules: z.array(z.strictObject({ Priority: s, Conditions: z.array(s), Actions: z.array(s) })) })),
});

/** A target group with its health check in words and its targets' health. */
export const targetGroupView = z.strictObject({
  TargetGroupName: s,
  TargetGroupArn: s,
  Protocol: s,
  Port: z.number(),
  HealthCheck: s,
  Targets: z.array(z.strictObject({ Id: s, Port: z.number().optional(), State: s, Reason: optional, Description: optional })),
});

/** An Auto Scaling group with its instances, policies and latest activities (newest first). */
export const autoScalingGroupView = z.strictObject({
  AutoScalingGroupName: s,
  MinSize: z.number(),
  MaxSize: z.number(),
  DesiredCapacity: z.number(),
  LaunchTemplate: s,
  Subnets: z.array(s),
  TargetGroups: z.array(s),
  HealthCheckType: s,
  Instances: z.array(z.strictObject({ InstanceId: s, AvailabilityZone: s, LifecycleState: s, HealthStatus: s })),
  Policies: z.array(z.strictObject({ PolicyName: s, PolicyType: s })),
  Activities: z.array(z.strictObject({ Description: s, Cause: s, StatusCode: s, StartTime: s })),
});

/** A metric alarm, its state and its condition in words. */
export const alarmView = z.strictObject({ AlarmName: s, AlarmDescription: optional, StateValue: s, StateReason: s, StateUpdatedTimestamp: s, Condition: s, AlarmActions: z.array(s) });

/** A bucket and its settings, never its objects' contents. */
export const bucketView = z.strictObject({
  Name: s,
  BucketRegion: s,
  CreationDate: s,
  Versioning: z.enum(['Enabled', 'Suspended', 'Disabled']),
  Encryption: optional,
  PublicAccessBlock: z.strictObject({ BlockPublicAcls: z.boolean(), IgnorePublicAcls: z.boolean(), BlockPublicPolicy: z.boolean(), RestrictPublicBuckets: z.boolean() }).optional(),
  Policy: optional,
  LifecycleRules: z.number(),
  ObjectCount: z.number(),
  TotalSize: z.number(),
});

/** The whole account as the console shows it. */
export const accountView = z.strictObject({
  Iam: iamView,
  Vpcs: z.array(vpcView),
  LoadBalancers: z.array(loadBalancerView),
  TargetGroups: z.array(targetGroupView),
  AutoScalingGroups: z.array(autoScalingGroupView),
  Alarms: z.array(alarmView),
  Buckets: z.array(bucketView),
});

/** `GET /api/attempts/:id/account`: the live account at the attempt's `version` (its ETag). */
export const accountConsoleResponse = z.strictObject({ version: z.number().int(), account: accountView });

export type AccountView = z.infer<typeof accountView>;
export type IamView = z.infer<typeof iamView>;
export type IamUserView = z.infer<typeof iamUserView>;
export type InlinePolicyView = z.infer<typeof inlinePolicy>;
export type AttachedPolicyView = z.infer<typeof attachedPolicy>;
export type VpcView = z.infer<typeof vpcView>;
export type SubnetView = z.infer<typeof subnetView>;
export type SecurityGroupView = z.infer<typeof securityGroupView>;
export type SecurityGroupRuleView = z.infer<typeof securityGroupRuleView>;
export type NetworkAclEntryView = z.infer<typeof networkAclEntryView>;
export type LoadBalancerView = z.infer<typeof loadBalancerView>;
export type TargetGroupView = z.infer<typeof targetGroupView>;
export type AutoScalingGroupView = z.infer<typeof autoScalingGroupView>;
export type AlarmView = z.infer<typeof alarmView>;
export type BucketView = z.infer<typeof bucketView>;
export type AccountConsoleResponse = z.infer<typeof accountConsoleResponse>;
