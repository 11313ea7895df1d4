import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { labSchema } from '@skylab/validation';
import { placeholderParams, resolveParams } from './params.ts';
import { hashString, seededRandom } from './prng.ts';
import { renderDeep, renderString } from './template.ts';

const lab = labSchema.parse({
  apiVersion: 'skylab.dev/v1',
  id: 'p',
  title: 't',
  summary: 's',
  description: 'd',
  difficulty: 'beginner',
  estimatedMinutes: 1,
  track: 'iam',
  params: { accountId: { kind: 'account-id' }, color: { kind: 'choice', values: ['red', 'green', 'blue'] }, port: { kind: 'integer', min: 1024, max: 1030 } },
  tasks: [{ kind: 'iam-policy', id: 't', title: 't', prompt: 'p', apply: { action: 'PutUserPolicy', UserName: 'u', PolicyName: 'p' } }],
  checks: [{ id: 'c', title: 'c', simulate: { principal: 'p', action: 'a:b', resource: '*', expect: 'denied' }, feedback: { pass: 'p', fail: 'f' } }],
  solution: { answers: { t: '{}' } },
});

describe('seededRandom', () => {
  it('is a pure function of the seed, with values in [0, 1)', () => {
    fc.assert(
      fc.property(fc.string(), (seed) => {
        const a = seededRandom(seed);
        const b = seededRandom(seed);
        for (let i = 0; i < 5; i++) {
          const x = a();
          expect(x).toBe(b());
          expect(x >= 0 && x < 1).toBe(true);
        }
      }),
    );
  });

  it('keeps known values stable across runtimes and releases', () => {
    expect(hashString('')).toBe(0x811c9dc5);
    expect(hashString('a')).toBe(0xe40c292c);
    const next = seededRandom('skylab');
    expect([next(), next()].map((x) => x.toFixed(6))).toEqual(['0.888699', '0.129457']);
  });

  it('spreads values evenly enough to vary lab variants', () => {
    const next = seededRandom('spread');
    const buckets = [0, 0, 0, 0];
    for (let i = 0; i < 4000; i++) buckets[Math.floor(next() * 4)]! += 1;
    for (const count of buckets) expect(count).toBeGreaterThan(850);
  });
});

describe('resolveParams', () => {
  it('draws every kind within its domain, the same way for the same seed', () => {
    fc.assert(
      fc.property(fc.string(), (seed) => {
        const params = resolveParams(lab, seed);
        expect(params.accountId).toMatch(/^[1-9]\d{11}$/);
        expect(['red', 'green', 'blue']).toContain(params.color);
        expect(Number(params.port)).toBeGreaterThanOrEqual(1024);
        expect(Number(params.port)).toBeLessThanOrEqual(1030);
        expect(resolveParams(lab, seed)).toEqual(params);
      }),
    );
  });

  it('gives different seeds different variants', () => {
    const ids = new Set(Array.from({ length: 50 }, (_, i) => resolveParams(lab, `learner-${i}`).accountId));
    expect(ids.size).toBe(50);
  });

  it('keeps a param stable when another param is added', () => {
    const more = { ...lab, params: { ...lab.params, extra: { kind: 'account-id' as const } } };
    expect(resolveParams(more, 'seed').color).toBe(resolveParams(lab, 'seed').color);
  });

  it('offers placeholders before an attempt exists', () => {
    expect(placeholderParams(lab)).toEqual({ accountId: '<accountId>', color: '<color>', port: '<port>' });
  });
});

describe('templates', () => {
  it.each([
    ['arn:aws:iam::{{ accountId }}:user/u', 'arn:aws:iam::123:user/u'],
    ['{{accountId}}/{{  color }}', '123/red'],
    ['{{ unknown }} stays', '{{ unknown }} stays'],
    ['no templates', 'no templates'],
    ['{"Resource": "${aws:username}"}', '{"Resource": "${aws:username}"}'],
  ])('renders %j', (text, expected) => {
    expect(renderString(text, { accountId: '123', color: 'red' })).toBe(expected);
  });

  it('renders every string of a structure', () => {
    expect(renderDeep({ a: ['{{ x }}', 1, { b: '{{x}}!' }], c: null }, { x: 'y' })).toEqual({ a: ['y', 1, { b: 'y!' }], c: null });
  });
});
