import {
  AddTagsCommand,
  CreateListenerCommand,
  CreateLoadBalancerCommand,
  CreateRuleCommand,
  CreateTargetGroupCommand,
  DeleteRuleCommand,
  DescribeLoadBalancersCommand,
  DescribeRulesCommand,
  DescribeTargetGroupsCommand,
  DescribeTargetHealthCommand,
  ElasticLoadBalancingV2Client,
  RegisterTargetsCommand,
  type LoadBalancer,
} from '@aws-sdk/client-elastic-load-balancing-v2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { failure, startAwsAttempt, type AwsAttempt } from './support/aws-attempt.ts';

// The real ELBv2 SDK client (Query protocol, 2015-12-01) against the Node server: a lab whose setup has a VPC
// with subnets in two zones and an Application Load Balancer, so new load balancers have somewhere to go.

let attempt: AwsAttempt;
let elb: ElasticLoadBalancingV2Client;
let setupLb: LoadBalancer;

beforeAll(async () => {
  attempt = await startAwsAttempt('asg-two-az-elb-health-checks');
  elb = new ElasticLoadBalancingV2Client(attempt.clientConfig());
  setupLb = (await elb.send(new DescribeLoadBalancersCommand({}))).LoadBalancers![0]!;
});

afterAll(async () => {
  await attempt.close();
});

describe('ELBv2 over the wire', () => {
  it('creates a target group, a load balancer, a listener and a rule, and describes them as AWS does', async () => {
    expect(setupLb).toMatchObject({ Type: 'application', State: { Code: 'active' } });
    expect(setupLb.CreatedTime).toBeInstanceOf(Date);
    const subnets = setupLb.AvailabilityZones!.map((z) => z.SubnetId!);
    expect(subnets).toHaveLength(2);

    const group = (await elb.send(new CreateTargetGroupCommand({ Name: 'api-tg', Protocol: 'HTTP', Port: 8080, VpcId: setupLb.VpcId, HealthCheckPath: '/health' }))).TargetGroups![0]!;
    expect(group).toMatchObject({ TargetGroupName: 'api-tg', Port: 8080, HealthCheckPath: '/health', HealthCheckIntervalSeconds: 30, Matcher: { HttpCode: '200' } });
    expect(group.TargetGroupArn).toMatch(/^arn:aws:elasticloadbalancing:us-east-1:\d{12}:targetgroup\/api-tg\/[0-9a-f]{16}$/);
    // The engine's bookkeeping of targets and attributes is answered by their own calls, not here.
    expect(group).not.toHaveProperty('Targets');

    const lb = (await elb.send(new CreateLoadBalancerCommand({ Name: 'api-alb', Subnets: subnets, SecurityGroups: setupLb.SecurityGroups }))).LoadBalancers![0]!;
    expect(lb.LoadBalancerArn).toMatch(/:loadbalancer\/app\/api-alb\/[0-9a-f]{16}$/);
    expect(lb.DNSName).toMatch(/^api-alb-[0-9a-f]{10}\.us-east-1\.elb\.amazonaws\.com$/);

    const listener = (await elb.send(new CreateListenerCommand({
      LoadBalancerArn: lb.LoadBalancerArn,
      Protocol: 'HTTP',
      Port: 80,
      DefaultActions: [{ Type: 'fixed-response', FixedResponseConfig: { StatusCode: '404', ContentType: 'text/plain', MessageBody: 'no route' } }],
    }))).Listeners![0]!;
    expect(listener.DefaultActions).toEqual([{ Type: 'fixed-response', FixedResponseConfig: { StatusCode: '404', ContentType: 'text/plain', MessageBody: 'no route' } }]);

    const rule = (await elb.send(new CreateRuleCommand({
      ListenerArn: listener.ListenerArn,
      Priority: 10,
      Conditions: [{ Field: 'path-pattern', PathPatternConfig: { Values: ['/api/*'] } }],
      Actions: [{ Type: 'forward', TargetGroupArn: group.TargetGroupArn }],
    }))).Rules![0]!;
    expect(rule).toMatchObject({ Priority: '10', IsDefault: false });

    const rules = (await elb.send(new DescribeRulesCommand({ ListenerArn: listener.ListenerArn }))).Rules!;
    expect(rules.map((r) => r.Priority)).toEqual(['10', 'default']);
    const used = (await elb.send(new DescribeTargetGroupsCommand({ LoadBalancerArn: lb.LoadBalancerArn }))).TargetGroups!;
    expect(used.map((g) => g.TargetGroupName)).toEqual(['api-tg']);
    expect(used[0]!.LoadBalancerArns).toEqual([lb.LoadBalancerArn]);

    // A second rule on the same priority is AWS's PriorityInUse.
    const clash = await failure(elb.send(new CreateRuleCommand({ ListenerArn: listener.ListenerArn, Priority: 10, Conditions: [{ Field: 'path-pattern', Values: ['/b/*'] }], Actions: [{ Type: 'forward', TargetGroupArn: group.TargetGroupArn }] })));
    expect(clash).toMatchObject({ name: 'PriorityInUseException', $metadata: { httpStatusCode: 400 } });

    // An address in a group of instance targets is AWS's InvalidTarget.
    const invalid = await failure(elb.send(new RegisterTargetsCommand({ TargetGroupArn: group.TargetGroupArn, Targets: [{ Id: '10.0.11.25' }] })));
    expect(invalid.name).toBe('InvalidTargetException');
    const health = (await elb.send(new DescribeTargetHealthCommand({ TargetGroupArn: group.TargetGroupArn }))).TargetHealthDescriptions!;
    expect(health).toEqual([]);
    await elb.send(new DeleteRuleCommand({ RuleArn: rule.RuleArn }));
    expect((await elb.send(new DescribeRulesCommand({ ListenerArn: listener.ListenerArn }))).Rules!.map((r) => r.Priority)).toEqual(['default']);
  });

  it('pages DescribeLoadBalancers with Marker and NextMarker', async () => {
    const names: string[] = [];
    let marker: string | undefined;
    let pages = 0;
    do {
      const page = await elb.send(new DescribeLoadBalancersCommand({ PageSize: 1, ...(marker ? { Marker: marker } : {}) }));
      names.push(...page.LoadBalancers!.map((lb) => lb.LoadBalancerName!));
      marker = page.NextMarker;
      pages++;
    } while (marker);
    expect(pages).toBe(names.length);
    expect(names).toContain('api-alb');
    expect(new Set(names).size).toBe(names.length);
    const bad = await failure(elb.send(new DescribeLoadBalancersCommand({ Marker: 'not-a-marker' })));
    expect(bad.name).toBe('ValidationError');
  });

  it("refuses an IAM user its policy does not allow, in AWS's words, and allows what it does", async () => {
    const { arn, keys } = await attempt.restrictedUser('elb-reader', {
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Action: 'elasticloadbalancing:Describe*', Resource: '*' }],
    });
    const reader = new ElasticLoadBalancingV2Client(attempt.clientConfig(keys));
    expect((await reader.send(new DescribeLoadBalancersCommand({ Names: ['api-alb'] }))).LoadBalancers).toHaveLength(1);
    const denied = await failure(reader.send(new CreateLoadBalancerCommand({ Name: 'sneaky', Subnets: setupLb.AvailabilityZones!.map((z) => z.SubnetId!) })));
    expect(denied).toMatchObject({ name: 'AccessDenied', $metadata: { httpStatusCode: 403 } });
    expect(denied.message).toBe(
      `User: ${arn} is not authorized to perform: elasticloadbalancing:CreateLoadBalancer on resource: arn:aws:elasticloadbalancing:us-east-1:${attempt.credentials.accountId}:loadbalancer/app/sneaky/* because no identity-based policy allows the elasticloadbalancing:CreateLoadBalancer action`,
    );
  });

  it('answers an operation the emulator does not model with NotImplemented, never a fake success', async () => {
    const refused = await failure(elb.send(new AddTagsCommand({ ResourceArns: [setupLb.LoadBalancerArn!], Tags: [{ Key: 'team', Value: 'web' }] })));
    expect(refused).toMatchObject({ name: 'NotImplemented', $metadata: { httpStatusCode: 501 } });
    expect(refused.message).toBe('the emulated account does not model `elasticloadbalancing:AddTags` yet');
  });
});
