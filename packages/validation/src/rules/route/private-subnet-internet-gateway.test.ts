import { ruleTable } from '../rule-table.ts';

const table = (name: string, target: object) => ({ Tags: [{ Key: 'Name', Value: name }], Routes: [{ DestinationCidrBlock: '10.0.0.0/16', GatewayId: 'local' }, { DestinationCidrBlock: '0.0.0.0/0', ...target }] });
ruleTable('route/private-subnet-internet-gateway', 'route-table', {
  hit: [table('private-a', { GatewayId: 'igw-0abc' }), table('App Private RT', { GatewayId: 'igw-1' })],
  miss: [table('private-a', { NatGatewayId: 'nat-0abc' }), table('public-a', { GatewayId: 'igw-0abc' })],
});
