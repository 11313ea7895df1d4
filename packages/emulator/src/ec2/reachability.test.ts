import { describe, expect, it } from 'vitest';
import { AwsError } from '../errors.ts';
import { exposureReport } from './exposure.ts';
import { peeredVpcs } from './golden/scenarios.ts';
import { analyzeReachability } from './reachability.ts';
import { reachabilityMatrix } from './reachability-matrix.ts';
import type { ReachabilityQuery } from './reachability-types.ts';
import { ec2StateFromDescribe } from './topology.ts';

// What the golden cases cannot say: input the analyzer refuses (unknown keys are reported, never
// ignored), and the matrix and exposure report agreeing with the analyzer on a described network that
// holds peering routes, blackholes and a NAT gateway.

function errorOf(run: () => unknown): AwsError | undefined {
  try {
    run();
  } catch (error) {
    if (error instanceof AwsError) return error;
    throw error;
  }
  return undefined;
}

describe('unknown input keys are reported', () => {
  const { state } = peeredVpcs();
  it.each([
    ['a misspelt source address', { Source: 'internet', SourceIP: '203.0.113.5', Destination: 'i-web', Protocol: 'tcp', DestinationPort: 80 }, /unknown key `SourceIP` in the query/],
    ['a port under another name', { Source: 'i-web', Destination: 'i-app', Protocol: 'tcp', DestinationPort: 8080, Port: 8080 }, /unknown key `Port`/],
    ['two unknown keys at once', { Source: 'i-web', Destination: 'i-app', Protocol: 'tcp', DestinationPort: 8080, Via: 'x', Filter: 'y' }, /unknown keys `Via`, `Filter`/],
  ])('analyzeReachability: %s', (_name, query, message) => {
    const error = errorOf(() => analyzeReachability(state, query as unknown as ReachabilityQuery));
    expect(error?.code).toBe('UnknownParameter');
    expect(error?.message).toMatch(message);
  });

  it('reachabilityMatrix refuses an unknown key', () => {
    const error = errorOf(() => reachabilityMatrix(state, { Protocol: 'tcp', DestinationPort: 80, Source: 'i-web' } as never));
    expect(error?.code).toBe('UnknownParameter');
    expect(error?.message).toMatch(/unknown key `Source` in the matrix query/);
  });

  it.each([
    ['a misspelt member', [{ Vpcs: [], SecurityGroup: [] }], /unknown key `SecurityGroup`/],
    ['in the second document', [{ Vpcs: [] }, { Subnet: [] }], /unknown key `Subnet` in document 2/],
  ])('ec2StateFromDescribe: %s', (_name, documents, message) => {
    const error = errorOf(() => ec2StateFromDescribe(documents as never));
    expect(error?.code).toBe('UnknownParameter');
    expect(error?.message).toMatch(message);
  });

  it('ec2StateFromDescribe takes the caller\'s own keys and the members it passes over', () => {
    expect(() => ec2StateFromDescribe([{ Query: {}, NextToken: 'x', VpcPeeringConnections: [] } as never], { otherKeys: ['Query'] })).not.toThrow();
  });
});

describe('a described network with peering, blackholes and a nat gateway', () => {
  const { state } = peeredVpcs();

  it('the matrix agrees with the analyzer pair by pair, and lists what it did not model', () => {
    for (const protocol of ['tcp', 'udp'] as const) {
      for (const port of [80, 443, 5432, 8080]) {
        const matrix = reachabilityMatrix(state, { Protocol: protocol, DestinationPort: port });
        const notes = new Set<string>();
        for (const a of Object.keys(state.ec2.instances)) {
          for (const b of Object.keys(state.ec2.instances)) {
            if (a === b) continue;
            const analysis = analyzeReachability(state, { Source: a, Destination: b, Protocol: protocol, DestinationPort: port });
            expect(matrix.Reachable[a]?.includes(b) ?? false, `${a} → ${b} ${protocol} ${port}`).toBe(analysis.NetworkPathFound);
            for (const note of analysis.Unsupported) notes.add(note);
          }
        }
        expect(new Set(matrix.Unsupported)).toEqual(notes);
      }
    }
    expect(reachabilityMatrix(state, { Protocol: 'tcp', DestinationPort: 5432 }).Unsupported.join('\n')).toMatch(/vpc peering connection `pcx-ab`.*vpc peering is not modelled/);
  });

  it('the return route through the nat gateway is named as the nat gateway', () => {
    const analysis = analyzeReachability(state, { Source: 'internet', Destination: 'i-app', Protocol: 'tcp', DestinationPort: 8080, SourceIp: '10.0.0.0/8' });
    const back = analysis.Explanations.find((e) => e.ExplanationCode === 'CANNOT_ROUTE');
    expect(back?.NatGateway).toEqual({ Id: 'nat-a' });
    expect(back?.Reason).toMatch(/never accepts one started from the internet/);
  });

  it('the exposure report agrees: the nat gateway is never exposed, the web server on 80 is', () => {
    const report = exposureReport(state);
    expect(report.Exposures.map((e) => `${e.InstanceId ?? e.NetworkInterfaceId} ${e.Protocol} ${e.PortRange?.From}`)).toEqual(['i-web tcp 80']);
    for (const exposure of report.Exposures) {
      const analysis = analyzeReachability(state, { Source: 'internet', Destination: exposure.InstanceId ?? exposure.NetworkInterfaceId, Protocol: 'tcp', DestinationPort: exposure.PortRange?.From ?? 0 });
      expect(analysis.NetworkPathFound).toBe(true);
    }
    expect(analyzeReachability(state, { Source: 'internet', Destination: 'nat-a', Protocol: 'tcp', DestinationPort: 80 }).NetworkPathFound).toBe(false);
  });
});
