import { describe, expect, it } from 'vitest';
import { AwsError } from '../errors.ts';
import { ec2Actions } from './actions.ts';
import { scenarioCtx } from './golden/scenarios.ts';
import { EC2_QUOTAS } from './quotas.ts';
import { emptyEc2State } from './state.ts';

// Amazon VPC quotas (https://docs.aws.amazon.com/vpc/latest/userguide/amazon-vpc-limits.html): the resource
// over the quota is refused with EC2's own code, and the account is left as it was.

type State = { ec2: ReturnType<typeof emptyEc2State> };
type Input = Record<string, unknown>;
const ctx = scenarioCtx();
const run = (state: State, action: keyof typeof ec2Actions, input: Input) => (ec2Actions[action] as (s: State, i: Input, c: typeof ctx) => Record<string, unknown>)(state, input, ctx);

function withVpc(): { state: State; vpc: string; table: string; acl: string; subnet: string; eni: string } {
  const state = { ec2: emptyEc2State() };
  const vpc = (run(state, 'CreateVpc', { CidrBlock: '10.0.0.0/16' }).Vpc as { VpcId: string }).VpcId;
  const table = (run(state, 'CreateRouteTable', { VpcId: vpc }).RouteTable as { RouteTableId: string }).RouteTableId;
  const acl = (run(state, 'CreateNetworkAcl', { VpcId: vpc }).NetworkAcl as { NetworkAclId: string }).NetworkAclId;
  const subnet = (run(state, 'CreateSubnet', { VpcId: vpc, CidrBlock: '10.0.255.0/24', AvailabilityZone: 'us-east-1a' }).Subnet as { SubnetId: string }).SubnetId;
  const eni = (run(state, 'CreateNetworkInterface', { SubnetId: subnet }).NetworkInterface as { NetworkInterfaceId: string }).NetworkInterfaceId;
  return { state, vpc, table, acl, subnet, eni };
}

type Setup = ReturnType<typeof withVpc>;
const times = (n: number, make: (i: number) => void) => Array.from({ length: n }, (_, i) => make(i));

// [code, quota, how many of the resource the setup already made, make the i-th one]
const QUOTAS: [string, number, number, (s: Setup, i: number) => unknown][] = [
  ['VpcLimitExceeded', EC2_QUOTAS.vpcsPerRegion, 1, (s) => run(s.state, 'CreateVpc', { CidrBlock: '10.1.0.0/16' })],
  ['SubnetLimitExceeded', EC2_QUOTAS.subnetsPerVpc, 1, (s, i) => run(s.state, 'CreateSubnet', { VpcId: s.vpc, CidrBlock: `10.0.${i}.0/24` })],
  ['SecurityGroupLimitExceeded', EC2_QUOTAS.securityGroupsPerVpc, 1, (s, i) => run(s.state, 'CreateSecurityGroup', { GroupName: `g${i}`, Description: 'd', VpcId: s.vpc })],
  ['RouteTableLimitExceeded', EC2_QUOTAS.routeTablesPerVpc, 2, (s) => run(s.state, 'CreateRouteTable', { VpcId: s.vpc })],
  ['RouteLimitExceeded', EC2_QUOTAS.routesPerRouteTable, 0, (s, i) => run(s.state, 'CreateRoute', { RouteTableId: s.table, DestinationCidrBlock: `192.168.${i}.0/24`, NetworkInterfaceId: s.eni })],
  ['NetworkAclEntryLimitExceeded', EC2_QUOTAS.networkAclRulesPerDirection, 0, (s, i) => run(s.state, 'CreateNetworkAclEntry', { NetworkAclId: s.acl, RuleNumber: 100 + i, Protocol: '6', RuleAction: 'allow', Egress: false, CidrBlock: '0.0.0.0/0', PortRange: { From: 80, To: 80 } })],
  ['InternetGatewayLimitExceeded', EC2_QUOTAS.internetGatewaysPerRegion, 0, (s) => run(s.state, 'CreateInternetGateway', {})],
  ['AddressLimitExceeded', EC2_QUOTAS.elasticIpsPerRegion, 0, (s) => run(s.state, 'AllocateAddress', {})],
  ['NatGatewayLimitExceeded', EC2_QUOTAS.natGatewaysPerAvailabilityZone, 0, (s) => run(s.state, 'CreateNatGateway', { SubnetId: s.subnet, ConnectivityType: 'private' })],
];

describe('Amazon VPC quotas', () => {
  it.each(QUOTAS)('%s once %i are reached, changing nothing', (code, max, already, make) => {
    const setup = withVpc();
    times(max - already, (i) => make(setup, i));
    const before = JSON.stringify(setup.state);
    let error: unknown;
    try {
      make(setup, max);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(AwsError);
    expect(error).toMatchObject({ code, httpStatus: 400, message: expect.stringMatching(new RegExp(`^the maximum number of .+ \\(${max}\\) has been reached$`)) });
    expect(JSON.stringify(setup.state)).toBe(before);
  });
});
