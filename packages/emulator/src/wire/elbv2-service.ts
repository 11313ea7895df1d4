import { elbv2Actions } from '../elbv2/actions.ts';
import { ValidationError } from '../errors.ts';
import { withAccountNetwork } from './account-network.ts';
import type { FieldSpec, InputSpec } from './input.ts';
import { paged, type Paging } from './paging.ts';
import { queryProtocol } from './protocols/query-protocol.ts';
import { refusingUnmodelled } from './strict.ts';
import type { ActionBinding, WireCtx, WireOperation, WireService } from './types.ts';

// How each ELBv2 action meets the wire: the parameters it reads (API reference, e.g.
// https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_CreateRule.html) and the resource it
// is authorized on (Service Authorization Reference:
// https://docs.aws.amazon.com/service-authorization/latest/reference/list_awselasticloadbalancingv2.html).

/** Every operation of the Elastic Load Balancing v2 API (version 2015-12-01), from its API reference. */
export const ELBV2_API_OPERATIONS: readonly string[] = [
  'AddListenerCertificates', 'AddTags', 'AddTrustStoreRevocations', 'CreateListener', 'CreateLoadBalancer', 'CreateRule',
  'CreateTargetGroup', 'CreateTrustStore', 'DeleteListener', 'DeleteLoadBalancer', 'DeleteRule',
  'DeleteSharedTrustStoreAssociation', 'DeleteTargetGroup', 'DeleteTrustStore', 'DeregisterTargets',
  'DescribeAccountLimits', 'DescribeCapacityReservation', 'DescribeListenerAttributes', 'DescribeListenerCertificates',
  'DescribeListeners', 'DescribeLoadBalancerAttributes', 'DescribeLoadBalancers', 'DescribeRules', 'DescribeSSLPolicies',
  'DescribeTags', 'DescribeTargetGroupAttributes', 'DescribeTargetGroups', 'DescribeTargetHealth',
  'DescribeTrustStoreAssociations', 'DescribeTrustStoreRevocations', 'DescribeTrustStores', 'GetResourcePolicy',
  'GetTrustStoreCaCertificatesBundle', 'GetTrustStoreRevocationContent', 'ModifyCapacityReservation', 'ModifyIpPools',
  'ModifyListener', 'ModifyListenerAttributes', 'ModifyLoadBalancerAttributes', 'ModifyRule', 'ModifyTargetGroup',
  'ModifyTargetGroupAttributes', 'ModifyTrustStore', 'RegisterTargets', 'RemoveListenerCertificates', 'RemoveTags',
  'RemoveTrustStoreRevocations', 'SetIpAddressType', 'SetRulePriorities', 'SetSecurityGroups', 'SetSubnets',
];

type Input = Record<string, unknown>;
type Resource = NonNullable<ActionBinding['resource']>;

const S: FieldSpec = 'string';
const R: FieldSpec = 'string!';
const I: FieldSpec = 'integer';
const STRINGS: FieldSpec = { list: S };
const VALUES: FieldSpec = { struct: { Values: { list: S, required: true } } };
const ACTIONS: FieldSpec = {
  list: {
    struct: {
      Type: R,
      Order: I,
      TargetGroupArn: S,
      ForwardConfig: {
        struct: {
          TargetGroups: { list: { struct: { TargetGroupArn: R, Weight: I } }, required: true },
          TargetGroupStickinessConfig: { struct: { Enabled: 'boolean', DurationSeconds: I } },
        },
      },
      RedirectConfig: { struct: { Protocol: S, Port: S, Host: S, Path: S, Query: S, StatusCode: R } },
      FixedResponseConfig: { struct: { StatusCode: R, ContentType: S, MessageBody: S } },
    },
  },
  required: true,
};
const CONDITIONS: FieldSpec = {
  list: {
    struct: {
      Field: R,
      Values: STRINGS,
      HostHeaderConfig: VALUES,
      PathPatternConfig: VALUES,
      HttpHeaderConfig: { struct: { HttpHeaderName: R, Values: { list: S, required: true } } },
      HttpRequestMethodConfig: VALUES,
      QueryStringConfig: { struct: { Values: { list: { struct: { Key: S, Value: R } }, required: true } } },
      SourceIpConfig: VALUES,
    },
  },
  required: true,
};
const CERTIFICATES: FieldSpec = { list: { struct: { CertificateArn: R, IsDefault: 'boolean' } } };
const TARGETS: FieldSpec = { list: { struct: { Id: R, Port: I, AvailabilityZone: S } }, required: true };
const HEALTH_CHECK: InputSpec = {
  HealthCheckEnabled: 'boolean',
  HealthCheckProtocol: S,
  HealthCheckPort: S,
  HealthCheckPath: S,
  HealthCheckIntervalSeconds: I,
  HealthCheckTimeoutSeconds: I,
  HealthyThresholdCount: I,
  UnhealthyThresholdCount: I,
  Matcher: { struct: { HttpCode: R } },
};
const PAGE: InputSpec = { Marker: S, PageSize: I };
const GROUP: InputSpec = { TargetGroupArn: R };

const arnPrefix = (ctx: WireCtx) => `arn:aws:elasticloadbalancing:${ctx.region}:${ctx.accountId}:`;
const field = (name: string): Resource => (input) => String(input[name]);
// The list calls act on no resource type (the Service Authorization Reference lists none for Describe*), so `*`.
const anywhere: Resource = () => '*';
// A call on several rules is authorized on `*`, which only a policy allowing every resource matches: stricter
// than AWS, which checks each rule, never looser.
const rules: Resource = (input) => {
  const priorities = input.RulePriorities as { RuleArn: string }[];
  return priorities.length === 1 ? priorities[0]!.RuleArn : '*';
};

// ELBv2's Describe calls page with `Marker` and `PageSize` (1 to 400) and answer `NextMarker`.
const byMarker = (list: string): Paging => ({
  list,
  token: 'Marker',
  next: 'NextMarker',
  size: 'PageSize',
  defaultSize: 400,
  maxSize: 400,
  invalidToken: (message) => new ValidationError(message),
});

// The target group as the API shows it: its attributes and targets are answered by their own calls.
const targetGroups = (result: Input): Input => ({
  ...result,
  TargetGroups: (result.TargetGroups as Input[]).map(({ Targets: _targets, Attributes: _attributes, ...group }) => group),
});

const actions: Record<string, WireOperation> = {
  ...Object.fromEntries(Object.entries(elbv2Actions).map(([name, operation]) => [name, withAccountNetwork(operation as WireOperation)])),
  DescribeLoadBalancers: paged(elbv2Actions.DescribeLoadBalancers as WireOperation, byMarker('LoadBalancers')),
  DescribeTargetGroups: paged(elbv2Actions.DescribeTargetGroups as WireOperation, byMarker('TargetGroups')),
  DescribeListeners: paged(elbv2Actions.DescribeListeners as WireOperation, byMarker('Listeners')),
  DescribeRules: paged(elbv2Actions.DescribeRules as WireOperation, byMarker('Rules')),
};

// Partial so a new action in the ELBv2 table never breaks the build; the wire tests insist on a binding for each.
const bindings: Partial<Record<keyof typeof elbv2Actions, ActionBinding>> = {
  CreateLoadBalancer: {
    input: { Name: R, Subnets: { list: S, required: true }, SecurityGroups: STRINGS, Scheme: S, Type: S, IpAddressType: S },
    // The load balancer's id is not known before it exists: the ARN names it with `*`, as a policy on the name does.
    resource: (input, ctx) => `${arnPrefix(ctx)}loadbalancer/app/${String(input.Name)}/*`,
  },
  DescribeLoadBalancers: { input: { LoadBalancerArns: STRINGS, Names: STRINGS, ...PAGE }, resource: anywhere },
  DeleteLoadBalancer: { input: { LoadBalancerArn: R }, resource: field('LoadBalancerArn') },
  CreateTargetGroup: {
    input: { Name: R, Protocol: S, Port: I, VpcId: S, TargetType: S, ...HEALTH_CHECK },
    resource: (input, ctx) => `${arnPrefix(ctx)}targetgroup/${String(input.Name)}/*`,
    output: targetGroups,
  },
  DescribeTargetGroups: { input: { TargetGroupArns: STRINGS, Names: STRINGS, LoadBalancerArn: S, ...PAGE }, resource: anywhere },
  ModifyTargetGroup: { input: { ...GROUP, ...HEALTH_CHECK }, resource: field('TargetGroupArn'), output: targetGroups },
  DescribeTargetGroupAttributes: { input: GROUP, resource: anywhere },
  ModifyTargetGroupAttributes: { input: { ...GROUP, Attributes: { list: { struct: { Key: R, Value: R } }, required: true } }, resource: field('TargetGroupArn') },
  DeleteTargetGroup: { input: GROUP, resource: field('TargetGroupArn') },
  RegisterTargets: { input: { ...GROUP, Targets: TARGETS }, resource: field('TargetGroupArn') },
  DeregisterTargets: { input: { ...GROUP, Targets: TARGETS }, resource: field('TargetGroupArn') },
  DescribeTargetHealth: { input: { ...GROUP, Targets: { list: { struct: { Id: R, Port: I, AvailabilityZone: S } } } }, resource: anywhere },
  CreateListener: {
    input: { LoadBalancerArn: R, Protocol: S, Port: I, Certificates: CERTIFICATES, SslPolicy: S, DefaultActions: ACTIONS },
    resource: field('LoadBalancerArn'),
  },
  DescribeListeners: { input: { LoadBalancerArn: S, ListenerArns: STRINGS, ...PAGE }, resource: anywhere },
  ModifyListener: {
    input: { ListenerArn: R, Port: I, Protocol: S, Certificates: CERTIFICATES, SslPolicy: S, DefaultActions: { ...ACTIONS, required: false } },
    resource: field('ListenerArn'),
  },
  DeleteListener: { input: { ListenerArn: R }, resource: field('ListenerArn') },
  CreateRule: { input: { ListenerArn: R, Priority: 'integer!', Conditions: CONDITIONS, Actions: ACTIONS }, resource: field('ListenerArn') },
  DescribeRules: { input: { ListenerArn: S, RuleArns: STRINGS, ...PAGE }, resource: anywhere },
  ModifyRule: { input: { RuleArn: R, Conditions: { ...CONDITIONS, required: false }, Actions: { ...ACTIONS, required: false } }, resource: field('RuleArn') },
  SetRulePriorities: { input: { RulePriorities: { list: { struct: { RuleArn: R, Priority: 'integer!' } }, required: true } }, resource: rules },
  DeleteRule: { input: { RuleArn: R }, resource: field('RuleArn') },
};

/** ELBv2 (Application Load Balancers) over the Query protocol (https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/). */
export const elbv2Service: WireService = {
  signingName: 'elasticloadbalancing',
  actionPrefix: 'elasticloadbalancing',
  // Parameters the bindings do not name (tags, other load balancer types' settings) are refused, never dropped.
  protocols: [refusingUnmodelled(queryProtocol)],
  version: '2015-12-01',
  xmlns: 'http://elasticloadbalancing.amazonaws.com/doc/2015-12-01/',
  actions,
  apiOperations: ELBV2_API_OPERATIONS,
  bindings,
};
