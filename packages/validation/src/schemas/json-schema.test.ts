import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ARTIFACT_KINDS } from './artifact-kinds.ts';
import { artifactJsonSchema } from './json-schema.ts';

type Node = Record<string, unknown>;

/** Every property of every object in a JSON Schema that has no description, with its path. */
function undescribed(node: unknown, path: string, out: string[] = []): string[] {
  if (node === null || typeof node !== 'object') return out;
  const schema = node as Node;
  for (const [key, child] of Object.entries((schema.properties ?? {}) as Record<string, Node>)) {
    if (!child.description) out.push(`${path}.${key}`);
    undescribed(child, `${path}.${key}`, out);
  }
  for (const key of ['items', 'additionalProperties', 'not']) undescribed(schema[key], `${path}[]`, out);
  for (const key of ['anyOf', 'oneOf', 'allOf', 'prefixItems']) (schema[key] as unknown[] | undefined)?.forEach((c) => undescribed(c, path, out));
  for (const [key, child] of Object.entries((schema.definitions ?? schema.$defs ?? {}) as Record<string, Node>)) undescribed(child, `#${key}`, out);
  return out;
}

/** How many properties a JSON Schema declares, so an empty schema cannot pass as fully described. */
function propertyCount(node: unknown): number {
  if (node === null || typeof node !== 'object') return 0;
  return Object.entries(node as Node).reduce((n, [key, child]) => n + (key === 'properties' ? Object.keys(child as Node).length : 0) + propertyCount(child), 0);
}

describe('artifactJsonSchema', () => {
  it.each(ARTIFACT_KINDS)('%s exports a draft-7 schema whose every property has a description', (kind) => {
    const schema = artifactJsonSchema(kind);
    expect(schema.$schema).toBe('http://json-schema.org/draft-07/schema#');
    expect(schema.description).toEqual(expect.any(String));
    expect(propertyCount(schema)).toBeGreaterThan(0);
    expect(undescribed(schema, '')).toEqual([]);
  });

  it.each([
    ['security-groups', ['SecurityGroups', 'Type', 'GroupDescription', 'IpPermissions']],
    ['launch-template', ['LaunchTemplateData', 'ImageId']],
    ['nacl-entries', ['Entries', 'RuleNumber']],
  ] as const)('%s exports the union of the shapes it accepts', (kind, keys) => {
    const text = JSON.stringify(artifactJsonSchema(kind));
    expect(artifactJsonSchema(kind).anyOf).toEqual(expect.any(Array));
    for (const key of keys) expect(text).toContain(`"${key}":`);
  });

  it('exports the IAM policy document for every policy kind', () => {
    const { title: _title, ...identity } = artifactJsonSchema('iam-identity-policy');
    for (const kind of ['iam-scp', 'iam-session-policy', 'iam-trust-policy', 's3-bucket-policy'] as const) {
      const { title, ...schema } = artifactJsonSchema(kind);
      expect(title).toBe(`Skylab ${kind}`);
      expect(schema).toEqual(identity);
    }
  });

  it('describes what the author writes, before normalisation: `Action` may be one string', () => {
    const text = JSON.stringify(artifactJsonSchema('iam-identity-policy'));
    expect(text).toMatch(/"Action":\{"description":"The actions the statement applies to","anyOf":\[\{"type":"string"/);
  });
});

describe('labs/lab.schema.json', () => {
  it('is the lab schema as exported (regenerate: `npm run --silent skylab -- schema lab > labs/lab.schema.json`)', () => {
    const committed = readFileSync(resolve(import.meta.dirname, '../../../../labs/lab.schema.json'), 'utf8');
    expect(committed).toBe(`${JSON.stringify(artifactJsonSchema('lab'), null, 2)}\n`);
  });
});
