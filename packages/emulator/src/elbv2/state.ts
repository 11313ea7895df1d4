import { records } from '../records.ts';

// ELBv2 (Application Load Balancer) state in the shapes of the Elastic Load Balancing v2 API
// (https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_Types.html).

/** An availability zone the load balancer is enabled in, with the subnet it uses there. */
export interface AvailabilityZone {
  ZoneName: string;
  SubnetId: string;
}

/** A load balancer as `DescribeLoadBalancers` returns it. */
export interface LoadBalancer {
  LoadBalancerArn: string;
  LoadBalancerName: string;
  DNSName: string;
  CanonicalHostedZoneId: string;
  CreatedTime: string;
  Scheme: 'internet-facing' | 'internal';
  VpcId?: string;
  State: { Code: 'active' | 'provisioning' | 'failed' };
  Type: 'application';
  AvailabilityZones: AvailabilityZone[];
  SecurityGroups: string[];
  IpAddressType: 'ipv4' | 'dualstack';
}

/** Forward to one target group, or to several with weights and target-group stickiness. */
export interface ForwardActionConfig {
  TargetGroups: { TargetGroupArn: string; Weight?: number }[];
  TargetGroupStickinessConfig?: { Enabled: boolean; DurationSeconds?: number };
}

/** A redirect; each component may reuse the request's through `#{protocol}`, `#{host}`, `#{port}`, `#{path}`, `#{query}`. */
export interface RedirectActionConfig {
  Protocol?: string;
  Port?: string;
  Host?: string;
  Path?: string;
  Query?: string;
  StatusCode: 'HTTP_301' | 'HTTP_302';
}

/** A response the load balancer writes itself. */
export interface FixedResponseActionConfig {
  StatusCode: string;
  ContentType?: string;
  MessageBody?: string;
}

/** A rule or default action. Authentication actions are accepted in the shape but not modelled. */
export interface Action {
  Type: 'forward' | 'redirect' | 'fixed-response' | 'authenticate-oidc' | 'authenticate-cognito';
  Order?: number;
  TargetGroupArn?: string;
  ForwardConfig?: ForwardActionConfig;
  RedirectConfig?: RedirectActionConfig;
  FixedResponseConfig?: FixedResponseActionConfig;
}

/** The condition fields an ALB rule may use. */
export type ConditionField = 'host-header' | 'path-pattern' | 'http-header' | 'http-request-method' | 'query-string' | 'source-ip';

/** A rule condition: `Values` (host-header and path-pattern only) or the field's own config. */
export interface RuleCondition {
  Field: ConditionField;
  Values?: string[];
  HostHeaderConfig?: { Values: string[] };
  PathPatternConfig?: { Values: string[] };
  HttpHeaderConfig?: { HttpHeaderName: string; Values: string[] };
  HttpRequestMethodConfig?: { Values: string[] };
  QueryStringConfig?: { Values: { Key?: string; Value: string }[] };
  SourceIpConfig?: { Values: string[] };
}

/** A listener rule as `DescribeRules` returns it (`Priority` is a string; the default rule's is `default`). */
export interface Rule {
  RuleArn: string;
  Priority: string;
  Conditions: RuleCondition[];
  Actions: Action[];
  IsDefault: boolean;
}

/** A server certificate on an HTTPS listener. */
export interface Certificate {
  CertificateArn: string;
  IsDefault?: boolean;
}

/** A listener as `DescribeListeners` returns it. */
export interface Listener {
  ListenerArn: string;
  LoadBalancerArn: string;
  Port: number;
  Protocol: 'HTTP' | 'HTTPS';
  Certificates?: Certificate[];
  SslPolicy?: string;
  DefaultActions: Action[];
}

/** A registered target: an instance id or an IP address, and the port traffic goes to. */
export interface TargetDescription {
  Id: string;
  Port?: number;
  AvailabilityZone?: string;
}

/** The target health states of `DescribeTargetHealth`. */
export type TargetHealthStateEnum = 'initial' | 'healthy' | 'unhealthy' | 'unused' | 'draining' | 'unavailable';

/** A target's health with the documented reason code. */
export interface TargetHealth {
  State: TargetHealthStateEnum;
  Reason?: string;
  Description?: string;
}

/**
 * A target as `DescribeTargetHealth` describes it, plus the counters the health-check state machine needs
 * (consecutive results, when it was registered, last checked and, when draining, when it leaves).
 */
export interface RegisteredTarget {
  Target: TargetDescription;
  HealthCheckPort: string;
  TargetHealth: TargetHealth;
  RegisteredAt: number;
  LastHealthCheckAt?: number;
  ConsecutiveSuccesses: number;
  ConsecutiveFailures: number;
  DrainingUntil?: number;
}

/** A target group attribute (`deregistration_delay.timeout_seconds`, `stickiness.enabled` …). */
export interface TargetGroupAttribute {
  Key: string;
  Value: string;
}

/** A target group as `DescribeTargetGroups` returns it, with its attributes and registered targets. */
export interface TargetGroup {
  TargetGroupArn: string;
  TargetGroupName: string;
  Protocol: 'HTTP' | 'HTTPS';
  Port: number;
  VpcId?: string;
  TargetType: 'instance' | 'ip';
  HealthCheckEnabled: boolean;
  HealthCheckProtocol: 'HTTP' | 'HTTPS';
  HealthCheckPort: string;
  HealthCheckPath: string;
  HealthCheckIntervalSeconds: number;
  HealthCheckTimeoutSeconds: number;
  HealthyThresholdCount: number;
  UnhealthyThresholdCount: number;
  Matcher: { HttpCode: string };
  LoadBalancerArns: string[];
  Attributes: TargetGroupAttribute[];
  Targets: RegisteredTarget[];
}

/** The ELBv2 part of an account. */
export interface Elbv2State {
  /** Load balancers by ARN. */
  loadBalancers: Record<string, LoadBalancer>;
  /** Listeners by ARN. */
  listeners: Record<string, Listener>;
  /** Rules by listener ARN, the default rule included, in creation order. */
  rules: Record<string, Rule[]>;
  /** Target groups by ARN. */
  targetGroups: Record<string, TargetGroup>;
}

/** ELBv2 with nothing in it. */
export function emptyElbv2State(): Elbv2State {
  return { loadBalancers: records(), listeners: records(), rules: records(), targetGroups: records() };
}

/** What ELBv2 operations need of an account: its `elbv2` part (AccountState satisfies it). */
export interface Elbv2Account {
  elbv2: Elbv2State;
}
