import { lint, loadYaml } from '@skylab/validation';
import { describe, expect, it } from 'vitest';
import { answerText, readAnswer, rowSpecFor, writeAnswer, type AnswerDocument } from './answer-document.ts';
import { findingsByCell, type RowSpec } from './rule-rows.ts';

// Answers in the shapes the labs' prompts ask for: `DescribeSecurityGroups`, `DescribeNetworkAcls` entries and
// `DescribeRules` output (https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_IpPermission.html,
// https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_NetworkAclEntry.html,
// https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_Rule.html).

const SECURITY_GROUPS = `SecurityGroups:
  - GroupName: web-sg
    IpPermissions:
      - { IpProtocol: tcp, FromPort: 443, ToPort: 443, IpRanges: [{ CidrIp: 0.0.0.0/0, Description: https from customers }] }
      - { IpProtocol: tcp, FromPort: 80, ToPort: 80, IpRanges: [{ CidrIp: 0.0.0.0/0 }, { CidrIp: 10.0.0.0/16 }], UserIdGroupPairs: [{ GroupName: app-sg, UserId: "123456789012" }] }
  - GroupName: app-sg
    IpPermissions:
      - { IpProtocol: "6", FromPort: 8080, ToPort: 8080, UserIdGroupPairs: [{ GroupName: web-sg }] }
    IpPermissionsEgress:
      - { IpProtocol: -1, IpRanges: [{ CidrIp: 0.0.0.0/0 }] }
  - GroupName: db-sg
    IpPermissions: []
`;

const NACL = `Entries:
  - { RuleNumber: 90, Protocol: "-1", RuleAction: deny, Egress: false, CidrBlock: 198.51.100.0/24 }
  - { RuleNumber: 100, Protocol: "6", RuleAction: allow, Egress: false, CidrBlock: 0.0.0.0/0, PortRange: { From: 443, To: 443 } }
  - { RuleNumber: 110, Protocol: 1, RuleAction: allow, Egress: true, CidrBlock: 0.0.0.0/0, IcmpTypeCode: { Type: -1, Code: -1 } }
`;

const LISTENER_RULES = `{
  "Rules": [
    { "Priority": 10, "Conditions": [{ "Field": "path-pattern", "Values": ["/api/*"] }], "Actions": [{ "Type": "forward", "TargetGroupArn": "api-tg" }] },
    { "Priority": "20", "Conditions": [{ "Field": "host-header", "HostHeaderConfig": { "Values": ["static.example.com"] } }, { "Field": "http-header", "HttpHeaderConfig": { "HttpHeaderName": "X-Env", "Values": ["beta"] } }], "Actions": [{ "Type": "fixed-response", "FixedResponseConfig": { "StatusCode": "404", "ContentType": "text/plain" } }] },
    { "Priority": "default", "Conditions": [], "Actions": [{ "Type": "redirect", "RedirectConfig": { "Protocol": "HTTPS", "Port": "443", "StatusCode": "HTTP_301" } }] }
  ]
}
`;

function spec(kind: string): RowSpec {
  const found = rowSpecFor(kind);
  if (found === undefined) throw new Error(kind);
  return found;
}

function opened(kind: string, text: string): Extract<AnswerDocument, { ok: true }> {
  const doc = readAnswer(spec(kind), text);
  if (!doc.ok) throw new Error(doc.problem);
  return doc;
}

const visible = (kind: string, doc: Extract<AnswerDocument, { ok: true }>) => doc.read.rows.map((r) => Object.fromEntries(spec(kind).columns.map((c) => [c.id, r.cells[c.id]])));
const cellsOf = (doc: Extract<AnswerDocument, { ok: true }>) => doc.read.rows.map((r) => r.cells);

describe('rule rows', () => {
  it.each([
    ['security-groups', SECURITY_GROUPS],
    ['nacl-entries', NACL],
    ['alb-listener-rules', LISTENER_RULES],
  ])('%s: written back unedited, the answer is the same document', (kind, text) => {
    const doc = opened(kind, text);
    const again = writeAnswer(spec(kind), doc, cellsOf(doc));
    expect(opened(kind, again).value).toEqual(doc.value);
  });

  it('reads a security group answer one row per peer, as the console lists rules', () => {
    const doc = opened('security-groups', SECURITY_GROUPS);
    expect(visible('security-groups', doc)).toEqual([
      { group: '0', direction: 'ingress', protocol: 'tcp', fromPort: '443', toPort: '443', source: '0.0.0.0/0', description: 'https from customers' },
      { group: '0', direction: 'ingress', protocol: 'tcp', fromPort: '80', toPort: '80', source: '0.0.0.0/0', description: '' },
      { group: '0', direction: 'ingress', protocol: 'tcp', fromPort: '80', toPort: '80', source: '10.0.0.0/16', description: '' },
      { group: '0', direction: 'ingress', protocol: 'tcp', fromPort: '80', toPort: '80', source: 'app-sg', description: '' },
      { group: '1', direction: 'ingress', protocol: '6', fromPort: '8080', toPort: '8080', source: 'web-sg', description: '' },
      { group: '1', direction: 'egress', protocol: '-1', fromPort: '', toPort: '', source: '0.0.0.0/0', description: '' },
    ]);
    expect(doc.read.options?.group?.map((o) => o.label)).toEqual(['web-sg', 'app-sg', 'db-sg']);
  });

  it.each([
    ['a port', (rows: Record<string, string>[]) => rows.map((r, i) => (i === 0 ? { ...r, fromPort: '8443', toPort: '8443' } : r)), { IpProtocol: 'tcp', FromPort: 8443, ToPort: 8443, IpRanges: [{ CidrIp: '0.0.0.0/0', Description: 'https from customers' }] }],
    ['a CIDR source turned into a group reference', (rows: Record<string, string>[]) => rows.map((r, i) => (i === 0 ? { ...r, source: 'lb-sg', description: '' } : r)), { IpProtocol: 'tcp', FromPort: 443, ToPort: 443, UserIdGroupPairs: [{ GroupName: 'lb-sg' }] }],
  ])('writes an edited %s into the first rule, keeping the others as written', (_what, edit, first) => {
    const doc = opened('security-groups', SECURITY_GROUPS);
    const text = writeAnswer(spec('security-groups'), doc, edit(cellsOf(doc)));
    const value = loadYaml(text).value as { SecurityGroups: { IpPermissions: unknown[] }[] };
    expect(value.SecurityGroups[0]?.IpPermissions[0]).toEqual(first);
    expect(value.SecurityGroups[0]?.IpPermissions[1]).toEqual({ IpProtocol: 'tcp', FromPort: 80, ToPort: 80, IpRanges: [{ CidrIp: '0.0.0.0/0' }, { CidrIp: '10.0.0.0/16' }], UserIdGroupPairs: [{ GroupName: 'app-sg', UserId: '123456789012' }] });
    expect(value.SecurityGroups[1]?.IpPermissions[0]).toEqual({ IpProtocol: '6', FromPort: 8080, ToPort: 8080, UserIdGroupPairs: [{ GroupName: 'web-sg' }] });
  });

  it('adds a rule to a group that had none, and keeps key order and format', () => {
    const doc = opened('security-groups', SECURITY_GROUPS);
    const rows = [...cellsOf(doc), { ...spec('security-groups').blank(cellsOf(doc)), group: '2', fromPort: '5432', toPort: '5432', source: 'app-sg' }];
    const text = writeAnswer(spec('security-groups'), doc, rows);
    expect(text).toMatch(/- GroupName: db-sg\n {4}IpPermissions:\n {6}- IpProtocol: tcp\n {8}FromPort: 5432\n {8}ToPort: 5432\n {8}UserIdGroupPairs:\n {10}- GroupName: app-sg\n/);
  });

  it('edits network ACL entries, keeping what the table does not show', () => {
    const doc = opened('nacl-entries', NACL);
    expect(visible('nacl-entries', doc)[2]).toEqual({ ruleNumber: '110', egress: 'true', action: 'allow', protocol: '1', cidr: '0.0.0.0/0', fromPort: '', toPort: '' });
    const rows = cellsOf(doc).map((r, i) => (i === 2 ? { ...r, ruleNumber: '130', action: 'deny' } : i === 1 ? { ...r, fromPort: '80', toPort: '80' } : r));
    const value = loadYaml(writeAnswer(spec('nacl-entries'), doc, rows)).value as { Entries: unknown[] };
    expect(value.Entries[1]).toEqual({ RuleNumber: 100, Protocol: '6', RuleAction: 'allow', Egress: false, CidrBlock: '0.0.0.0/0', PortRange: { From: 80, To: 80 } });
    expect(value.Entries[2]).toEqual({ RuleNumber: 130, Protocol: 1, RuleAction: 'deny', Egress: true, CidrBlock: '0.0.0.0/0', IcmpTypeCode: { Type: -1, Code: -1 } });
  });

  it('reads listener rules in a short notation and writes edits in the Config form', () => {
    const doc = opened('alb-listener-rules', LISTENER_RULES);
    expect(visible('alb-listener-rules', doc)).toEqual([
      { priority: '10', conditions: 'path-pattern: /api/*', action: 'forward api-tg' },
      { priority: '20', conditions: 'host-header: static.example.com; http-header X-Env: beta', action: 'fixed-response 404' },
      { priority: 'default', conditions: '', action: 'redirect HTTP_301 HTTPS:443' },
    ]);
    const rows = cellsOf(doc).map((r, i) => (i === 0 ? { ...r, conditions: 'path-pattern: /api/*, /v2/*; http-request-method: GET', action: 'forward api-v2-tg' } : r));
    const text = writeAnswer(spec('alb-listener-rules'), doc, rows);
    expect(text.startsWith('{\n  "Rules": [\n')).toBe(true);
    const value = JSON.parse(text) as { Rules: unknown[] };
    expect(value.Rules[0]).toEqual({
      Priority: 10,
      Conditions: [{ Field: 'path-pattern', PathPatternConfig: { Values: ['/api/*', '/v2/*'] } }, { Field: 'http-request-method', HttpRequestMethodConfig: { Values: ['GET'] } }],
      Actions: [{ Type: 'forward', TargetGroupArn: 'api-v2-tg' }],
    });
    // Untouched, the fixed response keeps its content type, which the notation does not show.
    expect(value.Rules[1]).toEqual((JSON.parse(LISTENER_RULES) as { Rules: unknown[] }).Rules[1]);
  });

  it.each([
    ['text that does not parse', 'security-groups', 'SecurityGroups:\n  - GroupName: [web\n', /^the text does not parse \(line \d+\): /],
    ['an empty text', 'nacl-entries', '', /^the table edits network ACL entries as `Entries:`/],
    ['the CloudFormation shape', 'security-groups', 'GroupDescription: web\nSecurityGroupIngress: []\n', /`DescribeSecurityGroups` shape/],
    ['rules that are not a list', 'alb-listener-rules', 'Rules: 3\n', /`Rules:`/],
    ['an entry that is not an object', 'nacl-entries', 'Entries: [3]\n', /^entry 1 is not an object$/],
  ])('leaves %s to the text editor, saying why', (_what, kind, text, problem) => {
    const doc = readAnswer(spec(kind), text);
    expect(doc.ok).toBe(false);
    if (!doc.ok) expect(doc.problem).toMatch(problem);
  });

  it.each([
    ['a comment line', 'Entries: []  # none yet\n', true],
    ['a hash inside a quoted value', 'Entries: [{ RuleNumber: 1, Protocol: "#6", RuleAction: allow, Egress: false }]\n', false],
    ['JSON', '{ "Entries": [] }', false],
  ])('tells YAML comments the table would drop: %s', (_what, text, comments) => {
    expect(opened('nacl-entries', text).comments).toBe(comments);
  });

  it('puts each lint finding on the cell its path points at', () => {
    const text = SECURITY_GROUPS.replace('FromPort: 443, ToPort: 443', 'FromPort: 443, ToPort: 70000').replace('{ GroupName: web-sg }', '{ GroupName: web-sg, Description: 7 }');
    const { findings } = lint('security-groups', text);
    const doc = opened('security-groups', text);
    const [first, , , , fifth] = doc.read.rows;
    expect(Object.keys(findingsByCell(first!, findings))).toEqual(['toPort']);
    expect(findingsByCell(fifth!, findings).description?.[0]?.path).toEqual(['SecurityGroups', 1, 'IpPermissions', 0, 'UserIdGroupPairs', 0, 'Description']);
    // A finding on one peer belongs to its own row, not to the other peers of the same rule.
    const peers = doc.read.rows.slice(1, 4).map((row) => findingsByCell(row, [{ ruleId: 'x', severity: 'error', path: ['SecurityGroups', 0, 'IpPermissions', 1, 'IpRanges', 1, 'CidrIp'], message: 'm' }]));
    expect(peers.map((p) => Object.keys(p))).toEqual([[], ['source'], []]);
  });

  it('writes YAML in block style and JSON with two spaces', () => {
    expect(answerText({ Rules: [{ Priority: 1 }] }, 'yaml')).toBe('Rules:\n  - Priority: 1\n');
    expect(answerText({ Rules: [] }, 'json')).toBe('{\n  "Rules": []\n}\n');
  });
});
