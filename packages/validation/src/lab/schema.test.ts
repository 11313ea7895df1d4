import { describe, expect, it } from 'vitest';
import { labJsonSchema, labSchema } from './schema.ts';

const MINIMAL = {
  apiVersion: 'skylab.dev/v1',
  id: 'demo-lab',
  title: 'Demo',
  summary: 'A demo',
  description: 'Do it',
  difficulty: 'beginner',
  estimatedMinutes: 5,
  track: 'iam',
  tasks: [{ kind: 'iam-policy', id: 'policy', title: 'Policy', prompt: 'Write it', apply: { action: 'PutUserPolicy', UserName: 'u', PolicyName: 'p' } }],
  checks: [{ id: 'c', title: 'C', simulate: { principal: 'arn:aws:iam::111122223333:user/u', action: 's3:GetObject', resource: '*', expect: 'allowed' }, feedback: { pass: 'yes', fail: 'no' } }],
  solution: { answers: { policy: '{}' } },
};

describe('labSchema', () => {
  it('fills in defaults', () => {
    const lab = labSchema.parse(MINIMAL);
    expect(lab.setup).toEqual({
      iam: { policies: [], users: [], roles: [], instanceProfiles: [] },
      s3: { buckets: [] },
      ec2: { vpcs: [], internetGateways: [], subnets: [], natGateways: [], routeTables: [], networkAcls: [], securityGroups: [], instances: [], launchTemplates: [], volumes: [], snapshots: [] },
      elbv2: { targetGroups: [], loadBalancers: [] },
      kms: { keys: [] },
      ecr: { repositories: [] },
    });
    expect(lab.checks[0]).toMatchObject({ points: 1, visibility: 'immediately', misconceptions: [] });
    expect(lab.tasks[0]?.starter).toBe('');
    expect(lab).toMatchObject({ params: {}, hints: [], wrongAnswers: [], tags: [], feedback: { checks: 'immediately' } });
    expect(lab.maxSubmissions).toBeUndefined();
  });

  it.each([
    [undefined, 'a lab needs a `track`: one of `iam`, `networking`, `compute-and-scaling`, `storage`, `monitoring`'],
    ['databases', '`databases` is not a track: use one of `iam`, `networking`, `compute-and-scaling`, `storage`, `monitoring`'],
  ])('says which tracks there are when the track is %s', (track, message) => {
    expect(labSchema.safeParse({ ...MINIMAL, track }).error?.issues).toContainEqual(expect.objectContaining({ path: ['track'], message }));
  });

  it.each([
    ['a bad id', { id: 'Demo_Lab' }, ['id']],
    ['an unknown param kind', { params: { x: { kind: 'uuid' } } }, ['params', 'x', 'kind']],
    ['an empty choice', { params: { x: { kind: 'choice', values: [] } } }, ['params', 'x', 'values']],
    ['a wrong apiVersion', { apiVersion: 'v2' }, ['apiVersion']],
    ['no submissions at all', { maxSubmissions: 0 }, ['maxSubmissions']],
    ['a fraction of a submission', { maxSubmissions: 1.5 }, ['maxSubmissions']],
    ['feedback released at an unknown time', { feedback: { checks: 'later' } }, ['feedback', 'checks']],
    ['a track that is not one of the five', { track: 'databases' }, ['track']],
    ['no track', { track: undefined }, ['track']],
  ])('rejects %s', (_name, patch, path) => {
    const result = labSchema.safeParse({ ...MINIMAL, ...patch });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path)).toContainEqual(path);
  });

  const CHECK = { id: 'c', title: 'C', feedback: { pass: 'yes', fail: 'no' } };
  const SIMULATE = MINIMAL.checks[0]!.simulate;
  const REACH = { source: 'internet', destination: 'web', port: 443, expect: 'reachable' };

  it.each<[string, object, (string | number)[] | undefined]>([
    ['a simulate check', { simulate: SIMULATE }, undefined],
    ['a reachability check', { reachability: REACH }, undefined],
    ['an icmp reachability check without a port', { reachability: { ...REACH, protocol: 'icmp', port: undefined } }, undefined],
    ['an exposure check', { exposure: { onlyExposed: ['web'], notExposed: { port: 22, scope: 'world' } } }, undefined],
    ['an exposure check of ports only', { exposure: { onlyPorts: [80, 443] } }, undefined],
    ['a lint check', { lint: { task: 'groups', rules: ['sg/ssh-open-to-world'] } }, undefined],
    ['a check with no assertion', {}, ['checks', 0]],
    ['a check with two assertions', { simulate: SIMULATE, reachability: REACH }, ['checks', 0, 'reachability']],
    ['a tcp path without a port', { reachability: { ...REACH, port: undefined } }, ['checks', 0, 'reachability', 'port']],
    ['an empty exposure check', { exposure: {} }, ['checks', 0, 'exposure']],
    ['a client address', { reachability: { ...REACH, sourceIp: '198.51.100.7/32' } }, undefined],
    ['a client address that is no address', { reachability: { ...REACH, sourceIp: 'anywhere' } }, ['checks', 0, 'reachability', 'sourceIp']],
    ['a wrong expectation', { reachability: { ...REACH, expect: 'open' } }, ['checks', 0, 'reachability', 'expect']],
    ['a target health story', { 'target-health': { task: 'tg', failure: { path: '/health', status: 500 }, expect: { unhealthyWithinSeconds: 30 } } }, undefined],
    ['a target health story breaking two things', { 'target-health': { task: 'tg', failure: { down: true, responseMilliseconds: 9000 }, expect: {} } }, ['checks', 0, 'target-health', 'failure']],
    ['a target health story with a path but no status', { 'target-health': { task: 'tg', failure: { path: '/health' }, expect: {} } }, ['checks', 0, 'target-health', 'failure']],
    ['a health timeline comparison', { 'equivalent-target-health': { task: 'tg', toleranceSeconds: 5 } }, undefined],
  ])('takes or refuses %s', (_name, assertion, path) => {
    const result = labSchema.safeParse({ ...MINIMAL, checks: [{ ...CHECK, ...assertion }] });
    expect(result.success).toBe(path === undefined);
    if (path) expect(result.error?.issues.map((i) => i.path)).toContainEqual(path);
  });

  it.each<[string, object, (string | number)[] | undefined]>([
    ['a security groups task', { kind: 'security-groups', id: 'sgs', title: 'T', prompt: 'P', groups: ['web-sg'] }, undefined],
    ['a security groups task without groups', { kind: 'security-groups', id: 'sgs', title: 'T', prompt: 'P', groups: [] }, ['tasks', 0, 'groups']],
    ['a nacl entries task', { kind: 'nacl-entries', id: 'acl', title: 'T', prompt: 'P', networkAcl: 'web-acl' }, undefined],
    ['a nacl entries task without its acl', { kind: 'nacl-entries', id: 'acl', title: 'T', prompt: 'P' }, ['tasks', 0, 'networkAcl']],
    ['a quiz task without questions', { kind: 'quiz', id: 'q', title: 'T', prompt: 'P' }, ['tasks', 0, 'questions']],
    ['a route table task', { kind: 'route-table', id: 'rt', title: 'T', prompt: 'P', routeTables: ['public-rt'] }, undefined],
    ['a route table task without tables', { kind: 'route-table', id: 'rt', title: 'T', prompt: 'P', routeTables: [] }, ['tasks', 0, 'routeTables']],
    ['a target group task', { kind: 'target-group', id: 'tg', title: 'T', prompt: 'P', TargetGroupName: 'app-tg', application: { Responses: [{ Path: '/health', Status: 200 }] } }, undefined],
    ['a target group task answering a status past 599', { kind: 'target-group', id: 'tg', title: 'T', prompt: 'P', TargetGroupName: 'app-tg', application: { Responses: [{ Path: '/', Status: 600 }] } }, ['tasks', 0, 'application', 'Responses', 0, 'Status']],
    ['an unknown task kind', { kind: 'essay', id: 'q', title: 'T', prompt: 'P' }, ['tasks', 0, 'kind']],
  ])('takes or refuses %s', (_name, task, path) => {
    const result = labSchema.safeParse({ ...MINIMAL, tasks: [task] });
    expect(result.success).toBe(path === undefined);
    if (path) expect(result.error?.issues.map((i) => i.path)).toContainEqual(path);
  });

  it('defaults a security groups task to yaml and an instance to a small type', () => {
    const lab = labSchema.parse({
      ...MINIMAL,
      tasks: [{ kind: 'security-groups', id: 'sgs', title: 'T', prompt: 'P', groups: ['web-sg'] }],
      setup: { ec2: { instances: [{ Name: 'web', SubnetId: 'public', SecurityGroupIds: ['web-sg'] }] } },
    });
    expect(lab.tasks[0]).toMatchObject({ language: 'yaml', starter: '' });
    expect(lab.setup.ec2.instances[0]).toMatchObject({ InstanceType: 't3.micro', ImageId: 'ami-0abcdef1234567890' });
  });

  it('turns a policy written as a YAML map into JSON text', () => {
    const lab = labSchema.parse({ ...MINIMAL, setup: { iam: { policies: [{ PolicyName: 'p', PolicyDocument: { Version: '2012-10-17' } }] } } });
    expect(JSON.parse(lab.setup.iam.policies[0]!.PolicyDocument)).toEqual({ Version: '2012-10-17' });
  });

  it('exports a JSON Schema in which every field has a description', () => {
    const undescribed: string[] = [];
    const walk = (node: unknown, path: string): void => {
      if (Array.isArray(node)) return node.forEach((item, i) => walk(item, `${path}[${i}]`));
      if (node === null || typeof node !== 'object') return;
      const schema = node as Record<string, unknown>;
      for (const [name, property] of Object.entries((schema.properties ?? {}) as Record<string, Record<string, unknown>>)) {
        if (!property.description) undescribed.push(`${path}.${name}`);
      }
      for (const [key, child] of Object.entries(schema)) walk(child, `${path}/${key}`);
    };
    walk(labJsonSchema(), '');
    expect(undescribed).toEqual([]);
  });
});
