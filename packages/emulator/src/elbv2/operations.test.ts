import { describe, expect, it } from 'vitest';
import type { Ctx } from '../ctx.ts';
import { staticNetwork, type NetworkCtx } from './network.ts';
import {
  createListener,
  createLoadBalancer,
  createRule,
  createTargetGroup,
  deleteTargetGroup,
  deregisterTargets,
  describeRules,
  describeTargetHealth,
  listenerRoutingInput,
  modifyTargetGroupAttributes,
  registerTargets,
  setRulePriorities,
} from './operations.ts';
import { routeRequest } from './routing.ts';
import { emptyElbv2State, type Action, type RuleCondition } from './state.ts';
import { advanceTargetHealth } from './target-health.ts';

function testCtx(start = Date.UTC(2024, 0, 1)): NetworkCtx & { clock: { now(): number; set(t: number): void } } {
  let n = 0;
  let now = start;
  const ctx: Ctx = { clock: { now: () => now }, ids: { next: (p) => `${p}${(++n).toString(16).padStart(17, '0')}` }, accountId: '123456789012', region: 'us-east-1' };
  return {
    ...ctx,
    clock: { now: () => now, set: (t: number) => (now = t) },
    network: staticNetwork({
      Subnets: [
        { SubnetId: 'subnet-a', AvailabilityZone: 'us-east-1a', VpcId: 'vpc-1', CidrBlock: '10.0.1.0/24' },
        { SubnetId: 'subnet-b', AvailabilityZone: 'us-east-1b', VpcId: 'vpc-1', CidrBlock: '10.0.2.0/24' },
        { SubnetId: 'subnet-a2', AvailabilityZone: 'us-east-1a', VpcId: 'vpc-1', CidrBlock: '10.0.3.0/24' },
      ],
      SecurityGroups: [
        { GroupId: 'sg-alb', IpPermissions: [{ IpProtocol: 'tcp', FromPort: 80, ToPort: 80, IpRanges: [{ CidrIp: '0.0.0.0/0' }] }] },
        { GroupId: 'sg-web', IpPermissions: [{ IpProtocol: 'tcp', FromPort: 80, ToPort: 80, UserIdGroupPairs: [{ GroupId: 'sg-alb' }] }] },
        { GroupId: 'sg-ssh-only', IpPermissions: [{ IpProtocol: 'tcp', FromPort: 22, ToPort: 22, IpRanges: [{ CidrIp: '0.0.0.0/0' }] }] },
      ],
      Targets: [
        { Id: 'i-0aaaaaaaaaaaaaaa1', SecurityGroupIds: ['sg-web'] },
        { Id: 'i-0aaaaaaaaaaaaaaa2', SecurityGroupIds: ['sg-ssh-only'] },
      ],
    }),
  };
}

function setup() {
  const ctx = testCtx();
  const state = { elbv2: emptyElbv2State() };
  const lb = createLoadBalancer(state, { Name: 'web', Subnets: ['subnet-a', 'subnet-b'], SecurityGroups: ['sg-alb'] }, ctx).LoadBalancers[0]!;
  const tg = createTargetGroup(state, { Name: 'web-tg', Protocol: 'HTTP', Port: 80, VpcId: 'vpc-1' }, ctx).TargetGroups[0]!;
  const api = createTargetGroup(state, { Name: 'api-tg', Protocol: 'HTTP', Port: 8080, VpcId: 'vpc-1' }, ctx).TargetGroups[0]!;
  const listener = createListener(state, { LoadBalancerArn: lb.LoadBalancerArn, Protocol: 'HTTP', Port: 80, DefaultActions: [{ Type: 'forward', TargetGroupArn: tg.TargetGroupArn }] }, ctx).Listeners[0]!;
  return { ctx, state, lb, tg, api, listener };
}

describe('elbv2 operations', () => {
  it('creates a load balancer, target groups with AWS defaults, a listener with its default rule', () => {
    const { state, tg, listener } = setup();
    expect(tg).toMatchObject({ HealthCheckIntervalSeconds: 30, HealthCheckTimeoutSeconds: 5, HealthyThresholdCount: 5, UnhealthyThresholdCount: 2, HealthCheckPath: '/', Matcher: { HttpCode: '200' } });
    expect(tg.LoadBalancerArns).toHaveLength(1);
    expect(describeRules(state, { ListenerArn: listener.ListenerArn }, testCtx()).Rules.map((r) => r.Priority)).toEqual(['default']);
  });

  const path = (v: string): RuleCondition => ({ Field: 'path-pattern', PathPatternConfig: { Values: [v] } });
  const failures: { name: string; run(s: ReturnType<typeof setup>): unknown; code: string }[] = [
    { name: 'a duplicate load balancer name', run: (s) => createLoadBalancer(s.state, { Name: 'web', Subnets: ['subnet-a', 'subnet-b'] }, s.ctx), code: 'DuplicateLoadBalancerName' },
    { name: 'subnets in a single AZ', run: (s) => createLoadBalancer(s.state, { Name: 'one-az', Subnets: ['subnet-a'] }, s.ctx), code: 'ValidationError' },
    { name: 'two subnets in the same AZ', run: (s) => createLoadBalancer(s.state, { Name: 'same-az', Subnets: ['subnet-a', 'subnet-a2'] }, s.ctx), code: 'InvalidConfigurationRequest' },
    { name: 'an unknown subnet', run: (s) => createLoadBalancer(s.state, { Name: 'x', Subnets: ['subnet-zz', 'subnet-a'] }, s.ctx), code: 'SubnetNotFound' },
    { name: 'a duplicate target group name', run: (s) => createTargetGroup(s.state, { Name: 'web-tg', Port: 80 }, s.ctx), code: 'DuplicateTargetGroupName' },
    { name: 'a timeout not below the interval', run: (s) => createTargetGroup(s.state, { Name: 'slow', Port: 80, HealthCheckIntervalSeconds: 10, HealthCheckTimeoutSeconds: 10 }, s.ctx), code: 'ValidationError' },
    { name: 'an interval above 300 s', run: (s) => createTargetGroup(s.state, { Name: 'slow', Port: 80, HealthCheckIntervalSeconds: 301 }, s.ctx), code: 'ValidationError' },
    { name: 'a healthy threshold of 1', run: (s) => createTargetGroup(s.state, { Name: 'quick', Port: 80, HealthyThresholdCount: 1 }, s.ctx), code: 'ValidationError' },
    { name: 'a matcher code out of 200-499', run: (s) => createTargetGroup(s.state, { Name: 'm', Port: 80, Matcher: { HttpCode: '200-599' } }, s.ctx), code: 'ValidationError' },
    { name: 'a priority already in use', run: (s) => { createRule(s.state, { ListenerArn: s.listener.ListenerArn, Priority: 10, Conditions: [path('/a')], Actions: [{ Type: 'forward', TargetGroupArn: s.api.TargetGroupArn }] }, s.ctx); return createRule(s.state, { ListenerArn: s.listener.ListenerArn, Priority: 10, Conditions: [path('/b')], Actions: [{ Type: 'forward', TargetGroupArn: s.api.TargetGroupArn }] }, s.ctx); }, code: 'PriorityInUse' },
    { name: 'a priority of 0', run: (s) => createRule(s.state, { ListenerArn: s.listener.ListenerArn, Priority: 0, Conditions: [path('/a')], Actions: [{ Type: 'forward', TargetGroupArn: s.api.TargetGroupArn }] }, s.ctx), code: 'ValidationError' },
    { name: 'a host without a dot', run: (s) => createRule(s.state, { ListenerArn: s.listener.ListenerArn, Priority: 1, Conditions: [{ Field: 'host-header', HostHeaderConfig: { Values: ['localhost'] } }], Actions: [{ Type: 'forward', TargetGroupArn: s.api.TargetGroupArn }] }, s.ctx), code: 'ValidationError' },
    { name: 'four values in one condition', run: (s) => createRule(s.state, { ListenerArn: s.listener.ListenerArn, Priority: 1, Conditions: [{ Field: 'path-pattern', PathPatternConfig: { Values: ['/a', '/b', '/c', '/d'] } }], Actions: [{ Type: 'forward', TargetGroupArn: s.api.TargetGroupArn }] }, s.ctx), code: 'TooManyRules' },
    { name: 'six values in one rule', run: (s) => createRule(s.state, { ListenerArn: s.listener.ListenerArn, Priority: 1, Conditions: [{ Field: 'path-pattern', PathPatternConfig: { Values: ['/a', '/b', '/c'] } }, { Field: 'host-header', HostHeaderConfig: { Values: ['a.example.com', 'b.example.com', 'c.example.com'] } }], Actions: [{ Type: 'forward', TargetGroupArn: s.api.TargetGroupArn }] }, s.ctx), code: 'TooManyRules' },
    { name: 'two path-pattern conditions', run: (s) => createRule(s.state, { ListenerArn: s.listener.ListenerArn, Priority: 1, Conditions: [path('/a'), path('/b')], Actions: [{ Type: 'forward', TargetGroupArn: s.api.TargetGroupArn }] }, s.ctx), code: 'ValidationError' },
    { name: 'a lower-case method', run: (s) => createRule(s.state, { ListenerArn: s.listener.ListenerArn, Priority: 1, Conditions: [{ Field: 'http-request-method', HttpRequestMethodConfig: { Values: ['get'] } }], Actions: [{ Type: 'forward', TargetGroupArn: s.api.TargetGroupArn }] }, s.ctx), code: 'ValidationError' },
    { name: 'a redirect to itself', run: (s) => createRule(s.state, { ListenerArn: s.listener.ListenerArn, Priority: 1, Conditions: [path('/a')], Actions: [{ Type: 'redirect', RedirectConfig: { StatusCode: 'HTTP_301' } }] }, s.ctx), code: 'InvalidConfigurationRequest' },
    { name: 'forwarding to a missing target group', run: (s) => createRule(s.state, { ListenerArn: s.listener.ListenerArn, Priority: 1, Conditions: [path('/a')], Actions: [{ Type: 'forward', TargetGroupArn: 'arn:nope' }] }, s.ctx), code: 'TargetGroupNotFound' },
    { name: 'a weight above 999', run: (s) => createRule(s.state, { ListenerArn: s.listener.ListenerArn, Priority: 1, Conditions: [path('/a')], Actions: [{ Type: 'forward', ForwardConfig: { TargetGroups: [{ TargetGroupArn: s.api.TargetGroupArn, Weight: 1000 }] } }] }, s.ctx), code: 'ValidationError' },
    { name: 'an authenticate action (not modelled)', run: (s) => createRule(s.state, { ListenerArn: s.listener.ListenerArn, Priority: 1, Conditions: [path('/a')], Actions: [{ Type: 'authenticate-oidc', Order: 1 }, { Type: 'forward', TargetGroupArn: s.api.TargetGroupArn, Order: 2 }] as Action[] }, s.ctx), code: 'ValidationError' },
    { name: 'an HTTPS listener without a certificate', run: (s) => createListener(s.state, { LoadBalancerArn: s.lb.LoadBalancerArn, Protocol: 'HTTPS', DefaultActions: [{ Type: 'forward', TargetGroupArn: s.tg.TargetGroupArn }] }, s.ctx), code: 'CertificateNotFound' },
    { name: 'a second listener on port 80', run: (s) => createListener(s.state, { LoadBalancerArn: s.lb.LoadBalancerArn, Port: 80, DefaultActions: [{ Type: 'forward', TargetGroupArn: s.tg.TargetGroupArn }] }, s.ctx), code: 'DuplicateListener' },
    { name: 'deleting a target group in use', run: (s) => deleteTargetGroup(s.state, { TargetGroupArn: s.tg.TargetGroupArn }, s.ctx), code: 'ResourceInUse' },
    { name: 'an unknown target group attribute', run: (s) => modifyTargetGroupAttributes(s.state, { TargetGroupArn: s.tg.TargetGroupArn, Attributes: [{ Key: 'nope', Value: '1' }] }, s.ctx), code: 'ValidationError' },
    { name: 'an ip target in an instance group', run: (s) => registerTargets(s.state, { TargetGroupArn: s.tg.TargetGroupArn, Targets: [{ Id: '10.0.0.1' }] }, s.ctx), code: 'InvalidTarget' },
  ];
  it.each(failures)('rejects $name with $code', ({ run, code }) => {
    const s = setup();
    expect(() => run(s)).toThrow(expect.objectContaining({ code }));
  });

  it('routes through the account listener and swaps priorities atomically', () => {
    const { ctx, state, listener, api } = setup();
    const forwardApi: Action[] = [{ Type: 'forward', TargetGroupArn: api.TargetGroupArn }];
    const a = createRule(state, { ListenerArn: listener.ListenerArn, Priority: 1, Conditions: [path('/api/*')], Actions: forwardApi }, ctx).Rules[0]!;
    const b = createRule(state, { ListenerArn: listener.ListenerArn, Priority: 2, Conditions: [path('/api/admin')], Actions: [{ Type: 'fixed-response', FixedResponseConfig: { StatusCode: '403' } }] }, ctx).Rules[0]!;
    expect(routeRequest(listenerRoutingInput(state, listener.ListenerArn), { Method: 'GET', Host: 'x.example.com', Path: '/api/admin' }).MatchedRule?.Priority).toBe('1');
    setRulePriorities(state, { RulePriorities: [{ RuleArn: a.RuleArn, Priority: 2 }, { RuleArn: b.RuleArn, Priority: 1 }] }, ctx);
    const result = routeRequest(listenerRoutingInput(state, listener.ListenerArn), { Method: 'GET', Host: 'x.example.com', Path: '/api/admin' });
    expect(result).toMatchObject({ Outcome: 'fixed-response', Response: { StatusCode: 403 } });
    expect(api.LoadBalancerArns).toHaveLength(1);
  });
});

describe('target health with the network', () => {
  it('fails health checks with Target.Timeout when the security group does not admit the load balancer', () => {
    const { ctx, state, tg } = setup();
    registerTargets(state, { TargetGroupArn: tg.TargetGroupArn, Targets: [{ Id: 'i-0aaaaaaaaaaaaaaa1' }, { Id: 'i-0aaaaaaaaaaaaaaa2' }] }, ctx);
    expect(tg.Targets.map((t) => t.TargetHealth.State)).toEqual(['initial', 'initial']);
    const changes = advanceTargetHealth(state.elbv2, ctx.clock.now() + 60_000, { network: ctx.network, behaviour: () => ({}) });
    expect(changes.map((c) => `${c.TargetId} ${c.To}`)).toEqual(['i-0aaaaaaaaaaaaaaa1 healthy', 'i-0aaaaaaaaaaaaaaa2 unhealthy']);
    const health = describeTargetHealth(state, { TargetGroupArn: tg.TargetGroupArn }, ctx).TargetHealthDescriptions;
    expect(health[1]?.TargetHealth).toMatchObject({ State: 'unhealthy', Reason: 'Target.Timeout' });
    expect(health[1]?.TargetHealth.Description).toContain('sg-ssh-only');
  });

  it('reports a response code mismatch and drains for the deregistration delay', () => {
    const { ctx, state, tg } = setup();
    registerTargets(state, { TargetGroupArn: tg.TargetGroupArn, Targets: [{ Id: 'i-0aaaaaaaaaaaaaaa1' }] }, ctx);
    advanceTargetHealth(state.elbv2, ctx.clock.now() + 60_000, { network: ctx.network, behaviour: () => ({ ResponseCode: 404 }) });
    expect(tg.Targets[0]?.TargetHealth).toMatchObject({ State: 'unhealthy', Reason: 'Target.ResponseCodeMismatch', Description: 'Health checks failed with these codes: [404]' });
    modifyTargetGroupAttributes(state, { TargetGroupArn: tg.TargetGroupArn, Attributes: [{ Key: 'deregistration_delay.timeout_seconds', Value: '30' }] }, ctx);
    ctx.clock.set(ctx.clock.now() + 60_000);
    deregisterTargets(state, { TargetGroupArn: tg.TargetGroupArn, Targets: [{ Id: 'i-0aaaaaaaaaaaaaaa1' }] }, ctx);
    expect(tg.Targets[0]?.TargetHealth.State).toBe('draining');
    advanceTargetHealth(state.elbv2, ctx.clock.now() + 29_000, { network: ctx.network, behaviour: () => ({}) });
    expect(tg.Targets).toHaveLength(1);
    advanceTargetHealth(state.elbv2, ctx.clock.now() + 30_000, { network: ctx.network, behaviour: () => ({}) });
    expect(tg.Targets).toHaveLength(0);
  });

  it('marks targets unavailable when health checks are disabled, and still routes to them', () => {
    const { ctx, state, tg, listener } = setup();
    tg.HealthCheckEnabled = false;
    registerTargets(state, { TargetGroupArn: tg.TargetGroupArn, Targets: [{ Id: 'i-0aaaaaaaaaaaaaaa2' }] }, ctx);
    advanceTargetHealth(state.elbv2, ctx.clock.now() + 60_000, { network: ctx.network, behaviour: () => ({}) });
    expect(tg.Targets[0]?.TargetHealth).toMatchObject({ State: 'unavailable', Reason: 'Target.HealthCheckDisabled' });
    expect(routeRequest(listenerRoutingInput(state, listener.ListenerArn), { Method: 'GET', Host: 'a.example.com', Path: '/' }).Forward?.Targets).toEqual(['i-0aaaaaaaaaaaaaaa2']);
  });
});
