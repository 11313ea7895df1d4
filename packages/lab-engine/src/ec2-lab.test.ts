import { describe, expect, it } from 'vitest';
import type { Lab } from '@skylab/validation';
import { grade } from './grade.ts';
import { LabError } from './lab-error.ts';
import { loadLab } from './load-lab.ts';
import { provision } from './provision.ts';
import { resourceNames } from './resource-names.ts';
import { testCtx } from './test-ctx.ts';
import { renderLab } from './view.ts';

const LAB_TEXT = `apiVersion: skylab.dev/v1
id: two-tier
title: Two tiers
summary: A web and an app tier
description: Write the groups
difficulty: beginner
estimatedMinutes: 5
track: networking
params:
  appPort: { kind: choice, values: ["8080"] }
setup:
  ec2:
    vpcs: [{ Name: main, CidrBlock: 10.0.0.0/16 }]
    internetGateways: [{ Name: igw, VpcId: main }]
    subnets:
      - { Name: public, VpcId: main, CidrBlock: 10.0.1.0/24 }
      - { Name: private, VpcId: main, CidrBlock: 10.0.2.0/24 }
    routeTables:
      - Name: public-rt
        VpcId: main
        Routes: [{ DestinationCidrBlock: 0.0.0.0/0, GatewayId: igw }]
        Associations: [{ SubnetId: public }]
    securityGroups:
      - { GroupName: web-sg, Description: web, VpcId: main }
      - { GroupName: app-sg, Description: app, VpcId: main }
    instances:
      - { Name: web, SubnetId: public, SecurityGroupIds: [web-sg], AssociatePublicIpAddress: true }
      - { Name: app, SubnetId: private, SecurityGroupIds: [app-sg] }
tasks:
  - kind: security-groups
    id: groups
    title: The groups
    prompt: Write them
    groups: [web-sg, app-sg]
checks:
  - id: web-https
    title: the internet reaches web on 443
    reachability: { source: internet, destination: web, port: 443, expect: reachable }
    feedback: { pass: open, fail: closed }
  - id: app-from-web
    title: web reaches app
    reachability: { source: web, destination: app, port: "{{ appPort }}", expect: reachable }
    feedback: { pass: open, fail: closed }
  - id: only-web
    title: only web is exposed
    exposure: { onlyExposed: [web], notExposed: { port: 22, scope: world } }
    feedback: { pass: good, fail: bad }
    misconceptions: [too-open]
  - id: lint-clean
    title: no world-open ssh
    lint: { task: groups, rules: [sg/ssh-open-to-world] }
    feedback: { pass: good, fail: bad }
  - id: same-network
    title: every path as the solution's
    equivalent-reachability: { task: groups }
    feedback: { pass: good, fail: bad }
solution:
  answers:
    groups: |
      SecurityGroups:
        - GroupName: web-sg
          IpPermissions:
            - { IpProtocol: tcp, FromPort: 443, ToPort: 443, IpRanges: [{ CidrIp: 0.0.0.0/0 }] }
        - GroupName: app-sg
          IpPermissions:
            - { IpProtocol: tcp, FromPort: 8080, ToPort: 8080, UserIdGroupPairs: [{ GroupName: web-sg }] }
`;

// The `port` above is templated text, which the schema refuses; the fixture uses a number.
const TEXT = LAB_TEXT.replace('port: "{{ appPort }}"', 'port: 8080');
const LAB = loadLab(TEXT).lab as Lab;
const SOLUTION = LAB.solution.answers.groups as string;

function gradeWith(answer: string) {
  const ctx = testCtx();
  return grade(LAB, provision(LAB, 'seed', ctx), { groups: answer }, ctx);
}

describe('an EC2 lab', () => {
  it('loads, and provisions every resource under its name', () => {
    expect(loadLab(TEXT).findings).toEqual([]);
    const names = resourceNames(provision(LAB, 'seed', testCtx()).state);
    expect([...names.byName].map(([name, r]) => `${name}:${r.kind}`)).toEqual([
      'main:vpc', 'igw:internet gateway', 'public:subnet', 'private:subnet', 'public-rt:route table', 'web-sg:security group', 'app-sg:security group', 'web:instance', 'app:instance',
    ]);
    expect(renderLab(LAB).tasks[0]?.language).toBe('yaml');
  });

  it('scores the solution 100% with the path in the explanation', () => {
    const outcome = gradeWith(SOLUTION);
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.findings));
    expect(outcome.grade.checks.map((c) => `${c.id}:${c.status}`)).toEqual(['web-https:pass', 'app-from-web:pass', 'only-web:pass', 'lint-clean:pass', 'same-network:pass']);
    expect(outcome.grade.checks[0]?.explanation).toContain('the path exists: `internet` → `igw` → `main default network acl` (allow rule 100) → `web-sg` (ingress rule tcp 443 from `0.0.0.0/0`) → `web`');
    expect(outcome.grade.checks[1]?.explanation).toContain('`web-sg` (egress rule all traffic to `0.0.0.0/0`)');
    expect(outcome.grade.checks[1]?.explanation).toContain('`app-sg` (ingress rule tcp 8080 from group `web-sg`)');
    expect(outcome.grade.checks[2]?.explanation).toBe('the internet reaches only: `web` accepts tcp 443 from `0.0.0.0/0` through `web-sg`');
  });

  it.each<[string, string, Record<string, string>, string]>([
    ['a cidr instead of the group', SOLUTION.replace('UserIdGroupPairs: [{ GroupName: web-sg }]', 'IpRanges: [{ CidrIp: 203.0.113.0/24 }]'), { 'app-from-web': 'fail', 'same-network': 'fail' }, 'ENI_SG_RULES_MISMATCH: the security groups of `app` do not allow inbound `tcp` port `8080` from `10.0.1.'],
    ['ssh open to the world', SOLUTION.replace('- { IpProtocol: tcp, FromPort: 443', '- { IpProtocol: tcp, FromPort: 22, ToPort: 22, IpRanges: [{ CidrIp: 0.0.0.0/0 }] }\n      - { IpProtocol: tcp, FromPort: 443'), { 'only-web': 'fail', 'lint-clean': 'fail', 'same-network': 'fail' }, 'exposed against the rule: `web` accepts tcp 22 from `0.0.0.0/0` through `web-sg`'],
    ['the app on the internet side', SOLUTION.replace('IpProtocol: tcp, FromPort: 443, ToPort: 443', 'IpProtocol: tcp, FromPort: 80, ToPort: 80'), { 'web-https': 'fail', 'same-network': 'fail' }, 'no path: ENI_SG_RULES_MISMATCH: the security groups of `web` do not allow inbound `tcp` port `443`'],
  ])('fails %s with the analyzer’s reason', (_name, answer, statuses, explanation) => {
    const outcome = gradeWith(answer);
    if (!outcome.ok) throw new Error(JSON.stringify(outcome.findings));
    const failed = Object.fromEntries(outcome.grade.checks.filter((c) => c.status !== 'pass').map((c) => [c.id, c.status]));
    expect(failed).toEqual(statuses);
    expect(outcome.grade.checks.filter((c) => c.status !== 'pass').map((c) => c.explanation).join('\n')).toContain(explanation);
  });

  it.each<[string, string, string, number, number]>([
    ['a port range AWS refuses', SOLUTION.replace('FromPort: 443, ToPort: 443', 'FromPort: 443, ToPort: 80'), 'aws/InvalidPermission.Malformed', 4, 9],
    ['a duplicate rule', SOLUTION.replace('    IpPermissions:\n      - { IpProtocol: tcp, FromPort: 443, ToPort: 443, IpRanges: [{ CidrIp: 0.0.0.0/0 }] }', '    IpPermissions:\n      - { IpProtocol: tcp, FromPort: 443, ToPort: 443, IpRanges: [{ CidrIp: 0.0.0.0/0 }] }\n      - { IpProtocol: tcp, FromPort: 443, ToPort: 443, IpRanges: [{ CidrIp: 0.0.0.0/0 }] }'), 'aws/InvalidPermission.Duplicate', 5, 9],
    ['an unknown referenced group', SOLUTION.replace('GroupName: web-sg }', 'GroupName: lb-sg }'), 'aws/InvalidGroup.NotFound', 7, 90],
    ['a group outside the task', SOLUTION.replace('- GroupName: app-sg', '- GroupName: app-sgx'), 'aws/InvalidGroup.NotFound', 5, 16],
    ['a misspelt field', SOLUTION.replace('IpProtocol: tcp, FromPort: 443', 'IpProtocl: tcp, FromPort: 443'), 'security-groups/unknown-element', 4, 11],
    ['broken yaml', 'SecurityGroups: [', 'yaml/syntax', 1, 18],
  ])('refuses %s with a finding at its line and column', (_name, answer, ruleId, line, column) => {
    const outcome = gradeWith(answer);
    expect(outcome.ok).toBe(false);
    const finding = outcome.findings.find((f) => f.ruleId === ruleId);
    expect(finding, JSON.stringify(outcome.findings)).toBeDefined();
    expect(finding?.path[0]).toBe('groups');
    expect([finding?.range?.start.line, finding?.range?.start.column]).toEqual([line, column]);
  });

  it('fails closed when a check names what the account does not have', () => {
    const lab = { ...LAB, checks: [{ ...LAB.checks[0]!, reachability: { ...LAB.checks[0]!.reachability!, destination: '{{ appPort }}' } }] };
    const ctx = testCtx();
    const outcome = grade(lab, provision(lab, 'seed', ctx), { groups: SOLUTION }, ctx);
    expect(outcome.ok && outcome.grade.checks[0]).toMatchObject({ status: 'error', points: 0, explanation: 'there is no instance called `8080` in the account' });
  });

  it.each<[string, string, string, string]>([
    ['a check naming an unknown instance', 'destination: web, port: 443', 'destination: webb, port: 443', 'the setup creates no instance called `webb`'],
    ['a check naming a group as an endpoint', 'destination: web, port: 443', 'destination: web-sg, port: 443', '`web-sg` is a security group, not an instance'],
    ['a task naming an unknown group', 'groups: [web-sg, app-sg]', 'groups: [web-sg, db-sg]', 'the setup creates no security group called `db-sg`'],
    ['a subnet in an unknown vpc', '{ Name: private, VpcId: main,', '{ Name: private, VpcId: mian,', 'the setup creates no vpc called `mian`'],
    ['a duplicate name', '{ Name: private, VpcId', '{ Name: public, VpcId', 'the name `public` is used twice in the setup: names identify resources, so each must be unique'],
    ['a lint check of an unknown task', 'lint: { task: groups', 'lint: { task: policy', 'there is no task `policy` to lint'],
  ])('reports %s at load time with its line', (_name, from, to, message) => {
    const text = TEXT.replace(from, to);
    const { lab, findings } = loadLab(text);
    expect(lab).toBeUndefined();
    const finding = findings.find((f) => f.message === message);
    expect(finding, JSON.stringify(findings.map((f) => f.message))).toBeDefined();
    expect(finding?.range?.start.line).toBe(text.slice(0, text.lastIndexOf(to)).split('\n').length);
  });

  it('reports setup AWS refuses as a LabError at the element', () => {
    const broken = loadLab(TEXT.replace('CidrBlock: 10.0.2.0/24', 'CidrBlock: 10.1.2.0/24')).lab as Lab;
    expect(() => provision(broken, 'seed', testCtx())).toThrow(LabError);
    try {
      provision(broken, 'seed', testCtx());
    } catch (error) {
      expect((error as LabError).findings[0]).toMatchObject({ ruleId: 'aws/InvalidSubnet.Range', path: ['setup', 'ec2', 'subnets', 1] });
    }
  });
});
