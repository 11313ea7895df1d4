import type { z } from 'zod';
import type { routeTableSchema } from '../../schemas/route-table.ts';
import type { Rule } from '../rule.ts';

/** Two routes for the same destination: EC2 refuses the second (`RouteAlreadyExists`). */
export const rule: Rule<z.output<typeof routeTableSchema>> = {
  id: 'route/duplicate-destination',
  severity: 'error',
  kinds: ['route-table'],
  help: 'keep one route per destination; use a more specific CIDR block for a different target',
  learnMore: 'https://docs.aws.amazon.com/vpc/latest/userguide/VPC_Route_Tables.html#route-table-routes',
  check: (table) => {
    const seen = new Set<string>();
    return table.Routes.flatMap((route, i) => {
      const destination = route.DestinationCidrBlock ?? route.DestinationIpv6CidrBlock ?? route.DestinationPrefixListId ?? '';
      if (!seen.has(destination)) {
        seen.add(destination);
        return [];
      }
      return [{ path: ['Routes', i], message: `there is already a route for \`${destination}\`` }];
    });
  },
};
