import type { PortInterval } from './acl-evaluation.ts';
import type { MatchedSecurityGroupRule } from './sg-evaluation.ts';

/**
 * A question in the shape of Reachability Analyzer's `CreateNetworkInsightsPath`: can `Source` reach
 * `Destination` with this protocol and port? Source and destination are an instance (`i-…`), a network
 * interface (`eni-…`), the internet (`internet`, or an internet gateway `igw-…`) or an IP address.
 */
export interface ReachabilityQuery {
  Source: string;
  Destination: string;
  Protocol: 'tcp' | 'udp' | 'icmp' | 'icmpv6';
  /** Required for tcp and udp. */
  DestinationPort?: number;
  /** The internet side's address or CIDR when the source is the internet; default `0.0.0.0/0` (any address). */
  SourceIp?: string;
  /** The internet side's address or CIDR when the destination is the internet; default `0.0.0.0/0`. */
  DestinationIp?: string;
  /** The client's ephemeral source ports, which return traffic must reach; default 1024–65535 (AWS's advice for unknown clients). */
  SourcePortRange?: PortInterval;
}

/** A resource on the path. */
export interface AnalysisComponent {
  Id: string;
}

/** A network ACL entry that decided, as Reachability Analyzer's `AnalysisAclRule`. */
export interface AnalysisAclRule {
  Cidr: string;
  Egress: boolean;
  PortRange?: PortInterval;
  Protocol: string;
  RuleAction: 'allow' | 'deny';
  RuleNumber: number;
}

/** The route that carried the traffic, as `AnalysisRouteTableRoute`. */
export interface AnalysisRouteTableRoute {
  DestinationCidr: string;
  GatewayId?: string;
  NatGatewayId?: string;
  NetworkInterfaceId?: string;
  InstanceId?: string;
  VpcPeeringConnectionId?: string;
  TransitGatewayId?: string;
  EgressOnlyInternetGatewayId?: string;
  Origin: string;
  State: string;
}

/** One hop of a path, in order. */
export interface PathComponent {
  SequenceNumber: number;
  Component: AnalysisComponent;
  Vpc?: AnalysisComponent;
  Subnet?: AnalysisComponent;
  AclRule?: AnalysisAclRule;
  SecurityGroupRule?: MatchedSecurityGroupRule;
  RouteTableRoute?: AnalysisRouteTableRoute;
  /** What happens to the packet here, in plain words. */
  Note?: string;
}

/**
 * Why the path is blocked. Codes are Reachability Analyzer's where the meaning is the same
 * (https://docs.aws.amazon.com/vpc/latest/reachability/explanation-codes.html); `UNSUPPORTED_COMPONENT`
 * is ours, for a configuration the emulator does not model (the path then fails closed).
 */
export interface Explanation {
  ExplanationCode:
    | 'ENI_SG_RULES_MISMATCH'
    | 'SUBNET_ACL_RESTRICTION'
    | 'CANNOT_ROUTE'
    | 'BAD_STATE_ROUTE'
    | 'BAD_STATE'
    | 'NO_PUBLIC_IP'
    | 'NGW_REQUIRES_SOURCE_IN_VPC'
    | 'UNSUPPORTED_COMPONENT';
  Component: AnalysisComponent;
  Direction?: 'ingress' | 'egress';
  Path: 'forward' | 'return';
  Acl?: AnalysisComponent;
  AclRule?: AnalysisAclRule;
  SecurityGroups?: AnalysisComponent[];
  RouteTable?: AnalysisComponent;
  RouteTableRoute?: AnalysisRouteTableRoute;
  Subnet?: AnalysisComponent;
  Vpc?: AnalysisComponent;
  InternetGateway?: AnalysisComponent;
  NatGateway?: AnalysisComponent;
  Address?: string;
  PortRanges?: PortInterval[];
  Protocols?: string[];
  /** The reason in plain words (lowercase, user values in backticks). */
  Reason: string;
}

/** The answer, shaped like a Reachability Analyzer analysis. */
export interface ReachabilityAnalysis {
  NetworkPathFound: boolean;
  ForwardPathComponents: PathComponent[];
  ReturnPathComponents: PathComponent[];
  Explanations: Explanation[];
  /** Features met on the way that the emulator does not model; any of them makes the path not found. */
  Unsupported: string[];
}
