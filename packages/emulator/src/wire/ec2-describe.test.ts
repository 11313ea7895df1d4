import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { awsErrorCode } from '../test-ctx.ts';
import { describePage, field, type DescribeList, type DescribeParams } from './ec2-describe.ts';

const VPCS: DescribeList = { list: 'Vpcs', filters: { 'vpc-id': field('VpcId'), 'is-default': field('IsDefault'), 'route.gateway-id': field('Routes.GatewayId') }, paged: true };
const vpc = (id: string, tags: [string, string][] = [], extra: Record<string, unknown> = {}) => ({ VpcId: id, IsDefault: false, Tags: tags.map(([Key, Value]) => ({ Key, Value })), ...extra });
const RESULT = {
  Vpcs: [
    vpc('vpc-1', [['Name', 'web-a']]),
    vpc('vpc-2', [['Name', 'web-b'], ['env', 'prod']]),
    vpc('vpc-3', [['Name', 'db']], { IsDefault: true }),
    vpc('vpc-4', [], { Routes: [{ GatewayId: 'local' }, { GatewayId: 'igw-1' }] }),
    vpc('vpc-5'),
    vpc('vpc-6'),
    vpc('vpc-7'),
  ],
};
const ids = (params: DescribeParams) => (describePage(RESULT, VPCS, params).Vpcs as { VpcId: string }[]).map((v) => v.VpcId);

// Filter semantics of https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/Using_Filtering.html: values of one
// filter are ORed, filters ANDed, `*` and `?` are wildcards, `tag:<key>`, `tag-key` and `tag-value` on every call.
describe('Describe filters', () => {
  const cases: [string, DescribeParams['Filters'], string[]][] = [
    ['no filter keeps all', [], ['vpc-1', 'vpc-2', 'vpc-3', 'vpc-4', 'vpc-5', 'vpc-6', 'vpc-7']],
    ['one value', [{ Name: 'vpc-id', Values: ['vpc-2'] }], ['vpc-2']],
    ['values ORed', [{ Name: 'vpc-id', Values: ['vpc-2', 'vpc-3'] }], ['vpc-2', 'vpc-3']],
    ['filters ANDed', [{ Name: 'vpc-id', Values: ['vpc-2', 'vpc-3'] }, { Name: 'tag:Name', Values: ['db'] }], ['vpc-3']],
    ['a * wildcard', [{ Name: 'tag:Name', Values: ['web-*'] }], ['vpc-1', 'vpc-2']],
    ['a ? wildcard', [{ Name: 'tag:Name', Values: ['web-?'] }], ['vpc-1', 'vpc-2']],
    ['an escaped wildcard is literal', [{ Name: 'tag:Name', Values: ['web-\\*'] }], []],
    ['regex characters are literal', [{ Name: 'vpc-id', Values: ['vpc-.'] }], []],
    ['a boolean as text', [{ Name: 'is-default', Values: ['true'] }], ['vpc-3']],
    ['tag-key', [{ Name: 'tag-key', Values: ['env'] }], ['vpc-2']],
    ['tag-value', [{ Name: 'tag-value', Values: ['db', 'prod'] }], ['vpc-2', 'vpc-3']],
    ['a value inside a list', [{ Name: 'route.gateway-id', Values: ['igw-*'] }], ['vpc-4']],
    ['no values matches nothing', [{ Name: 'vpc-id', Values: [] }], []],
  ];
  it.each(cases)('%s', (_name, Filters, expected) => {
    expect(ids({ Filters })).toEqual(expected);
  });

  it('refuses a filter the call does not know, even on an empty list', () => {
    expect(awsErrorCode(() => describePage({ Vpcs: [] }, VPCS, { Filters: [{ Name: 'cidr-blok', Values: ['x'] }] }))).toBe('InvalidParameterValue');
  });
});

describe('Describe pages', () => {
  it('hands out pages of MaxResults with a NextToken until the last', () => {
    const first = describePage(RESULT, VPCS, { MaxResults: 5 });
    expect((first.Vpcs as unknown[]).length).toBe(5);
    const second = describePage(RESULT, VPCS, { MaxResults: 5, NextToken: first.NextToken as string });
    expect(ids({ MaxResults: 5, NextToken: first.NextToken as string })).toEqual(['vpc-6', 'vpc-7']);
    expect(second.NextToken).toBeUndefined();
  });

  it('pages the filtered list', () => {
    expect(ids({ MaxResults: 5, Filters: [{ Name: 'tag:Name', Values: ['*'] }] })).toEqual(['vpc-1', 'vpc-2', 'vpc-3']);
  });

  const errors: [string, DescribeParams, string][] = [
    ['MaxResults under 5', { MaxResults: 4 }, 'InvalidParameterValue'],
    ['MaxResults over 1000', { MaxResults: 1001 }, 'InvalidParameterValue'],
    ['a token not handed out', { NextToken: 'abc' }, 'InvalidPaginationToken'],
    ['a token past the end', { NextToken: '99' }, 'InvalidPaginationToken'],
  ];
  it.each(errors)('refuses %s', (_name, params, code) => {
    expect(awsErrorCode(() => describePage(RESULT, VPCS, params))).toBe(code);
  });

  it('leaves a call without pages whole', () => {
    const unpaged: DescribeList = { ...VPCS, paged: false };
    expect((describePage(RESULT, unpaged, {}).Vpcs as unknown[]).length).toBe(7);
  });
});

describe('Describe pages, whatever the list and page size', () => {
  it('follow NextToken to the whole filtered list, each page at most MaxResults long', () => {
    const tagged = fc.array(fc.constantFrom('web', 'db', 'cache'), { maxLength: 40 });
    fc.assert(
      fc.property(tagged, fc.integer({ min: 5, max: 12 }), fc.constantFrom('web', 'db'), (names, MaxResults, wanted) => {
        const result = { Vpcs: names.map((name, i) => vpc(`vpc-${i}`, [['Name', name]])) };
        const Filters = [{ Name: 'tag:Name', Values: [wanted] }];
        const seen: string[] = [];
        let NextToken: string | undefined;
        do {
          const page = describePage(result, VPCS, { Filters, MaxResults, ...(NextToken !== undefined ? { NextToken } : {}) });
          const ids = (page.Vpcs as { VpcId: string }[]).map((v) => v.VpcId);
          expect(ids.length).toBeLessThanOrEqual(MaxResults);
          seen.push(...ids);
          NextToken = page.NextToken as string | undefined;
        } while (NextToken !== undefined);
        expect(seen).toEqual(result.Vpcs.filter((v) => v.Tags[0]?.Value === wanted).map((v) => v.VpcId));
      }),
    );
  });
});
