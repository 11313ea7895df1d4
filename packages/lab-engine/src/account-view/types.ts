// The account console's view of an emulated account: what the AWS console would show, read-only, in the
// field names of the AWS APIs. Built by allow-list from the state, so no secret (an access key's secret,
// a login password, a session's credentials, an object's body, an instance's user data) can reach it.

/** An inline policy: its name and its document as written (pretty-printed when it is JSON). */
export interface InlinePolicyView {
  PolicyName: string;
  PolicyDocument: string;
}

/** A managed policy attached to a user, group or role. */
export interface AttachedPolicyView {
  PolicyName: string;
  PolicyArn: string;
}

/** An IAM user; its access keys by id and status only. */
export interface UserView {
  UserName: string;
  Arn: string;
  Path: string;
  CreateDate: string;
  Groups: string[];
  UserPolicies: InlinePolicyView[];
  AttachedPolicies: AttachedPolicyView[];
  PermissionsBoundary?: string;
  AccessKeys: { AccessKeyId: string; Status: 'Active' | 'Inactive'; CreateDate: string }[];
  MFADevices: string[];
  /** Whether the user may sign in to the console (has a login profile). */
  LoginProfile: boolean;
}

/** An IAM group with its members. */
export interface GroupView {
  GroupName: string;
  Arn: string;
  Path: string;
  Users: string[];
  GroupPolicies: InlinePolicyView[];
  AttachedPolicies: AttachedPolicyView[];
}

/** An IAM role: its trust policy and permissions. */
export interface RoleView {
  RoleName: string;
  Arn: string;
  Path: string;
  Description?: string;
  AssumeRolePolicyDocument: string;
  MaxSessionDuration: number;
  RolePolicies: InlinePolicyView[];
  AttachedPolicies: AttachedPolicyView[];
  PermissionsBoundary?: string;
  InstanceProfiles: string[];
}

/** A customer managed policy and its default version's document. */
export interface ManagedPolicyView {
  PolicyName: string;
  Arn: string;
  Path: string;
  Description?: string;
  DefaultVersionId: string;
  AttachmentCount: number;
  Document: string;
}

/** The account's IAM. */
export interface IamView {
  Users: UserView[];
  Groups: GroupView[];
  Roles: RoleView[];
  Policies: ManagedPolicyView[];
}

/** A security group rule as the console lists it: one peer per line. */
export interface SecurityGroupRuleView {
  /** `tcp`, `udp`, `icmp`, `all` or a protocol number. */
  Protocol: string;
  /** `443`, `1024-65535`, `all`. */
  PortRange: string;
  /** A CIDR, a prefix list id or a security group id. */
  Peer: string;
  /** The peer group's name when the peer is a group of the account. */
  PeerName?: string;
  Description?: string;
}

/** A security group and its inbound and outbound rules. */
export interface SecurityGroupView {
  GroupId: string;
  GroupName: string;
  Description: string;
  Inbound: SecurityGroupRuleView[];
  Outbound: SecurityGroupRuleView[];
}

/** A network ACL entry, in rule-number order (`*` is the final deny). */
export interface NetworkAclEntryView {
  RuleNumber: string;
  Protocol: string;
  PortRange: string;
  Cidr: string;
  RuleAction: 'allow' | 'deny';
}

/** A network ACL with its subnets. */
export interface NetworkAclView {
  NetworkAclId: string;
  Name?: string;
  IsDefault: boolean;
  SubnetIds: string[];
  Inbound: NetworkAclEntryView[];
  Outbound: NetworkAclEntryView[];
}

/** A route: its destination, its target (`local`, a gateway id …) and whether the target is there. */
export interface RouteView {
  Destination: string;
  Target: string;
  State: 'active' | 'blackhole';
}

/** A route table with the subnets it is associated with. */
export interface RouteTableView {
  RouteTableId: string;
  Name?: string;
  Main: boolean;
  SubnetIds: string[];
  Routes: RouteView[];
}

/** An instance in its subnet. */
export interface InstanceView {
  InstanceId: string;
  Name?: string;
  InstanceType: string;
  State: string;
  PrivateIpAddress?: string;
  PublicIpAddress?: string;
  SecurityGroupIds: string[];
}

/** A subnet with what runs in it. */
export interface SubnetView {
  SubnetId: string;
  Name?: string;
  CidrBlock: string;
  MapPublicIpOnLaunch: boolean;
  /** Its route table: the one associated with it, else the VPC's main table. */
  RouteTableId?: string;
  NetworkAclId?: string;
  /** Whether its route table sends 0.0.0.0/0 to an internet gateway. */
  Public: boolean;
  Instances: InstanceView[];
  NatGatewayIds: string[];
}

/** A VPC, its subnets grouped by Availability Zone, and what it holds. */
export interface VpcView {
  VpcId: string;
  Name?: string;
  CidrBlock: string;
  IsDefault: boolean;
  Zones: { AvailabilityZone: string; Subnets: SubnetView[] }[];
  RouteTables: RouteTableView[];
  InternetGateways: { InternetGatewayId: string; Name?: string }[];
  NatGateways: { NatGatewayId: string; Name?: string; SubnetId: string; State: string; PublicIp?: string }[];
  SecurityGroups: SecurityGroupView[];
  NetworkAcls: NetworkAclView[];
}

/** A listener rule: priority, conditions and actions in words. */
export interface ListenerRuleView {
  Priority: string;
  Conditions: string[];
  Actions: string[];
}

/** A listener and its rules in priority order, the default rule last. */
export interface ListenerView {
  Port: number;
  Protocol: string;
  Rules: ListenerRuleView[];
}

/** A registered target and its health. */
export interface TargetHealthView {
  Id: string;
  Port?: number;
  State: string;
  Reason?: string;
  Description?: string;
}

/** A target group with its health check and targets. */
export interface TargetGroupView {
  TargetGroupName: string;
  TargetGroupArn: string;
  Protocol: string;
  Port: number;
  HealthCheck: string;
  Targets: TargetHealthView[];
}

/** A load balancer with its listeners. */
export interface LoadBalancerView {
  LoadBalancerName: string;
  LoadBalancerArn: string;
  DNSName: string;
  Scheme: string;
  State: string;
  VpcId?: string;
  AvailabilityZones: string[];
  SecurityGroups: string[];
  Listeners: ListenerView[];
}

/** An Auto Scaling group with its instances, policies and latest activities. */
export interface AutoScalingGroupView {
  AutoScalingGroupName: string;
  MinSize: number;
  MaxSize: number;
  DesiredCapacity: number;
  LaunchTemplate: string;
  Subnets: string[];
  TargetGroups: string[];
  HealthCheckType: string;
  Instances: { InstanceId: string; AvailabilityZone: string; LifecycleState: string; HealthStatus: string }[];
  Policies: { PolicyName: string; PolicyType: string }[];
  /** Newest first. */
  Activities: { Description: string; Cause: string; StatusCode: string; StartTime: string }[];
}

/** A metric alarm and its state. */
export interface AlarmView {
  AlarmName: string;
  AlarmDescription?: string;
  StateValue: string;
  StateReason: string;
  StateUpdatedTimestamp: string;
  /** `Average of AWS/EC2 CPUUtilization (AutoScalingGroupName=web) > 70 for 2 of 3 periods of 60 s`. */
  Condition: string;
  AlarmActions: string[];
}

/** A bucket and its settings (never its objects' contents). */
export interface BucketView {
  Name: string;
  BucketRegion: string;
  CreationDate: string;
  Versioning: 'Enabled' | 'Suspended' | 'Disabled';
  Encryption?: string;
  PublicAccessBlock?: { BlockPublicAcls: boolean; IgnorePublicAcls: boolean; BlockPublicPolicy: boolean; RestrictPublicBuckets: boolean };
  Policy?: string;
  LifecycleRules: number;
  ObjectCount: number;
  TotalSize: number;
}

/** The whole account as the console shows it. */
export interface AccountView {
  Iam: IamView;
  Vpcs: VpcView[];
  LoadBalancers: LoadBalancerView[];
  TargetGroups: TargetGroupView[];
  AutoScalingGroups: AutoScalingGroupView[];
  Alarms: AlarmView[];
  Buckets: BucketView[];
}
