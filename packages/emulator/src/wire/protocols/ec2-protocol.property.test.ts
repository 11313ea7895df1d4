import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AwsError } from '../../errors.ts';
import type { FieldSpec, InputSpec } from '../input.ts';
import { formPairs, parseQueryRequest } from '../query.ts';
import { decodeEc2Input } from './ec2-protocol.ts';
import { ec2QueryName } from './ec2-names.ts';

// Whatever an input holds, flattening it as EC2 clients do (`Name.N` lists under the wire name, structures
// as `Name.Member`, https://smithy.io/2.0/aws/protocols/aws-ec2-query-protocol.html) and reading it back
// gives the same input; and no parameter soup makes the decoder fail with anything but an AWS error.

const SPEC: InputSpec = {
  GroupId: 'string!',
  MaxResults: 'integer',
  DryRun: 'boolean',
  VpcIds: { list: 'string' },
  Filters: { list: { struct: { Name: 'string!', Values: { list: 'string' } } } },
  TagSpecifications: { list: { struct: { ResourceType: 'string!', Tags: { list: { struct: { Key: 'string!', Value: 'string' } } } } } },
  IpPermissions: { list: { struct: { IpProtocol: 'string!', FromPort: 'integer', UserIdGroupPairs: { list: { struct: { GroupId: 'string!' } } } } } },
  MetadataOptions: { struct: { HttpTokens: 'string', HttpPutResponseHopLimit: 'integer' } },
};

function valueOf(spec: FieldSpec): fc.Arbitrary<unknown> {
  if (typeof spec === 'string') {
    const type = spec.replace('!', '');
    if (type === 'integer') return fc.integer({ min: -1e9, max: 1e9 });
    if (type === 'boolean') return fc.boolean();
    return fc.string({ unit: 'grapheme', maxLength: 12 });
  }
  // Nor an empty list or structure: the SDKs leave them out, so lists and structures hold at least one member.
  if ('list' in spec) return fc.array(valueOf(spec.list), { minLength: 1, maxLength: 4 });
  return inputOf(spec.struct).filter((value) => Object.keys(value).length > 0);
}

function inputOf(spec: InputSpec): fc.Arbitrary<Record<string, unknown>> {
  const required = Object.keys(spec).filter((name) => {
    const field = spec[name]!;
    return typeof field === 'string' ? field.endsWith('!') : field.required === true;
  });
  return fc.record(Object.fromEntries(Object.entries(spec).map(([name, field]) => [name, valueOf(field)])), { requiredKeys: required });
}

function flatten(value: unknown, name: string, out: [string, string][]): void {
  if (Array.isArray(value)) value.forEach((item, i) => flatten(item, `${name}.${i + 1}`, out));
  else if (typeof value === 'object' && value !== null) for (const [member, field] of Object.entries(value)) flatten(field, `${name}.${ec2QueryName(member)}`, out);
  else out.push([name, String(value)]);
}

function body(input: Record<string, unknown>): string {
  const pairs: [string, string][] = [['Action', 'X']];
  for (const [member, field] of Object.entries(input)) flatten(field, ec2QueryName(member), pairs);
  return pairs.map(([name, value]) => `${encodeURIComponent(name)}=${encodeURIComponent(value)}`).join('&');
}

describe('EC2 parameters', () => {
  it('read back what a client flattened', () => {
    fc.assert(
      fc.property(inputOf(SPEC), (input) => {
        expect(decodeEc2Input(parseQueryRequest(formPairs(body(input))).params, SPEC)).toEqual(input);
      }),
    );
  });

  it('fail only with AWS errors, whatever the parameters', () => {
    const segment = fc.constantFrom('GroupId', 'VpcId', 'Filter', 'Name', 'Value', 'IpPermissions', 'Groups', 'FromPort', 'DryRun', 'MetadataOptions', '1', '2', 'member', '__proto__');
    const pair = fc.tuple(fc.array(segment, { minLength: 1, maxLength: 5 }).map((parts) => parts.join('.')), fc.constantFrom('', 'x', '1', 'true', '-3'));
    fc.assert(
      fc.property(fc.array(pair, { maxLength: 8 }), (pairs) => {
        try {
          decodeEc2Input(parseQueryRequest([['Action', 'X'], ...pairs]).params, SPEC);
        } catch (error) {
          expect(error).toBeInstanceOf(AwsError);
        }
      }),
    );
  });
});
