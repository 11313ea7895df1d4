import type { z } from 'zod';
import type { routeTableSchema } from '../../schemas/route-table.ts';
import type { Rule } from '../rule.ts';

/** A route table named or tagged "private" that routes to an internet gateway makes its subnets public. */
export const rule: Rule<z.output<typeof routeTableSchema>> = {
  id: 'route/private-subnet-internet-gateway',
  severity: 'warning',
  kinds: ['route-table'],
  help: 'route a private subnet\'s internet traffic through a NAT gateway (`NatGatewayId`) in a public subnet',
  learnMore: 'https://docs.aws.amazon.com/vpc/latest/userguide/VPC_Scenario2.html',
  check: (table) => {
    const name = (table.Tags ?? []).map((t) => t.Value).join(' ');
    if (!/private/i.test(name)) return [];
    return table.Routes.flatMap((route, i) =>
      route.GatewayId?.startsWith('igw-') ? [{ path: ['Routes', i, 'GatewayId'], message: `this route table is tagged \`${name}\` but routes to the internet gateway \`${route.GatewayId}\`, which makes its subnets public` }] : [],
    );
  },
};
