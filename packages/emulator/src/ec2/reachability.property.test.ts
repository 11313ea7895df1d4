import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AwsError } from '../errors.ts';
import { evaluateAcl } from './acl-evaluation.ts';
import { parseCidr } from './cidr.ts';
import { threeTier, type Scenario } from './golden/scenarios.ts';
import { createNetworkAclEntry, replaceNetworkAclAssociation } from './network-acl-operations.ts';
import { analyzeReachability } from './reachability.ts';
import { reachabilityMatrix } from './reachability-matrix.ts';
import type { ReachabilityQuery } from './reachability-types.ts';
import { authorizeSecurityGroupEgress, authorizeSecurityGroupIngress } from './security-group-operations.ts';
import type { NetworkAcl, NetworkAclEntry } from './state.ts';

// Invariants of the analyzer (DESIGN §7), over random rule sets on the three-tier VPC:
// allowing more never breaks a path, a lower-numbered deny always wins, rule order does not matter,
// and the all-pairs matrix agrees with the analyzer pair by pair.

const CIDRS = ['0.0.0.0/0', '10.0.0.0/16', '10.0.1.0/24', '10.0.11.0/24', '10.0.21.0/24', '203.0.113.0/24', '198.51.100.0/24'];
const PORTS = [22, 53, 80, 443, 3306, 8080];
const GROUPS = ['lbSg', 'appSg', 'dbSg', 'bastionSg'];
const ACLS = ['publicAcl', 'appAcl', 'dbAcl', 'defaultAcl'];
const ENDPOINTS = ['internet', 'lb', 'bastion', 'app', 'db'];

interface SgRule {
  kind: 'sg';
  group: string;
  egress: boolean;
  protocol: 'tcp' | 'udp' | '-1';
  from: number;
  span: number;
  source: string;
}

interface AclRule {
  kind: 'acl';
  acl: string;
  number: number;
  egress: boolean;
  action: 'allow' | 'deny';
  protocol: '6' | '17' | '-1';
  from: number;
  span: number;
  cidr: string;
}

interface Config {
  sg: SgRule[];
  acl: AclRule[];
  custom: [boolean, boolean, boolean];
}

interface Query {
  source: string;
  destination: string;
  protocol: 'tcp' | 'udp';
  port: number;
  sourceIp: string | undefined;
}

const port = fc.oneof(fc.constantFrom(...PORTS), fc.integer({ min: 0, max: 65535 }));
const sgRule: fc.Arbitrary<SgRule> = fc.record({
  kind: fc.constant('sg' as const),
  group: fc.constantFrom(...GROUPS),
  egress: fc.boolean(),
  protocol: fc.constantFrom('tcp' as const, 'udp' as const, '-1' as const),
  from: port,
  span: fc.constantFrom(0, 0, 10, 65535),
  source: fc.constantFrom(...CIDRS, ...GROUPS),
});
const aclRule = (action?: 'allow' | 'deny'): fc.Arbitrary<AclRule> =>
  fc.record({
    kind: fc.constant('acl' as const),
    acl: fc.constantFrom(...ACLS),
    number: fc.integer({ min: 2, max: 400 }),
    egress: fc.boolean(),
    action: action ? fc.constant(action) : fc.constantFrom('allow' as const, 'deny' as const),
    protocol: fc.constantFrom('6' as const, '17' as const, '-1' as const),
    from: fc.oneof(port, fc.constant(1024)),
    span: fc.constantFrom(0, 100, 65535),
    cidr: fc.constantFrom(...CIDRS),
  });
const uniqueAclRules = fc.uniqueArray(aclRule(), { selector: (r) => `${r.acl}|${r.number}|${r.egress}`, maxLength: 12 });
const config: fc.Arbitrary<Config> = fc.record({
  sg: fc.array(sgRule, { maxLength: 10 }),
  acl: uniqueAclRules,
  custom: fc.tuple(fc.boolean(), fc.boolean(), fc.boolean()),
});
const query: fc.Arbitrary<Query> = fc.record({
  source: fc.constantFrom(...ENDPOINTS),
  destination: fc.constantFrom(...ENDPOINTS),
  protocol: fc.constantFrom('tcp' as const, 'udp' as const),
  port: fc.constantFrom(...PORTS),
  sourceIp: fc.constantFrom(undefined, '203.0.113.9', '198.51.100.9'),
});

function rangeOf(text: string) {
  const range = parseCidr(text);
  if (!range) throw new Error(`bad cidr ${text}`);
  return range;
}

function apply(scenario: Scenario, rule: SgRule | AclRule): void {
  const { state, names } = scenario;
  try {
    if (rule.kind === 'sg') {
      const to = Math.min(65535, rule.from + rule.span);
      const isGroup = GROUPS.includes(rule.source);
      const permission = {
        IpProtocol: rule.protocol,
        ...(rule.protocol === '-1' ? {} : { FromPort: rule.from, ToPort: to }),
        IpRanges: isGroup ? [] : [{ CidrIp: rule.source }],
        UserIdGroupPairs: isGroup ? [{ GroupId: names[rule.source] ?? '' }] : [],
      };
      const input = { GroupId: names[rule.group] ?? '', IpPermissions: [permission] };
      if (rule.egress) authorizeSecurityGroupEgress(state, input);
      else authorizeSecurityGroupIngress(state, input);
    } else {
      createNetworkAclEntry(state, {
        NetworkAclId: names[rule.acl] ?? '',
        RuleNumber: rule.number,
        Protocol: rule.protocol,
        RuleAction: rule.action,
        Egress: rule.egress,
        CidrBlock: rule.cidr,
        PortRange: rule.protocol === '-1' ? undefined : { From: rule.from, To: Math.min(65535, rule.from + rule.span) },
      });
    }
  } catch (error) {
    // A duplicate rule or a taken rule number is the API refusing the change: the state stays as it was.
    if (!(error instanceof AwsError)) throw error;
  }
}

function build(c: Config, order: 'as-given' | 'reversed' = 'as-given'): Scenario {
  const scenario = threeTier();
  const { state, names, ctx } = scenario;
  const moves: [string, string][] = [['publicAcl', 'publicAclAssoc'], ['appAcl', 'appAclAssoc'], ['dbAcl', 'dbAclAssoc']];
  c.custom.forEach((use, i) => {
    const [acl, assoc] = moves[i] as [string, string];
    if (use) replaceNetworkAclAssociation(state, { AssociationId: names[assoc] ?? '', NetworkAclId: names[acl] ?? '' }, ctx);
  });
  const rules: (SgRule | AclRule)[] = [...c.sg, ...c.acl];
  for (const rule of order === 'as-given' ? rules : rules.reverse()) apply(scenario, rule);
  return scenario;
}

function toQuery(scenario: Scenario, q: Query): ReachabilityQuery {
  const name = (e: string) => (e === 'internet' ? 'internet' : (scenario.names[e] ?? e));
  return { Source: name(q.source), Destination: name(q.destination), Protocol: q.protocol, DestinationPort: q.port, SourceIp: q.source === 'internet' ? q.sourceIp : undefined };
}

function analyze(scenario: Scenario, q: Query) {
  if (q.source === q.destination || (q.source === 'internet' && q.destination === 'internet')) return undefined;
  return analyzeReachability(scenario.state, toQuery(scenario, q));
}

describe('reachability properties', () => {
  it('adding an allow rule never breaks a path that existed', () => {
    fc.assert(
      fc.property(config, query, fc.oneof(sgRule, aclRule('allow')), (c, q, extra) => {
        const scenario = build(c);
        const before = analyze(scenario, q);
        fc.pre(before?.NetworkPathFound === true);
        apply(scenario, extra);
        expect(analyze(scenario, q)?.NetworkPathFound).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('a lower-numbered deny always wins over a higher allow (acl evaluation)', () => {
    const entry = fc.record({
      RuleNumber: fc.integer({ min: 2, max: 32766 }),
      Protocol: fc.constantFrom('6', '17', '-1'),
      RuleAction: fc.constantFrom('allow' as const, 'deny' as const),
      Egress: fc.constant(false),
      CidrBlock: fc.constantFrom(...CIDRS),
      PortRange: fc.record({ From: fc.integer({ min: 0, max: 1000 }), To: fc.integer({ min: 1000, max: 65535 }) }),
    });
    fc.assert(
      fc.property(fc.uniqueArray(entry, { selector: (e) => e.RuleNumber, maxLength: 10 }), fc.constantFrom(...CIDRS), fc.integer({ min: 0, max: 65535 }), (entries, remote, p) => {
        const lowest = Math.min(32767, ...entries.map((e) => e.RuleNumber));
        const deny: NetworkAclEntry = { RuleNumber: lowest - 1, Protocol: '-1', RuleAction: 'deny', Egress: false, CidrBlock: '0.0.0.0/0' };
        const acl: NetworkAcl = { NetworkAclId: 'acl-1', VpcId: 'vpc-1', IsDefault: false, OwnerId: '1', Entries: [...entries, deny], Associations: [], Tags: [] };
        const result = evaluateAcl(acl, false, { remote: rangeOf(remote), protocol: '6', ports: { From: p, To: p } });
        expect(result).toMatchObject({ decision: 'deny', entry: { RuleNumber: lowest - 1 } });
      }),
      { numRuns: 300 },
    );
  });

  it('a lower-numbered deny in the subnet acl blocks a path that was found, and is named', () => {
    fc.assert(
      fc.property(config, query, (c, q) => {
        const scenario = build(c);
        const before = analyze(scenario, q);
        fc.pre(before?.NetworkPathFound === true);
        const crossed = before?.ForwardPathComponents.find((p) => p.AclRule);
        fc.pre(crossed !== undefined);
        const aclId = crossed?.Component.Id ?? '';
        const egress = crossed?.AclRule?.Egress ?? false;
        createNetworkAclEntry(scenario.state, { NetworkAclId: aclId, RuleNumber: 1, Protocol: '-1', RuleAction: 'deny', Egress: egress, CidrBlock: '0.0.0.0/0' });
        const after = analyze(scenario, q);
        expect(after?.NetworkPathFound).toBe(false);
        expect(after?.Explanations.some((e) => e.ExplanationCode === 'SUBNET_ACL_RESTRICTION' && e.AclRule?.RuleNumber === 1)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('the answer does not depend on the order rules were added in', () => {
    fc.assert(
      fc.property(config, query, (c, q) => {
        expect(analyze(build(c, 'reversed'), q)).toEqual(analyze(build(c), q));
      }),
      { numRuns: 200 },
    );
  });

  it('the all-pairs matrix agrees with the analyzer pair by pair', () => {
    fc.assert(
      fc.property(config, fc.constantFrom('tcp' as const, 'udp' as const), fc.constantFrom(...PORTS), (c, protocol, p) => {
        const scenario = build(c);
        const matrix = reachabilityMatrix(scenario.state, { Protocol: protocol, DestinationPort: p });
        const instances = ['lb', 'bastion', 'app', 'db'].map((n) => scenario.names[n] ?? '');
        for (const a of instances) {
          for (const b of instances) {
            if (a === b) continue;
            const analysis = analyzeReachability(scenario.state, { Source: a, Destination: b, Protocol: protocol, DestinationPort: p });
            expect(matrix.Reachable[a]?.includes(b), `${a} → ${b}`).toBe(analysis.NetworkPathFound);
          }
        }
      }),
      { numRuns: 150 },
    );
  });
});
