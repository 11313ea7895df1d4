import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { policyDocumentSchema } from './schema.ts';

describe('policyDocumentSchema', () => {
  it('describes every element, for editors and generated docs', () => {
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
    walk(z.toJSONSchema(policyDocumentSchema, { io: 'input', unrepresentable: 'any' }), '');
    expect(undescribed).toEqual([]);
  });

  it.each([
    ['Action', 's3:GetObject', ['s3:GetObject']],
    ['Action', ['s3:GetObject', 's3:ListBucket'], ['s3:GetObject', 's3:ListBucket']],
    ['Resource', '*', ['*']],
    ['NotResource', ['arn:aws:s3:::b/*'], ['arn:aws:s3:::b/*']],
  ])('normalises %s %j to a list', (element, value, expected) => {
    const base: Record<string, unknown> = { Effect: 'Allow', Action: '*', Resource: '*' };
    if (element === 'NotResource') delete base.Resource;
    const parsed = policyDocumentSchema.parse({ Statement: { ...base, [element]: value } });
    expect((parsed.Statement[0] as Record<string, unknown>)[element]).toEqual(expected);
  });
});
