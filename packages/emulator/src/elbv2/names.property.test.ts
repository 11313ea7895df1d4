import { describe, expect, it } from 'vitest';
import { awsErrorCode, testCtx } from '../test-ctx.ts';
import { HOSTILE_NAMES } from '../test-names.ts';
import { elbv2Actions } from './actions.ts';
import { staticNetwork, type NetworkCtx } from './network.ts';
import { emptyElbv2State } from './state.ts';

// ELBv2 keeps its resources by ARN; an ARN such as `constructor` is one that does not exist, and names
// such as `constructor` (letters, digits, hyphens) are names like any other.

const ctx: NetworkCtx = {
  ...testCtx(),
  network: staticNetwork({ Subnets: [{ SubnetId: 'subnet-a', AvailabilityZone: 'us-east-1a', VpcId: 'vpc-1' }, { SubnetId: 'subnet-b', AvailabilityZone: 'us-east-1b', VpcId: 'vpc-1' }] }),
};
type Input = Record<string, unknown>;
const run = (action: keyof typeof elbv2Actions, state: { elbv2: ReturnType<typeof emptyElbv2State> }, input: Input) =>
  (elbv2Actions[action] as (s: typeof state, i: Input, c: NetworkCtx) => Record<string, unknown>)(state, input, ctx);

// DeleteTargetGroup and DeleteLoadBalancer succeed for an ARN that does not exist, as in AWS.
const LOOKUPS: [keyof typeof elbv2Actions, (arn: string) => Input, string | undefined][] = [
  ['DescribeLoadBalancers', (arn) => ({ LoadBalancerArns: [arn] }), 'LoadBalancerNotFound'],
  ['CreateListener', (arn) => ({ LoadBalancerArn: arn, Protocol: 'HTTP', Port: 80, DefaultActions: [] }), 'LoadBalancerNotFound'],
  ['DeleteListener', (arn) => ({ ListenerArn: arn }), 'ListenerNotFound'],
  ['DescribeRules', (arn) => ({ ListenerArn: arn }), 'ListenerNotFound'],
  ['DeleteTargetGroup', (arn) => ({ TargetGroupArn: arn }), undefined],
  ['DeleteLoadBalancer', (arn) => ({ LoadBalancerArn: arn }), undefined],
  ['DescribeTargetGroupAttributes', (arn) => ({ TargetGroupArn: arn }), 'TargetGroupNotFound'],
];

describe('ELBv2 lookups by a hostile ARN', () => {
  it.each(LOOKUPS)('%s answers as for any ARN that does not exist', (action, input, code) => {
    for (const arn of HOSTILE_NAMES) expect([arn, awsErrorCode(() => run(action, { elbv2: emptyElbv2State() }, input(arn)))]).toEqual([arn, code]);
  });
});

describe('ELBv2 names', () => {
  it.each(HOSTILE_NAMES.filter((n) => /^[a-zA-Z0-9]{1,32}$/.test(n)))('keeps a load balancer and a target group named `%s`', (name) => {
    const state = { elbv2: emptyElbv2State() };
    run('CreateLoadBalancer', state, { Name: name, Subnets: ['subnet-a', 'subnet-b'] });
    run('CreateTargetGroup', state, { Name: name, Protocol: 'HTTP', Port: 80, VpcId: 'vpc-1' });
    expect((run('DescribeLoadBalancers', state, { Names: [name] }).LoadBalancers as { LoadBalancerName: string }[]).map((lb) => lb.LoadBalancerName)).toEqual([name]);
    expect((run('DescribeTargetGroups', state, { Names: [name] }).TargetGroups as { TargetGroupName: string }[]).map((g) => g.TargetGroupName)).toEqual([name]);
    expect(awsErrorCode(() => run('ModifyTargetGroupAttributes', state, { TargetGroupArn: (state.elbv2.targetGroups[Object.keys(state.elbv2.targetGroups)[0]!]!).TargetGroupArn, Attributes: [{ Key: name, Value: '1' }] }))).toBe('ValidationError');
  });
});
