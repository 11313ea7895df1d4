import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { simulateNetwork } from './simulate-network.ts';

// A public subnet with one web server (80 open to the world) and a private subnet with a database
// that only the web server's group may reach, as `aws ec2 describe-*` would print them.
const TOPOLOGY = {
  Vpcs: [{ VpcId: 'vpc-1', CidrBlock: '10.0.0.0/16' }],
  Subnets: [
    { SubnetId: 'subnet-pub', VpcId: 'vpc-1', CidrBlock: '10.0.1.0/24' },
    { SubnetId: 'subnet-db', VpcId: 'vpc-1', CidrBlock: '10.0.2.0/24' },
  ],
  InternetGateways: [{ InternetGatewayId: 'igw-1', Attachments: [{ VpcId: 'vpc-1', State: 'available' }] }],
  RouteTables: [
    { RouteTableId: 'rtb-main', VpcId: 'vpc-1', Routes: [{ DestinationCidrBlock: '10.0.0.0/16', GatewayId: 'local', State: 'active' }], Associations: [{ Main: true }] },
    {
      RouteTableId: 'rtb-pub',
      VpcId: 'vpc-1',
      Routes: [{ DestinationCidrBlock: '10.0.0.0/16', GatewayId: 'local', State: 'active' }, { DestinationCidrBlock: '0.0.0.0/0', GatewayId: 'igw-1', State: 'active' }],
      Associations: [{ SubnetId: 'subnet-pub', Main: false }],
    },
  ],
  NetworkAcls: [
    {
      NetworkAclId: 'acl-1',
      VpcId: 'vpc-1',
      IsDefault: true,
      Entries: [
        { RuleNumber: 100, Protocol: '-1', RuleAction: 'allow', Egress: false, CidrBlock: '0.0.0.0/0' },
        { RuleNumber: 100, Protocol: '-1', RuleAction: 'allow', Egress: true, CidrBlock: '0.0.0.0/0' },
      ],
      Associations: [{ SubnetId: 'subnet-pub' }, { SubnetId: 'subnet-db' }],
    },
  ],
  SecurityGroups: [
    { GroupId: 'sg-web', VpcId: 'vpc-1', IpPermissions: [{ IpProtocol: 'tcp', FromPort: 80, ToPort: 80, IpRanges: [{ CidrIp: '0.0.0.0/0' }] }], IpPermissionsEgress: [{ IpProtocol: '-1', IpRanges: [{ CidrIp: '0.0.0.0/0' }] }] },
    { GroupId: 'sg-db', VpcId: 'vpc-1', IpPermissions: [{ IpProtocol: 'tcp', FromPort: 5432, ToPort: 5432, UserIdGroupPairs: [{ GroupId: 'sg-web' }] }], IpPermissionsEgress: [] },
  ],
  Reservations: [
    {
      Instances: [
        { InstanceId: 'i-web', State: { Name: 'running' }, SubnetId: 'subnet-pub', VpcId: 'vpc-1', NetworkInterfaces: [{ NetworkInterfaceId: 'eni-web', PrivateIpAddress: '10.0.1.10', Groups: [{ GroupId: 'sg-web' }], Association: { PublicIp: '3.80.0.1' }, Attachment: { DeviceIndex: 0 } }] },
        { InstanceId: 'i-db', State: { Name: 'running' }, SubnetId: 'subnet-db', VpcId: 'vpc-1', NetworkInterfaces: [{ NetworkInterfaceId: 'eni-db', PrivateIpAddress: '10.0.2.10', Groups: [{ GroupId: 'sg-db' }], Attachment: { DeviceIndex: 0 } }] },
      ],
    },
  ],
};

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

function run(file: string, content: string, ...flags: string[]) {
  const dir = mkdtempSync(join(tmpdir(), 'skylab-net-'));
  dirs.push(dir);
  writeFileSync(join(dir, file), content);
  const out: string[] = [];
  const err: string[] = [];
  const code = simulateNetwork([file, ...flags], { cwd: dir, out: (l) => out.push(l), err: (l) => err.push(l) }, () => '');
  return { code, out, err };
}

describe('skylab simulate network', () => {
  it.each([
    ['the internet reaches the web server on 80', { Source: 'internet', Destination: 'i-web', Protocol: 'tcp', DestinationPort: 80 }, true, []],
    ['the web server reaches the database by group reference', { Source: 'i-web', Destination: 'i-db', Protocol: 'tcp', DestinationPort: 5432 }, true, []],
    ['the internet cannot reach the database', { Source: 'internet', Destination: 'i-db', Protocol: 'tcp', DestinationPort: 5432 }, false, ['NO_PUBLIC_IP', 'ENI_SG_RULES_MISMATCH', 'CANNOT_ROUTE']],
  ])('%s', (_name, query, found, codes) => {
    const { code, out } = run('net.json', JSON.stringify({ ...TOPOLOGY, Query: query }));
    expect(code).toBe(0);
    const analysis = JSON.parse(out.join('\n'));
    expect(analysis.NetworkPathFound).toBe(found);
    expect(analysis.Explanations.map((e: { ExplanationCode: string }) => e.ExplanationCode).sort()).toEqual([...codes].sort());
  });

  it('reads json lines, one describe document per line, and answers a line per query', () => {
    const lines = [
      ...Object.entries(TOPOLOGY).map(([key, value]) => JSON.stringify({ [key]: value })),
      JSON.stringify({ Queries: [{ Source: 'internet', Destination: 'i-web', Protocol: 'tcp', DestinationPort: 80 }, { Source: 'internet', Destination: 'i-web', Protocol: 'tcp', DestinationPort: 22 }] }),
    ];
    const { code, out } = run('net.jsonl', lines.join('\n'), '--exposure');
    expect(code).toBe(0);
    expect(out).toHaveLength(3);
    expect(out.map((l) => JSON.parse(l).NetworkPathFound)).toEqual([true, false, undefined]);
    expect(JSON.parse(out[2] ?? '{}').Exposure.Exposures).toMatchObject([{ InstanceId: 'i-web', Protocol: 'tcp', PortRange: { From: 80, To: 80 }, Scope: 'world' }]);
  });

  it.each([
    ['no query and no --exposure', JSON.stringify(TOPOLOGY), 'asks nothing'],
    ['a broken json line', '{"Vpcs": []}\n{oops', 'line 2'],
    ['a topology missing a field', JSON.stringify({ Vpcs: [{ VpcId: 'vpc-1' }], Query: { Source: 'internet', Destination: '10.0.0.1', Protocol: 'tcp', DestinationPort: 1 } }), '`CidrBlock`'],
  ])('refuses %s', (_name, content, message) => {
    const { code, err } = run('net.json', content);
    expect(code).toBe(2);
    expect(err.join('\n')).toContain(message);
  });
});

describe('skylab simulate network: errors name the file, the line and the key', () => {
  const query = { Source: 'internet', Destination: 'i-web', Protocol: 'tcp', DestinationPort: 80 };
  const { Subnets: _subnets, ...rest } = TOPOLOGY;
  it.each([
    ['a misspelt key on a json line', 'net.jsonl', [JSON.stringify(TOPOLOGY), JSON.stringify({ Query: query }), JSON.stringify({ Querys: [query] })].join('\n'), /^`net\.jsonl`: line 3: UnknownParameter: unknown key `Querys`: a network is given as `Vpcs`, /],
    ['a key of the wrong shape', 'net.json', JSON.stringify({ ...TOPOLOGY, Vpcs: TOPOLOGY.Vpcs[0], Query: query }), /^`net\.json`: `Vpcs` must be a list$/],
    ['a missing field, on the line that lacks it', 'net.jsonl', [JSON.stringify(rest), JSON.stringify({ Subnets: [{ SubnetId: 'subnet-x', VpcId: 'vpc-1' }] }), JSON.stringify({ Query: query })].join('\n'), /^`net\.jsonl`: line 2: InvalidParameterValue: subnet `subnet-x` needs `CidrBlock`$/],
    ['a syntax error in a pretty-printed document', 'net.json', JSON.stringify({ ...TOPOLOGY, Query: query }, null, 2).replace('"vpc-1",', '"vpc-1",,'), /^`net\.json`: line 4, column \d+: /],
    ['a document in an array that is not an object', 'net.json', JSON.stringify([{ ...TOPOLOGY, Query: query }, 'oops']), /^`net\.json`: item 2: a document must be a json object$/],
  ])('%s', (_name, file, content, message) => {
    const { code, err } = run(file, content);
    expect(code).toBe(2);
    expect(err.join('\n')).toMatch(message);
  });
});

describe('skylab simulate network --batch', () => {
  const scenario = (port: number) => JSON.stringify({ ...TOPOLOGY, Query: { Source: 'internet', Destination: 'i-web', Protocol: 'tcp', DestinationPort: port } });

  it.each([
    { name: 'a reachable port', line: scenario(80), expected: { Results: [{ NetworkPathFound: true }] } },
    { name: 'a closed port', line: scenario(22), expected: { Results: [{ NetworkPathFound: false }] } },
    { name: 'a line that is not json', line: '{oops', expected: { Error: { Code: 'InvalidInput' } } },
    { name: 'a line that is not an object', line: '[]', expected: { Error: { Code: 'InvalidInput', Message: 'a scenario must be a json object' } } },
    { name: 'a misspelt key', line: JSON.stringify({ ...TOPOLOGY, Querys: [] }), expected: { Error: { Code: 'UnknownParameter', Message: expect.stringMatching(/^unknown key `Querys`/) } } },
    { name: 'a scenario that asks nothing', line: JSON.stringify(TOPOLOGY), expected: { Error: { Code: 'InvalidInput', Message: expect.stringMatching(/asks nothing/) } } },
    { name: 'a subnet without its cidr', line: JSON.stringify({ ...TOPOLOGY, Subnets: [{ SubnetId: 'subnet-x', VpcId: 'vpc-1' }], Query: {} }), expected: { Error: { Code: 'InvalidParameterValue', Message: 'subnet `subnet-x` needs `CidrBlock`' } } },
  ])('answers $name on its own line, between good ones', ({ line, expected }) => {
    const { code, out } = run('batch.jsonl', [scenario(80), line, scenario(80)].join('\n'), '--batch');
    expect(out.map((l) => JSON.parse(l).Line)).toEqual([1, 2, 3]);
    expect(JSON.parse(out[1] as string)).toMatchObject({ Line: 2, ...expected });
    expect(JSON.parse(out[2] as string).Results[0].NetworkPathFound).toBe(true);
    expect(code).toBe('Error' in expected ? 1 : 0);
  });

  it('runs thousands of scenarios in one process, one answer per line in order', () => {
    const lines = Array.from({ length: 3000 }, (_, i) => scenario(i % 3 === 0 ? 22 : 80));
    const { code, out } = run('batch.jsonl', lines.join('\n'), '--batch');
    expect(code).toBe(0);
    expect(out).toHaveLength(3000);
    const answers = out.map((l) => JSON.parse(l));
    expect(answers.every((a, i) => a.Line === i + 1 && a.Results[0].NetworkPathFound === (i % 3 !== 0))).toBe(true);
  });

  it('adds the exposure to every scenario with --exposure', () => {
    const { code, out } = run('batch.jsonl', `${JSON.stringify(TOPOLOGY)}\n`, '--batch', '--exposure');
    expect(code).toBe(0);
    expect(JSON.parse(out[0] as string).Results[0].Exposure.Exposures).toMatchObject([{ InstanceId: 'i-web' }]);
  });
});
