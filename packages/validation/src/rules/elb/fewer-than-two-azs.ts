import type { z } from 'zod';
import type { loadBalancerSchema } from '../../schemas/elb.ts';
import type { Rule } from '../rule.ts';

/** An Application Load Balancer needs subnets in at least two Availability Zones. */
export const rule: Rule<z.output<typeof loadBalancerSchema>> = {
  id: 'elb/fewer-than-two-azs',
  severity: 'error',
  kinds: ['load-balancer'],
  help: 'list one subnet in each of at least two Availability Zones',
  learnMore: 'https://docs.aws.amazon.com/elasticloadbalancing/latest/application/application-load-balancers.html#availability-zones',
  check: (lb) => {
    if ((lb.Type ?? 'application') !== 'application') return [];
    const [key, count] = lb.SubnetMappings ? ['SubnetMappings', lb.SubnetMappings.length] : lb.Subnets ? ['Subnets', lb.Subnets.length] : lb.AvailabilityZones ? ['AvailabilityZones', lb.AvailabilityZones.length] : [undefined, 0];
    if (count >= 2) return [];
    return [{ path: key ? [key] : [], message: `an Application Load Balancer needs subnets in at least two Availability Zones, this one has ${count}` }];
  },
};
