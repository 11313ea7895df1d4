import { describe, expect, it } from 'vitest';
import { AwsError } from '../errors.ts';
import { decodeInput, type InputSpec } from './input.ts';
import { queryResponseXml } from './query.ts';

// Query parameters are text: numbers as decimal text, timestamps as ISO 8601
// (https://smithy.io/2.0/aws/protocols/aws-query-protocol.html, "Serialized values").

const spec: InputSpec = { Threshold: 'double', StartTime: 'timestamp', Period: 'integer!' };

describe('decoding Query scalars', () => {
  it.each([
    ['a decimal', { Threshold: '80.5', Period: '60' }, { Threshold: 80.5, Period: 60 }],
    ['an exponent', { Threshold: '1e3', Period: '60' }, { Threshold: 1000, Period: 60 }],
    ['a negative fraction', { Threshold: '-.25', Period: '60' }, { Threshold: -0.25, Period: 60 }],
    ['a timestamp with a zone, normalised to UTC', { StartTime: '2024-03-01T10:00:00+02:00', Period: '60' }, { StartTime: '2024-03-01T08:00:00.000Z', Period: 60 }],
  ])('reads %s', (_name, params, expected) => {
    expect(decodeInput(params, spec)).toEqual(expected);
  });
  it.each([
    ['a word for a double', { Threshold: 'eighty', Period: '60' }, /`Threshold` must be a number/],
    ['Infinity', { Threshold: '1e999', Period: '60' }, /must be a number/],
    ['a date that is not one', { StartTime: 'yesterday', Period: '60' }, /`StartTime` must be a date/],
    ['a missing required integer', {}, /Value null at 'period'/],
  ])('refuses %s with a ValidationError', (_name, params, message) => {
    expect(() => decodeInput(params, spec)).toThrow(AwsError);
    expect(() => decodeInput(params, spec)).toThrow(message);
  });
});

describe('writing Query timestamps', () => {
  it('writes a Date as ISO 8601', () => {
    expect(queryResponseXml('DescribeAlarms', { Timestamp: new Date(Date.UTC(2024, 0, 2, 3, 4, 5)) }, { xmlns: 'ns', requestId: 'r' })).toContain('<Timestamp>2024-01-02T03:04:05.000Z</Timestamp>');
  });
});
