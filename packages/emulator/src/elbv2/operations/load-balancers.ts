import { DuplicateLoadBalancerName, InvalidConfigurationRequest, LoadBalancerNotFound, SubnetNotFound, ValidationError } from '../errors.ts';
import type { NetworkCtx } from '../network.ts';
import type { Elbv2Account, LoadBalancer } from '../state.ts';
import { arnPrefix, hexId, namePattern, q } from './common.ts';
import { deleteRecord, getRecord, setRecord } from '../../records.ts';

// https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_CreateLoadBalancer.html

/** CreateLoadBalancer for an Application Load Balancer: subnets in at least two Availability Zones. */
export function createLoadBalancer(
  state: Elbv2Account,
  input: { Name: string; Subnets: string[]; SecurityGroups?: string[]; Scheme?: 'internet-facing' | 'internal'; Type?: string; IpAddressType?: 'ipv4' | 'dualstack' },
  ctx: NetworkCtx,
): { LoadBalancers: LoadBalancer[] } {
  if (input.Type !== undefined && input.Type !== 'application') throw new ValidationError(`load balancer type ${q(input.Type)} is not modelled: only \`application\``);
  if (!namePattern(input.Name) || input.Name.startsWith('internal-')) {
    throw new ValidationError(`the name ${q(input.Name)} must be 1 to 32 letters, digits or hyphens, must not start or end with a hyphen and must not start with \`internal-\``);
  }
  if (Object.values(state.elbv2.loadBalancers).some((lb) => lb.LoadBalancerName === input.Name)) {
    throw new DuplicateLoadBalancerName(`a load balancer named ${q(input.Name)} already exists`);
  }
  if (!ctx.network) throw new SubnetNotFound('no network is attached, so the subnets cannot be looked up');
  const subnets = input.Subnets.map((id) => {
    const subnet = ctx.network?.subnet(id);
    if (!subnet) throw new SubnetNotFound(`the subnet ${q(id)} does not exist`);
    return subnet;
  });
  const vpcs = new Set(subnets.map((s) => s.VpcId));
  if (vpcs.size > 1) throw new InvalidConfigurationRequest('all subnets must be in the same VPC');
  const zones = new Map<string, string>();
  for (const s of subnets) {
    if (zones.has(s.AvailabilityZone)) throw new InvalidConfigurationRequest(`you can specify only one subnet per Availability Zone: ${q(zones.get(s.AvailabilityZone) as string)} and ${q(s.SubnetId)} are both in ${q(s.AvailabilityZone)}`);
    zones.set(s.AvailabilityZone, s.SubnetId);
  }
  // An Application Load Balancer needs subnets in at least two Availability Zones
  // (https://docs.aws.amazon.com/elasticloadbalancing/latest/application/application-load-balancers.html#subnets-load-balancer).
  if (zones.size < 2) throw new ValidationError('at least two subnets in two different Availability Zones must be specified');
  const id = hexId(ctx);
  const scheme = input.Scheme ?? 'internet-facing';
  const lb: LoadBalancer = {
    LoadBalancerArn: `${arnPrefix(ctx)}loadbalancer/app/${input.Name}/${id}`,
    LoadBalancerName: input.Name,
    DNSName: `${scheme === 'internal' ? 'internal-' : ''}${input.Name}-${id.slice(0, 10)}.${ctx.region}.elb.amazonaws.com`,
    CanonicalHostedZoneId: 'Z35SXDOTRQ7X7K',
    CreatedTime: new Date(ctx.clock.now()).toISOString(),
    Scheme: scheme,
    VpcId: [...vpcs][0] as string,
    State: { Code: 'active' },
    Type: 'application',
    AvailabilityZones: [...zones].map(([ZoneName, SubnetId]) => ({ ZoneName, SubnetId })),
    SecurityGroups: input.SecurityGroups ?? [],
    IpAddressType: input.IpAddressType ?? 'ipv4',
  };
  setRecord(state.elbv2.loadBalancers, lb.LoadBalancerArn, lb);
  return { LoadBalancers: [lb] };
}

/** DescribeLoadBalancers, all or by ARN or name. */
export function describeLoadBalancers(state: Elbv2Account, input: { LoadBalancerArns?: string[]; Names?: string[] }, _ctx: NetworkCtx): { LoadBalancers: LoadBalancer[] } {
  const all = Object.values(state.elbv2.loadBalancers);
  if (input.LoadBalancerArns) {
    return { LoadBalancers: input.LoadBalancerArns.map((arn) => getRecord(state.elbv2.loadBalancers, arn) ?? fail(`the load balancer ${q(arn)} does not exist`)) };
  }
  if (input.Names) return { LoadBalancers: input.Names.map((n) => all.find((lb) => lb.LoadBalancerName === n) ?? fail(`the load balancer ${q(n)} does not exist`)) };
  return { LoadBalancers: all };
}

function fail(message: string): never {
  throw new LoadBalancerNotFound(message);
}

/** DeleteLoadBalancer: its listeners and rules go with it; target groups stay. */
export function deleteLoadBalancer(state: Elbv2Account, input: { LoadBalancerArn: string }, _ctx: NetworkCtx): Record<string, never> {
  if (!getRecord(state.elbv2.loadBalancers, input.LoadBalancerArn)) return {};
  for (const listener of Object.values(state.elbv2.listeners)) {
    if (listener.LoadBalancerArn !== input.LoadBalancerArn) continue;
    deleteRecord(state.elbv2.listeners, listener.ListenerArn);
    deleteRecord(state.elbv2.rules, listener.ListenerArn);
  }
  for (const group of Object.values(state.elbv2.targetGroups)) group.LoadBalancerArns = group.LoadBalancerArns.filter((a) => a !== input.LoadBalancerArn);
  deleteRecord(state.elbv2.loadBalancers, input.LoadBalancerArn);
  return {};
}
