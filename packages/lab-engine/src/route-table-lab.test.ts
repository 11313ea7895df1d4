import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Lab } from '@skylab/validation';
import { grade } from './grade.ts';
import { loadLab } from './load-lab.ts';
import { routeTableMutants } from './mutants/route-table-mutants.ts';
import { provision } from './provision.ts';
import { testCtx } from './test-ctx.ts';

// The route table task through the lab that teaches it (labs/vpc-public-private-subnets-nat): answers
// applied through CreateRoute/AssociateRouteTable, graded by paths, with Availability Zone outages.

const FILE = join(import.meta.dirname, '../../../labs/vpc-public-private-subnets-nat/lab.yaml');
const LAB = loadLab(readFileSync(FILE, 'utf8')).lab as Lab;
const SOLUTION = LAB.solution.answers['route-tables'] as string;

function graded(answer: string) {
  const ctx = testCtx();
  return grade(LAB, provision(LAB, 'seed', ctx), { 'route-tables': answer }, ctx);
}

function explanation(answer: string, check: string): string {
  const outcome = graded(answer);
  if (!outcome.ok) throw new Error(outcome.findings.map((f) => f.message).join('; '));
  return outcome.grade.checks.find((c) => c.id === check)?.explanation ?? '';
}

const table = (name: string, routes: string, associations: string) => `  - RouteTableId: ${name}\n    Routes: ${routes}\n    Associations: ${associations}\n`;

describe('route-table task', () => {
  it('scores the solution 100%', () => {
    const outcome = graded(SOLUTION);
    expect(outcome.ok && outcome.grade.score).toBe(1);
  });

  it.each([
    ['a name that is no route table', `RouteTables:\n${table('main-igw', '[]', '[]')}`, 'aws/InvalidRouteTableID.NotFound', 'there is no route table called `main-igw`'],
    ['a gateway that does not exist', `RouteTables:\n${table('public-rt', '[{ DestinationCidrBlock: 0.0.0.0/0, GatewayId: igw-2 }]', '[]')}`, 'lab/unknown-resource', 'there is no internet gateway called `igw-2`'],
    ['the same destination twice (RouteAlreadyExists)', `RouteTables:\n${table('public-rt', '[{ DestinationCidrBlock: 0.0.0.0/0, GatewayId: main-igw }, { DestinationCidrBlock: 0.0.0.0/0, NatGatewayId: nat-a }]', '[]')}`, 'aws/RouteAlreadyExists', 'already exists'],
    ['one subnet in two tables (Resource.AlreadyAssociated)', `RouteTables:\n${table('public-rt', '[]', '[{ SubnetId: public-a }]')}${table('private-a-rt', '[]', '[{ SubnetId: public-a }]')}`, 'aws/Resource.AlreadyAssociated', 'conflicts with an existing association'],
    ['two targets in one route', `RouteTables:\n${table('public-rt', '[{ DestinationCidrBlock: 0.0.0.0/0, GatewayId: main-igw, NatGatewayId: nat-a }]', '[]')}`, 'route-table/custom', 'exactly one target'],
  ])('refuses %s with a finding in the answer', (_what, answer, ruleId, message) => {
    const outcome = graded(answer);
    expect(outcome.ok).toBe(false);
    const finding = outcome.findings[0];
    expect(finding?.path[0]).toBe('route-tables');
    expect(finding?.ruleId).toBe(ruleId);
    expect(finding?.message).toContain(message);
  });

  it('moves a subnet from one listed table to another', () => {
    const answer = SOLUTION.replace('Associations: [{ SubnetId: private-b }]', 'Associations: []').replace('Associations: [{ SubnetId: private-a }]', 'Associations: [{ SubnetId: private-a }, { SubnetId: private-b }]');
    const outcome = graded(answer);
    expect(outcome.ok).toBe(true);
  });

  it('names the route table and route that decided a path', () => {
    const text = explanation(LAB.wrongAnswers.find((w) => w.id === 'private-to-igw')?.answers['route-tables'] as string, 'app-a-outbound');
    expect(text).toContain('`private-a-rt` (route `0.0.0.0/0` → `main-igw`)');
    expect(text).toContain('NO_PUBLIC_IP');
  });

  it('tells a NAT gateway in one zone from one per zone by failing each zone', () => {
    const text = explanation(LAB.wrongAnswers.find((w) => w.id === 'single-az-nat')?.answers['route-tables'] as string, 'same-network');
    expect(text).toContain('again with each of `us-east-1a`, `us-east-1b` failed');
    expect(text).toContain('when `us-east-1a` fails (its nat gateways and instances down), your network blocks what the reference lets through');
    expect(text).toContain('- `app-b` → the internet (`52.94.76.10`) on tcp 22\n  no path: BAD_STATE_ROUTE: the route to `0.0.0.0/0` in `private-a-rt` is a blackhole: nat gateway `nat-a` is `failed`');
    expect(text).not.toContain('when `us-east-1b` fails');
  });

  it('catches a public address in a private subnet routed to the internet gateway', () => {
    const text = explanation(LAB.wrongAnswers.find((w) => w.id === 'everything-public')?.answers['route-tables'] as string, 'same-network');
    expect(text).toContain('the internet (`52.94.76.10`) → an instance with a public address in `private-a`');
  });
});

describe('route table labs at load time', () => {
  const TEXT = readFileSync(FILE, 'utf8');

  it.each([
    ['a route to a NAT gateway the setup does not create', (t: string) => t.replace('- { Name: private-b-rt, VpcId: "{{ team }}-vpc" }', '- { Name: private-b-rt, VpcId: "{{ team }}-vpc", Routes: [{ DestinationCidrBlock: 0.0.0.0/0, NatGatewayId: nat-c }] }'), 'lab/unknown-resource', 'the setup creates no nat gateway called `nat-c`'],
    ['a NAT gateway in a subnet the setup does not create', (t: string) => t.replace('{ Name: nat-b, SubnetId: public-b }', '{ Name: nat-b, SubnetId: public-c }'), 'lab/unknown-resource', 'the setup creates no subnet called `public-c`'],
    ['a task naming a subnet as a table', (t: string) => t.replace('routeTables: [public-rt, private-a-rt, private-b-rt]', 'routeTables: [public-rt, private-a, private-b-rt]'), 'lab/unknown-resource', '`private-a` is a subnet, not a route table'],
    ['a task without its comparison', (t: string) => t.replace('equivalent-reachability: { task: route-tables }', 'reachability: { source: app-b, destination: internet, protocol: udp, port: 53, expect: reachable }'), 'lab/task-without-exhaustive-check', 'task `route-tables` has no `equivalent-reachability` check'],
  ])('reports %s', (_what, edit, ruleId, message) => {
    const text = edit(TEXT);
    expect(text).not.toBe(TEXT);
    const { lab, findings } = loadLab(text);
    expect(lab).toBeUndefined();
    expect(findings.find((f) => f.ruleId === ruleId)?.message).toContain(message);
  });
});

describe('route table mutants', () => {
  const context = { accountId: '111122223333', groupCidrs: new Map(), gateways: { internet: ['igw'], nat: ['nat-a', 'nat-b'] } };
  const answer = 'RouteTables:\n  - { RouteTableId: pub, Routes: [{ DestinationCidrBlock: 0.0.0.0/0, GatewayId: igw }], Associations: [{ SubnetId: s1 }] }\n  - { RouteTableId: priv, Routes: [{ DestinationCidrBlock: 10.1.0.0/16, NatGatewayId: nat-a }], Associations: [] }\n';
  const descriptions = routeTableMutants('t', answer, context).map((m) => m.description);

  it.each([
    '`pub` route to `0.0.0.0/0`: removed',
    '`pub` route to `0.0.0.0/0`: target `igw` swapped for `nat-a`',
    '`pub` route to `0.0.0.0/0`: destination `0.0.0.0/0` narrowed to `0.0.0.0/1`',
    '`priv` route to `10.1.0.0/16`: target `nat-a` swapped for `igw`',
    '`priv` route to `10.1.0.0/16`: target `nat-a` swapped for `nat-b`',
    '`priv` route to `10.1.0.0/16`: destination `10.1.0.0/16` widened to `10.0.0.0/15`',
    '`s1` no longer associated with `pub` (it falls back to the main route table)',
    '`s1` associated with `priv` instead of `pub`',
    '`priv`: a default route (`0.0.0.0/0`) to `igw` added',
  ])('include %s', (description) => {
    expect(descriptions).toContain(description);
  });

  it('never widen `0.0.0.0/0` nor add a second default route', () => {
    expect(descriptions.filter((d) => d.includes('widened to') && d.includes('`pub`'))).toEqual([]);
    expect(descriptions).not.toContain('`pub`: a default route (`0.0.0.0/0`) to `igw` added');
  });
});
