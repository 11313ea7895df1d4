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
  tasks: [{ kind: 'iam-policy', id: 'policy', title: 'Policy', prompt: 'Write it', apply: { action: 'PutUserPolicy', UserName: 'u', PolicyName: 'p' } }],
  checks: [{ id: 'c', title: 'C', simulate: { principal: 'arn:aws:iam::111122223333:user/u', action: 's3:GetObject', resource: '*', expect: 'allowed' }, feedback: { pass: 'yes', fail: 'no' } }],
  solution: { answers: { policy: '{}' } },
};

describe('labSchema', () => {
  it('fills in defaults', () => {
    const lab = labSchema.parse(MINIMAL);
    expect(lab.setup).toEqual({ iam: { policies: [], users: [] }, s3: { buckets: [] } });
    expect(lab.checks[0]).toMatchObject({ points: 1, visibility: 'immediately', misconceptions: [] });
    expect(lab.tasks[0]?.starter).toBe('');
    expect(lab).toMatchObject({ params: {}, hints: [], wrongAnswers: [], tags: [] });
  });

  it.each([
    ['a bad id', { id: 'Demo_Lab' }, ['id']],
    ['an unknown param kind', { params: { x: { kind: 'uuid' } } }, ['params', 'x', 'kind']],
    ['an empty choice', { params: { x: { kind: 'choice', values: [] } } }, ['params', 'x', 'values']],
    ['a wrong apiVersion', { apiVersion: 'v2' }, ['apiVersion']],
  ])('rejects %s', (_name, patch, path) => {
    const result = labSchema.safeParse({ ...MINIMAL, ...patch });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((i) => i.path)).toContainEqual(path);
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
