import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { awsDocPage, parseGolden, uniqueNames } from './golden-schema.ts';

const schema = z.array(z.strictObject({ name: z.string(), source: awsDocPage, Expect: z.strictObject({ Outcome: z.string() }) }));
const good = { name: 'a', source: 'https://docs.aws.amazon.com/x.html', Expect: { Outcome: 'forward' } };

describe('parseGolden', () => {
  it.each([
    ['a misspelt expectation key', [{ ...good, Expect: { Outcom: 'forward' } }], 'routing.json: [0].Expect: unknown key `Outcom`'],
    ['a missing expectation', [{ name: 'a', source: good.source }], 'routing.json: [0].Expect:'],
    ['an unknown case key', [{ ...good, expectt: 1 }], 'routing.json: [0]: unknown key `expectt`'],
    ['a source off the AWS docs', [{ ...good, source: 'https://example.com' }], 'routing.json: [0].source: must be a page under https://docs.aws.amazon.com/'],
  ])('fails on %s, naming the file and key', (_name, value, message) => {
    expect(() => parseGolden(schema, value, 'routing.json')).toThrow(message);
  });

  it('returns the cases that follow the schema', () => {
    expect(parseGolden(schema, [good], 'routing.json')).toEqual([good]);
  });

  it('refuses two cases of the same name', () => {
    expect(() => uniqueNames([good, good], 'routing.json')).toThrow('routing.json: two cases are named `a`');
  });
});
