import { z } from 'zod';
import { cidrIpv4, list, oneOf } from '../schemas/common.ts';
import { resourceName, text } from './fields.ts';

// Route tables as a lab writes them, in the EC2 API's shapes (CreateRoute, AssociateRouteTable,
// https://docs.aws.amazon.com/vpc/latest/userguide/VPC_Route_Tables.html), with lab names standing for
// the ids AWS assigns per attempt: a route's `GatewayId` names an internet gateway, `NatGatewayId` a NAT
// gateway of `setup.ec2.natGateways`, and an association's `SubnetId` a subnet.

const ROUTE_TARGETS = ['GatewayId', 'NatGatewayId'] as const;

/** A route: one destination, exactly one target. */
export const routeSchema = z
  .strictObject({
    DestinationCidrBlock: cidrIpv4.describe('The destination block'),
    GatewayId: resourceName('internet gateway').optional().describe('The internet gateway the route sends traffic to, by name'),
    NatGatewayId: resourceName('nat gateway').optional().describe('The NAT gateway the route sends traffic to, by name'),
  })
  .refine((r) => ROUTE_TARGETS.filter((k) => r[k] !== undefined).length === 1, { error: 'a route needs exactly one target: `GatewayId` or `NatGatewayId`' })
  .describe('A route (CreateRoute)');

/** A subnet association of a route table. */
export const routeAssociationSchema = z.strictObject({ SubnetId: resourceName('subnet') }).describe('A subnet association');

/** A NAT gateway of the setup: CreateNatGateway in its subnet, a public one with a new Elastic IP (AllocateAddress). */
export const natGatewaySetupSchema = z
  .strictObject({
    Name: text('a nat gateway name').describe("The NAT gateway's name, stored as its `Name` tag; routes name it in `NatGatewayId`"),
    SubnetId: resourceName('subnet').describe('The subnet it lives in: a public subnet (one whose route table sends the internet to an internet gateway) for a public NAT gateway'),
    ConnectivityType: oneOf(['public', 'private'], '`ConnectivityType`').prefault('public').describe('`public` (with an Elastic IP allocated for it) or `private`'),
  })
  .describe('A NAT gateway (AllocateAddress, CreateNatGateway)');

/** The task fields of a `route-table` task (the common ones are added by the lab schema). */
export const routeTableTaskFields = {
  kind: z.literal('route-table').describe('The learner writes the routes and subnet associations of route tables the setup created'),
  language: oneOf(['json', 'yaml'], '`language`').prefault('yaml').describe('The editor language; answers may be JSON or YAML either way'),
  routeTables: list(resourceName('route table'), 'route tables', 20)
    .min(1, { error: 'a route table task needs at least one route table' })
    .describe('The route tables the learner sets, by name; a table the answer lists gets exactly its routes (besides `local`) and associations'),
};

/** A learner's `route-table` answer: `DescribeRouteTables` shape, tables, gateways and subnets by name. */
export const routeTablesAnswerSchema = z
  .strictObject({
    RouteTables: list(
      z
        .strictObject({
          RouteTableId: text('`RouteTableId`').describe('The route table, by its name'),
          Routes: list(routeSchema, 'routes', 50).prefault([]).describe('Its routes besides the `local` one, which every table has'),
          Associations: list(routeAssociationSchema, 'associations', 200).prefault([]).describe('The subnets that use it; a subnet with no association uses the main route table'),
        })
        .describe('A route table'),
      'route tables',
      20,
    ).describe('The route tables to set'),
  })
  .describe('Route tables in `DescribeRouteTables` shape');
