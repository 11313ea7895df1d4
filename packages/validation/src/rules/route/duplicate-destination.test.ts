import { ruleTable } from '../rule-table.ts';

const local = { DestinationCidrBlock: '10.0.0.0/16', GatewayId: 'local' };
ruleTable('route/duplicate-destination', 'route-table', {
  hit: [{ Routes: [local, { DestinationCidrBlock: '0.0.0.0/0', GatewayId: 'igw-1' }, { DestinationCidrBlock: '0.0.0.0/0', NatGatewayId: 'nat-1' }] }],
  miss: [{ Routes: [local, { DestinationCidrBlock: '0.0.0.0/0', GatewayId: 'igw-1' }, { DestinationIpv6CidrBlock: '::/0', GatewayId: 'igw-1' }] }],
});
