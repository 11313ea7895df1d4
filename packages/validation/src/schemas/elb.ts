import { z } from 'zod';
import { int, list, oneOf, str, tags } from './common.ts';

// https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_CreateLoadBalancer.html
// https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_Action.html
// https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_RuleCondition.html
// https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_CreateTargetGroup.html

const PROTOCOLS = ['HTTP', 'HTTPS', 'TCP', 'TLS', 'UDP', 'TCP_UDP', 'GENEVE'] as const;
const lbName = z
  .string()
  .regex(/^(?!internal-)[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,30}[a-zA-Z0-9])?$/, { error: (issue) => `\`${String(issue.input)}\` is not a load balancer name: 1-32 letters, digits and hyphens, not starting or ending with a hyphen` });

/** A load balancer as `CreateLoadBalancer` takes it or `DescribeLoadBalancers` returns it. */
export const loadBalancerSchema = z
  .strictObject({
    LoadBalancerName: lbName.optional().describe('The name (1-32 characters)'),
    Name: lbName.optional().describe('The name, as `CreateLoadBalancer` spells it'),
    LoadBalancerArn: z.string().optional().describe('The load balancer ARN'),
    Type: oneOf(['application', 'network', 'gateway'], '`Type`').optional().describe('The kind of load balancer (default `application`)'),
    Scheme: oneOf(['internet-facing', 'internal'], '`Scheme`').optional().describe('Reachable from the internet or only inside the VPC'),
    IpAddressType: oneOf(['ipv4', 'dualstack', 'dualstack-without-public-ipv4'], '`IpAddressType`').optional().describe('The address families'),
    Subnets: list(z.string(), 'subnets', 200).optional().describe('Subnets, at most one per Availability Zone (an ALB needs two zones)'),
    SubnetMappings: list(z.looseObject({ SubnetId: z.string().describe('The subnet') }).describe('A subnet mapping'), 'subnet mappings', 200).optional().describe('Subnets with addresses'),
    AvailabilityZones: list(z.looseObject({ ZoneName: z.string().optional().describe('The zone'), SubnetId: z.string().optional().describe('The subnet') }).describe('A zone'), 'zones', 200)
      .optional()
      .describe('The zones in use, as DescribeLoadBalancers reports them'),
    SecurityGroups: list(z.string(), 'security groups', 5).optional().describe('Security groups (ALB; at most 5)'),
    VpcId: z.string().optional().describe('The VPC'),
    DNSName: z.string().optional().describe('The DNS name'),
    Tags: tags.optional(),
  })
  .describe('An Elastic Load Balancing v2 load balancer');

/** A listener or rule action. */
export const elbActionSchema = z
  .strictObject({
    Type: oneOf(['forward', 'redirect', 'fixed-response', 'authenticate-oidc', 'authenticate-cognito'], 'an action `Type`').describe('What the action does'),
    TargetGroupArn: z.string().optional().describe('The target group to forward to'),
    Order: int(1, 50000, '`Order`').optional().describe('Order among the actions (1-50000)'),
    ForwardConfig: z
      .strictObject({
        TargetGroups: list(
          z.strictObject({ TargetGroupArn: z.string().describe('A target group'), Weight: int(0, 999, '`Weight`').optional().describe('Share of the traffic (0-999)') }).describe('A weighted target group'),
          'target groups',
          5,
        ).describe('Up to 5 weighted target groups'),
        TargetGroupStickinessConfig: z.looseObject({}).optional().describe('Stickiness across the groups'),
      })
      .optional()
      .describe('Weighted forwarding'),
    RedirectConfig: z
      .strictObject({
        Protocol: z.string().optional().describe('`HTTP`, `HTTPS` or `#{protocol}`'),
        Port: z.string().optional().describe('The port or `#{port}`'),
        Host: z.string().optional().describe('The host or `#{host}`'),
        Path: z.string().optional().describe('The path or `/#{path}`'),
        Query: z.string().optional().describe('The query or `#{query}`'),
        StatusCode: oneOf(['HTTP_301', 'HTTP_302'], '`StatusCode`').describe('Permanent (301) or temporary (302)'),
      })
      .optional()
      .describe('Where to redirect'),
    FixedResponseConfig: z
      .strictObject({
        StatusCode: z.string().regex(/^[2-5][0-9][0-9]$/, { error: 'a fixed response status must be 2XX, 3XX, 4XX or 5XX' }).describe('The HTTP status'),
        ContentType: z.string().optional().describe('The content type'),
        MessageBody: z.string().max(1024, { error: 'a fixed response body must be at most 1024 characters' }).optional().describe('The body (up to 1024 characters)'),
      })
      .optional()
      .describe('A response the load balancer writes itself'),
    AuthenticateOidcConfig: z.looseObject({}).optional().describe('OIDC authentication'),
    AuthenticateCognitoConfig: z.looseObject({}).optional().describe('Cognito authentication'),
  })
  .describe('A listener or rule action');

/** A listener as `CreateListener` takes it. */
export const listenerSchema = z
  .strictObject({
    ListenerArn: z.string().optional().describe('The listener ARN'),
    LoadBalancerArn: z.string().optional().describe('The load balancer'),
    Protocol: oneOf(PROTOCOLS, '`Protocol`').describe('The client-side protocol'),
    Port: int(1, 65535, '`Port`').describe('The port clients connect to'),
    SslPolicy: z.string().optional().describe('The TLS negotiation policy (HTTPS and TLS)'),
    Certificates: list(z.strictObject({ CertificateArn: z.string().describe('An ACM certificate'), IsDefault: z.boolean().optional().describe('The default certificate') }).describe('A certificate'), 'certificates', 25)
      .optional()
      .describe('The server certificate (HTTPS and TLS)'),
    DefaultActions: list(elbActionSchema, 'actions', 5).min(1, { error: 'a listener needs at least one default action' }).describe('What happens when no rule matches'),
    AlpnPolicy: list(z.string(), 'ALPN policies', 1).optional().describe('ALPN (TLS listeners)'),
    Tags: tags.optional(),
  })
  .describe('A load balancer listener');

const values = (what: string) => list(z.string().max(128, { error: `a ${what} value must be at most 128 characters` }), `${what} values`, 5);

const ruleCondition = z
  .strictObject({
    Field: oneOf(['host-header', 'path-pattern', 'http-header', 'http-request-method', 'query-string', 'source-ip'], '`Field`').optional().describe('What the condition looks at'),
    Values: values('condition').optional().describe('Values for `host-header` or `path-pattern` (the short form)'),
    HostHeaderConfig: z.strictObject({ Values: values('host').describe('Host names') }).optional().describe('Host names; `*` and `?` wildcards'),
    PathPatternConfig: z.strictObject({ Values: values('path').describe('Path patterns') }).optional().describe('Path patterns; `*` and `?` wildcards, case-sensitive'),
    HttpHeaderConfig: z.strictObject({ HttpHeaderName: str('a header name', 40).describe('The header'), Values: values('header').describe('Header values') }).optional().describe('A header and its values'),
    HttpRequestMethodConfig: z.strictObject({ Values: values('method').describe('Methods such as `GET`') }).optional().describe('HTTP methods'),
    QueryStringConfig: z.strictObject({ Values: list(z.strictObject({ Key: z.string().optional().describe('The key'), Value: z.string().describe('The value') }).describe('A key/value pair'), 'query pairs', 5).describe('Key/value pairs') }).optional().describe('Query string pairs'),
    SourceIpConfig: z.strictObject({ Values: values('source IP').describe('CIDR blocks') }).optional().describe('Client CIDR blocks'),
  })
  .describe('A rule condition');

/** One listener rule. */
export const listenerRuleSchema = z
  .strictObject({
    RuleArn: z.string().optional().describe('The rule ARN'),
    Priority: z
      .union([int(1, 50000, '`Priority`'), z.literal('default'), z.string().regex(/^[1-9][0-9]{0,4}$/)], { error: '`Priority` must be a number from 1 to 50000' })
      .describe('Evaluation order, lowest first (1-50000); `default` for the listener default'),
    Conditions: list(ruleCondition, 'conditions', 5).describe('All must match (at most 5 condition values in total)'),
    Actions: list(elbActionSchema, 'actions', 5).describe('What happens on a match'),
    IsDefault: z.boolean().optional().describe('True for the listener default rule'),
  })
  .describe('A listener rule');

/** Listener rules: `{ Rules: [...] }` as DescribeRules returns them. */
export const listenerRulesSchema = z.strictObject({ Rules: list(listenerRuleSchema, 'rules', 100).describe('The rules, in any order') }).describe('The rules of one listener (100 by default)');

/** A target group as `CreateTargetGroup` takes it, with its health check. */
export const targetGroupSchema = z
  .strictObject({
    TargetGroupName: lbName.optional().describe('The name (1-32 characters)'),
    Name: lbName.optional().describe('The name, as `CreateTargetGroup` spells it'),
    TargetGroupArn: z.string().optional().describe('The target group ARN'),
    Protocol: oneOf(PROTOCOLS, '`Protocol`').optional().describe('The protocol to the targets'),
    ProtocolVersion: oneOf(['HTTP1', 'HTTP2', 'GRPC'], '`ProtocolVersion`').optional().describe('HTTP version to the targets'),
    Port: int(1, 65535, '`Port`').optional().describe('The port on the targets'),
    VpcId: z.string().optional().describe('The VPC'),
    TargetType: oneOf(['instance', 'ip', 'lambda', 'alb'], '`TargetType`').optional().describe('What is registered'),
    IpAddressType: oneOf(['ipv4', 'ipv6'], '`IpAddressType`').optional().describe('The address family'),
    HealthCheckEnabled: z.boolean().optional().describe('Whether health checks run'),
    HealthCheckProtocol: oneOf(['HTTP', 'HTTPS', 'TCP', 'TLS', 'UDP', 'TCP_UDP'], '`HealthCheckProtocol`').optional().describe('The health check protocol'),
    HealthCheckPort: z.string().regex(/^(traffic-port|[1-9][0-9]{0,4})$/, { error: '`HealthCheckPort` must be `traffic-port` or a port number as a string' }).optional().describe('`traffic-port` or a port'),
    HealthCheckPath: z.string().regex(/^\/.{0,1023}$/, { error: '`HealthCheckPath` must start with `/` (up to 1024 characters)' }).optional().describe('The path to request'),
    HealthCheckIntervalSeconds: int(5, 300, '`HealthCheckIntervalSeconds`').optional().describe('Seconds between checks (5-300)'),
    HealthCheckTimeoutSeconds: int(2, 120, '`HealthCheckTimeoutSeconds`').optional().describe('Seconds without a response that count as a failure (2-120), below the interval'),
    HealthyThresholdCount: int(2, 10, '`HealthyThresholdCount`').optional().describe('Consecutive successes to become healthy (2-10)'),
    UnhealthyThresholdCount: int(2, 10, '`UnhealthyThresholdCount`').optional().describe('Consecutive failures to become unhealthy (2-10)'),
    Matcher: z.strictObject({ HttpCode: z.string().optional().describe('Codes such as `200` or `200-299`'), GrpcCode: z.string().optional().describe('gRPC codes') }).optional().describe('Healthy response codes'),
    Tags: tags.optional(),
  })
  .describe('A target group and its health check');
