import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonStrings, policyContextAt } from './policy-context.ts';
import type { JsonPath } from './policy-context.ts';
import { cursor } from '../../../test/support/text-cursor.ts';

describe('policyContextAt', () => {
  it.each([
    ['an action being typed', '{"Statement":[{"Effect":"Allow","Action":"s3:Get|"}]}', { slot: 'action', typed: 's3:Get', actions: [] }],
    ['the second action of a list', '{"Statement":[{"Action":["s3:ListBucket","s3:G|"]}]}', { slot: 'action', typed: 's3:G', actions: ['s3:ListBucket'] }],
    ['a NotAction value', '{"Statement":[{"NotAction":"iam:|"}]}', { slot: 'action', typed: 'iam:', actions: [] }],
    ['a resource of a single statement object', '{"Statement":{"Action":"s3:GetObject","Resource":"|"}}', { slot: 'resource', typed: '', actions: ['s3:GetObject'] }],
    [
      'a resource, with the actions of its own statement only',
      '{"Statement":[{"Action":"ec2:StartInstances","Resource":"*"},{"Action":["s3:GetObject","s3:PutObject"],"Resource":["arn:aws:s3:::b/*","ar|"]}]}',
      { slot: 'resource', typed: 'ar', actions: ['s3:GetObject', 's3:PutObject'] },
    ],
    ['a resource under NotAction, which names no service', '{"Statement":[{"NotAction":"s3:*","NotResource":"|"}]}', { slot: 'resource', typed: '', actions: [] }],
    ['a condition key name', '{"Statement":[{"Action":"s3:GetObject","Condition":{"StringEquals":{"aws:Sou|":"x"}}}]}', { slot: 'condition-key', typed: 'aws:Sou', actions: ['s3:GetObject'] }],
    ['an action still unclosed at the end of its line', '{\n  "Statement": [\n    { "Action": "s3:Ge|\n  ]\n}', { slot: 'action', typed: 's3:Ge', actions: [] }],
  ])('finds %s', (_, marked, expected) => {
    const [text, pos] = cursor(marked);
    expect(policyContextAt(text, pos)).toMatchObject(expected);
  });

  it('bounds the whole string, so accepting a suggestion replaces it', () => {
    const [text, pos] = cursor('{"Statement":[{"Action":"s3:Get|Obj"}]}');
    const context = policyContextAt(text, pos)!;
    expect(text.slice(context.from, context.to)).toBe('s3:GetObj');
    expect(context.value).toBe('s3:GetObj');
  });

  it.each([
    ['the Effect value', '{"Statement":[{"Effect":"Al|low"}]}'],
    ['the Action key itself', '{"Statement":[{"Act|ion":"s3:GetObject"}]}'],
    ['a condition value', '{"Statement":[{"Condition":{"IpAddress":{"aws:SourceIp":"10.|"}}}]}'],
    ['a condition operator', '{"Statement":[{"Condition":{"String|":{}}}]}'],
    ['a document that is not a policy', '{"Action":"s3:|"}'],
    ['outside any string', '{"Statement":[{"Action": | }]}'],
  ])('has nothing to say in %s', (_, marked) => {
    const [text, pos] = cursor(marked);
    expect(policyContextAt(text, pos)).toBeNull();
  });
});

/** Every string of a JSON value with its path: object keys (at their object's path) and string values. */
function stringsOf(value: unknown, path: JsonPath = []): { value: string; isKey: boolean; path: JsonPath }[] {
  if (typeof value === 'string') return [{ value, isKey: false, path }];
  if (Array.isArray(value)) return value.flatMap((item, index) => stringsOf(item, [...path, index]));
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([key, item]) => [{ value: key, isKey: true, path }, ...stringsOf(item, [...path, key])]);
  }
  return [];
}

describe('jsonStrings', () => {
  it('reads every string of well-formed JSON with its path, whatever the layout', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 4 }), fc.constantFrom(0, 2), (value, indent) => {
        const found = jsonStrings(JSON.stringify(value, null, indent)).map(({ value: text, isKey, path }) => ({ value: text, isKey, path }));
        expect(found).toEqual(stringsOf(JSON.parse(JSON.stringify(value))));
      }),
    );
  });
});
