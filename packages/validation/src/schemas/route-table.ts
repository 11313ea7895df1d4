import { z } from 'zod';
import { cidrIpv4, cidrIpv6, list, tags } from './common.ts';

// https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_Route.html

const TARGETS = ['GatewayId', 'NatGatewayId', 'TransitGatewayId', 'VpcPeeringConnectionId', 'NetworkInterfaceId', 'InstanceId', 'EgressOnlyInternetGatewayId', 'LocalGatewayId', 'CarrierGatewayId', 'VpcEndpointId', 'CoreNetworkArn'] as const;

/** One route: a destination and exactly one target. */
export const routeSchema = z
  .strictObject({
    DestinationCidrBlock: cidrIpv4.optional(),
    DestinationIpv6CidrBlock: cidrIpv6.optional(),
    DestinationPrefixListId: z.string().optional().describe('A managed prefix list as destination'),
    GatewayId: z.string().optional().describe('An internet gateway (`igw-…`), virtual private gateway (`vgw-…`) or `local`'),
    NatGatewayId: z.string().optional().describe('A NAT gateway (`nat-…`)'),
    TransitGatewayId: z.string().optional().describe('A transit gateway (`tgw-…`)'),
    VpcPeeringConnectionId: z.string().optional().describe('A peering connection (`pcx-…`)'),
    NetworkInterfaceId: z.string().optional().describe('A network interface (`eni-…`)'),
    InstanceId: z.string().optional().describe('An instance (NAT instance)'),
    EgressOnlyInternetGatewayId: z.string().optional().describe('An egress-only internet gateway (IPv6)'),
    LocalGatewayId: z.string().optional().describe('A local gateway (Outposts)'),
    CarrierGatewayId: z.string().optional().describe('A carrier gateway (Wavelength)'),
    VpcEndpointId: z.string().optional().describe('A Gateway Load Balancer endpoint'),
    CoreNetworkArn: z.string().optional().describe('A Cloud WAN core network'),
    State: z.enum(['active', 'blackhole']).optional().describe('`blackhole` when the target is gone'),
    Origin: z.enum(['CreateRouteTable', 'CreateRoute', 'EnableVgwRoutePropagation']).optional().describe('How the route was made'),
  })
  .superRefine((route, ctx) => {
    const destinations = [route.DestinationCidrBlock, route.DestinationIpv6CidrBlock, route.DestinationPrefixListId].filter((d) => d !== undefined);
    if (destinations.length !== 1) ctx.addIssue({ code: 'custom', path: [], message: 'a route needs exactly one destination (`DestinationCidrBlock`, `DestinationIpv6CidrBlock` or `DestinationPrefixListId`)' });
    const targets = TARGETS.filter((t) => route[t] !== undefined);
    if (targets.length !== 1) ctx.addIssue({ code: 'custom', path: [], message: `a route needs exactly one target, found ${targets.length === 0 ? 'none' : targets.map((t) => `\`${t}\``).join(', ')}` });
  })
  .describe('A route');

/** A route table as EC2 describes it. */
export const routeTableSchema = z
  .strictObject({
    RouteTableId: z.string().optional().describe('The route table id'),
    VpcId: z.string().optional().describe('The VPC'),
    OwnerId: z.string().optional().describe('The owning account'),
    Routes: list(routeSchema, 'routes', 1000).describe('The routes (50 by default, adjustable to 1000)'),
    Associations: list(
      z
        .strictObject({
          RouteTableAssociationId: z.string().optional().describe('The association id'),
          SubnetId: z.string().optional().describe('An associated subnet'),
          GatewayId: z.string().optional().describe('An associated gateway (edge association)'),
          Main: z.boolean().optional().describe('True for the VPC main route table'),
          RouteTableId: z.string().optional().describe('The route table'),
        })
        .describe('An association'),
      'associations',
      1000,
    )
      .optional()
      .describe('Which subnets use this table'),
    PropagatingVgws: z.array(z.looseObject({})).optional().describe('Virtual private gateways propagating routes'),
    Tags: tags.optional(),
  })
  .describe('A route table');
