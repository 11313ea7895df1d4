import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectKind } from './detect-kind.ts';
import { lint } from './lint.ts';
import { ALL_RULES } from './rules/registry.ts';
import { ARTIFACT_KINDS } from './schemas/artifact-kinds.ts';

describe('lint', () => {
  it('never throws, for any kind, on arbitrary text and arbitrary JSON', () => {
    const kind = fc.constantFrom(...ARTIFACT_KINDS);
    const text = fc.oneof(fc.string(), fc.json(), fc.jsonValue().map((v) => JSON.stringify(v)));
    fc.assert(
      fc.property(kind, text, (k, t) => {
        const { findings } = lint(k, t);
        expect(Array.isArray(findings)).toBe(true);
      }),
      { numRuns: 1500 },
    );
  });

  it('never throws on AWS-shaped values with random members', () => {
    const member = fc.record({ IpProtocol: fc.constantFrom('tcp', '-1', 'udp', 7), FromPort: fc.integer({ min: -2, max: 70000 }), ToPort: fc.integer({ min: -2, max: 70000 }), IpRanges: fc.array(fc.record({ CidrIp: fc.constantFrom('0.0.0.0/0', '10.0.0.0/8', 'x', '::/0') })) }, { requiredKeys: [] });
    fc.assert(fc.property(fc.array(member), (perms) => {
        lint('security-groups', JSON.stringify({ IpPermissions: perms, IpPermissionsEgress: perms }));
      }), { numRuns: 300 });
  });

  it('refuses YAML directives, custom tags and aliases without expanding or executing them', () => {
    const cases = [
      ['%YAML 1.1\n---\nGroupDescription: !!python/object:os.system echo\n', 'yaml/custom-tag'],
      ['%TAG !e! tag:example.com,2000:\n---\nGroupDescription: !e!thing web\n', 'yaml/custom-tag'],
      ['GroupDescription: &a web\nGroupName: *a\n', 'yaml/alias'],
      ['a: &a ["x","x"]\nb: &b [*a,*a,*a]\nc: [*b,*b,*b]\n', 'yaml/alias'],
    ];
    for (const [text, ruleId] of cases) {
      const result = lint('security-groups', text as string);
      expect(result.value).toBeUndefined();
      expect(result.findings.map((f) => f.ruleId)).toContain(ruleId);
    }
    const directive = lint('security-groups', '%YAML 1.2\n---\nGroupDescription: web\n');
    expect(directive.findings.filter((f) => f.severity === 'error')).toEqual([]);
  });

  it('applies the size, depth and node limits with a finding', () => {
    expect(lint('iam-identity-policy', '['.repeat(100)).findings[0]?.ruleId).toBe('json/too-deep');
    expect(lint('security-groups', 'a:\n' + '  - x\n'.repeat(10_001)).findings[0]?.ruleId).toBe('yaml/too-many-nodes');
    expect(lint('nacl-entries', `["${'x'.repeat(1024 * 1024 + 1)}"]`).findings[0]?.ruleId).toBe('json/too-large');
  });

  it('reports schema violations as findings at the element', () => {
    const { findings } = lint('auto-scaling-group', '{\n  "AutoScalingGroupName": "web",\n  "MinSize": -1,\n  "MaxSize": 2\n}');
    expect(findings).toMatchObject([{ ruleId: 'auto-scaling-group/too-small', severity: 'error', path: ['MinSize'], range: { start: { line: 3, column: 14 } }, message: '`MinSize` must be at least 0' }]);
  });

  it('ships at least 40 rules with unique ids matching their kinds', () => {
    expect(ALL_RULES.length).toBeGreaterThanOrEqual(40);
    expect(new Set(ALL_RULES.map((r) => r.id)).size).toBe(ALL_RULES.length);
    for (const rule of ALL_RULES) expect(rule.kinds.every((k) => (ARTIFACT_KINDS as readonly string[]).includes(k))).toBe(true);
  });
});

describe('detectKind', () => {
  it.each([
    ['{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"s3:GetObject","Resource":"*"}]}', 'iam-identity-policy'],
    ['{"Statement":[{"Effect":"Allow","Principal":{"Service":"ec2.amazonaws.com"},"Action":"sts:AssumeRole"}]}', 'iam-trust-policy'],
    ['{"Statement":[{"Effect":"Allow","Principal":"*","Action":"s3:GetObject","Resource":"arn:aws:s3:::b/*"}]}', 's3-bucket-policy'],
    ['GroupDescription: web\nSecurityGroupIngress: []\n', 'security-groups'],
    ['{"IpPermissions":[]}', 'security-groups'],
    ['{"Entries":[]}', 'nacl-entries'],
    ['Routes: []', 'route-table'],
    ['{"LaunchTemplateData":{}}', 'launch-template'],
    ['{"AutoScalingGroupName":"web","MinSize":1,"MaxSize":2}', 'auto-scaling-group'],
    ['{"PolicyName":"cpu","TargetTrackingConfiguration":{}}', 'scaling-policy'],
    ['{"ScheduledActionName":"n","Recurrence":"0 8 * * *"}', 'scheduled-action'],
    ['{"AlarmName":"cpu","EvaluationPeriods":1}', 'cloudwatch-alarm'],
    ['{"Name":"web","Subnets":["a","b"]}', 'load-balancer'],
    ['{"Protocol":"HTTP","Port":80,"DefaultActions":[]}', 'alb-listener'],
    ['{"Rules":[{"Priority":1,"Conditions":[],"Actions":[]}]}', 'alb-rules'],
    ['{"Name":"web","HealthCheckPath":"/"}', 'alb-target-group'],
    ['{"Rules":[{"ID":"a","Status":"Enabled"}]}', 's3-lifecycle'],
    ['{"rules":[]}', 'ecr-lifecycle'],
    ['{"repositoryName":"web"}', 'ecr-repository'],
    ['apiVersion: skylab.dev/v1\nid: x\ntasks: []\n', 'lab'],
    ['just words', undefined],
    ['{"unknown": 1}', undefined],
  ])('%s → %s', (text, kind) => expect(detectKind(text)).toBe(kind));
});
