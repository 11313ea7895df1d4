import { describe, expect, it } from 'vitest';
import { AwsError } from '../errors.ts';
import { emptyAccountState } from '../state.ts';
import { testCtx } from '../test-ctx.ts';
import { InvalidNextToken, paged } from './paging.ts';
import type { WireCtx, WireOperation } from './types.ts';

// Paging as the Describe calls document it: a page of at most the asked size and a token for the rest
// (https://docs.aws.amazon.com/autoscaling/ec2/APIReference/API_DescribeAutoScalingGroups.html: MaxRecords, NextToken).

const items = Array.from({ length: 7 }, (_, i) => `item-${i}`);
const seen: Record<string, unknown>[] = [];
const list: WireOperation = (_state, input: Record<string, unknown>) => {
  seen.push(input);
  return { Items: items, Other: 'kept' };
};
const operation = paged(list, { list: 'Items', token: 'NextToken', next: 'NextToken', size: 'MaxRecords', defaultSize: 5, maxSize: 6, invalidToken: (m) => new InvalidNextToken(m) });
const ctx = { ...testCtx(), caller: { arn: 'arn:aws:iam::123456789012:root', account: '123456789012', userId: '123456789012', accessKeyId: 'AKIA', type: 'Root' } } as WireCtx;
const call = (input: Record<string, unknown>) => operation(emptyAccountState(), input, ctx, { principalArn: ctx.caller.arn }) as Record<string, unknown>;

describe('paging a list answer', () => {
  it('walks every item exactly once, page by page', () => {
    const pages: unknown[][] = [];
    let token: unknown;
    do {
      const page = call({ MaxRecords: 3, ...(token === undefined ? {} : { NextToken: token }) });
      pages.push(page.Items as unknown[]);
      expect(page.Other).toBe('kept');
      token = page.NextToken;
    } while (token !== undefined);
    expect(pages.map((p) => p.length)).toEqual([3, 3, 1]);
    expect(pages.flat()).toEqual(items);
  });
  it('uses the default size and hides the paging parameters from the operation', () => {
    expect((call({ Name: 'x' }).Items as unknown[]).length).toBe(5);
    expect(seen.at(-1)).toEqual({ Name: 'x' });
  });
  it.each([
    ['a token it did not hand out', { NextToken: 'abc' }, 'InvalidNextToken'],
    ['a token past the end', { NextToken: 'page-99' }, 'InvalidNextToken'],
    ['a size of 0', { MaxRecords: 0 }, 'ValidationError'],
    ['a size over the maximum', { MaxRecords: 7 }, 'ValidationError'],
  ])('refuses %s', (_name, input, code) => {
    expect(() => call(input)).toThrow(AwsError);
    try {
      call(input);
    } catch (error) {
      expect((error as AwsError).code).toBe(code);
    }
  });
});

