import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluateLifecyclePolicy, parseLifecyclePolicy, type LifecycleImage, type LifecycleRule } from './lifecycle-policy.ts';

const DAY = 86400000;
const NOW = Date.UTC(2026, 0, 31);

function rule(rulePriority: number, selection: Partial<LifecycleRule['selection']>): LifecycleRule {
  return { rulePriority, selection: { tagStatus: 'any', countType: 'imageCountMoreThan', countNumber: 1, ...selection }, action: { type: 'expire' } };
}

const image = (imageDigest: string, imageTags: string[], daysAgo: number): LifecycleImage => ({ imageDigest, imageTags, imagePushedAt: NOW - daysAgo * DAY });

const expired = (rules: LifecycleRule[], images: LifecycleImage[]) => evaluateLifecyclePolicy(rules, images, NOW).map((r) => `${r.imageDigest}@${r.appliedRulePriority}`);

// https://docs.aws.amazon.com/AmazonECR/latest/userguide/lifecycle_policy_examples.html
describe('lifecycle evaluation: the examples of the ECR user guide', () => {
  const prodThenBeta = [rule(1, { tagStatus: 'tagged', tagPrefixList: ['prod'], countNumber: 1 }), rule(2, { tagStatus: 'tagged', tagPrefixList: ['beta'], countNumber: 1 })];

  it('filtering on multiple rules, example A: only image A expires (B is kept by rule 1, which rule 2 cannot override)', () => {
    const images = [image('A', ['beta-1', 'prod-1'], 10), image('B', ['beta-2', 'prod-2'], 9), image('C', ['beta-3'], 8)];
    expect(expired(prodThenBeta, images)).toEqual(['A@1']);
  });

  it('filtering on multiple rules, example B: images A and B expire by rule 1', () => {
    const images = [image('A', ['beta-1', 'prod-1'], 10), image('B', ['beta-2', 'prod-2'], 9), image('C', ['beta-3', 'prod-3'], 8)];
    expect(expired(prodThenBeta, images)).toEqual(['A@1', 'B@1']);
  });

  it('filtering on image age: prod* images older than 14 days', () => {
    const rules = [rule(1, { tagStatus: 'tagged', tagPatternList: ['prod*'], countType: 'sinceImagePushed', countUnit: 'days', countNumber: 14 })];
    expect(expired(rules, [image('old', ['prod-1'], 15), image('young', ['prod-2'], 13), image('dev', ['dev-1'], 30)])).toEqual(['old@1']);
  });

  it('several prefixes select only images with a tag for each of them', () => {
    const rules = [rule(1, { tagStatus: 'tagged', tagPrefixList: ['alpha', 'beta'], countType: 'sinceImagePushed', countUnit: 'days', countNumber: 1 })];
    expect(expired(rules, [image('both', ['alpha-1', 'beta-1'], 5), image('alpha', ['alpha-2'], 5)])).toEqual(['both@1']);
  });

  it('keeps releases from an any rule by matching them first', () => {
    const rules = [rule(1, { tagStatus: 'tagged', tagPrefixList: ['v'], countNumber: 2 }), rule(2, { tagStatus: 'any', countType: 'sinceImagePushed', countUnit: 'days', countNumber: 14 })];
    const images = [image('v1', ['v1'], 40), image('v2', ['v2'], 30), image('v3', ['v3'], 20), image('u', [], 20), image('fresh', [], 1)];
    expect(expired(rules, images)).toEqual(['v1@1', 'u@2']);
  });

  it('counts an image exactly countNumber days old as not yet expired', () => {
    const rules = [rule(1, { tagStatus: 'untagged', countType: 'sinceImagePushed', countUnit: 'days', countNumber: 14 })];
    expect(expired(rules, [image('edge', [], 14), image('past', [], 14.001)])).toEqual(['past@1']);
  });
});

// https://docs.aws.amazon.com/AmazonECR/latest/userguide/LifecyclePolicies.html#lp_evaluation_rules and lifecycle_policy_parameters.html
describe('lifecycle validation', () => {
  const text = (rules: unknown[]) => JSON.stringify({ rules });
  it.each([
    ['a valid policy', [rule(1, { tagStatus: 'untagged' })], undefined],
    ['duplicate priorities', [rule(1, { tagStatus: 'untagged' }), rule(1, { tagStatus: 'tagged', tagPrefixList: ['v'] })], 'must be unique'],
    ['an any rule before another', [rule(1, { tagStatus: 'any' }), rule(2, { tagStatus: 'untagged' })], 'must have the highest priority'],
    ['a tagged rule without a list', [rule(1, { tagStatus: 'tagged' })], 'needs `tagPrefixList` or `tagPatternList`'],
    ['both lists', [rule(1, { tagStatus: 'tagged', tagPrefixList: ['v'], tagPatternList: ['v*'] })], 'not both'],
    ['a list on an untagged rule', [rule(1, { tagStatus: 'untagged', tagPrefixList: ['v'] })], 'only for `tagged` rules'],
    ['five wildcards', [rule(1, { tagStatus: 'tagged', tagPatternList: ['*a*b*c*d*'] })], 'more than 4 wildcards'],
    ['sinceImagePushed without days', [rule(1, { tagStatus: 'untagged', countType: 'sinceImagePushed' })], 'needs `countUnit: days`'],
    ['days on a count rule', [rule(1, { tagStatus: 'untagged', countUnit: 'days' })], 'only for `sinceImagePushed`'],
    ['an archive transition (not modelled)', [{ ...rule(1, { tagStatus: 'untagged' }), action: { type: 'transition' } }], 'expire'],
  ])('%s', (_name, rules, message) => {
    const parsed = parseLifecyclePolicy(text(rules));
    if (message === undefined) expect(parsed).toHaveProperty('rules');
    else expect('problems' in parsed ? parsed.problems.map((p) => p.message).join('; ') : '').toContain(message);
  });

  it('refuses text that is not JSON', () => {
    expect(parseLifecyclePolicy('{rules')).toHaveProperty('problems');
  });
});

describe('lifecycle evaluation properties', () => {
  const tags = fc.constantFrom('v1', 'v2', 'release-1', 'dev', 'latest');
  const images = fc.uniqueArray(fc.record({ imageDigest: fc.string({ unit: fc.constantFrom(...'0123456789abcdef'), minLength: 4, maxLength: 4 }), imageTags: fc.uniqueArray(tags, { maxLength: 2 }), imagePushedAt: fc.integer({ min: NOW - 60 * DAY, max: NOW }) }), { selector: (i) => i.imageDigest, maxLength: 12 });
  const rules = fc
    .uniqueArray(
      fc.record({
        rulePriority: fc.integer({ min: 1, max: 9 }),
        tagStatus: fc.constantFrom('tagged', 'untagged') as fc.Arbitrary<'tagged' | 'untagged'>,
        prefix: fc.constantFrom('v', 'release', 'dev'),
        byAge: fc.boolean(),
        countNumber: fc.integer({ min: 1, max: 20 }),
      }),
      { selector: (r) => r.rulePriority, minLength: 1, maxLength: 4 },
    )
    .map((list) => list.map((r) => rule(r.rulePriority, { tagStatus: r.tagStatus, ...(r.tagStatus === 'tagged' ? { tagPrefixList: [r.prefix] } : {}), countNumber: r.countNumber, ...(r.byAge ? { countType: 'sinceImagePushed' as const, countUnit: 'days' as const } : {}) })));

  it('expires each image at most once, never one an earlier rule matched, whatever the order of images and rules', () => {
    fc.assert(
      fc.property(rules, images, (ruleList, imageList) => {
        const results = evaluateLifecyclePolicy(ruleList, imageList, NOW);
        expect(new Set(results.map((r) => r.imageDigest)).size).toBe(results.length);
        expect(evaluateLifecyclePolicy([...ruleList].reverse(), [...imageList].reverse(), NOW).map((r) => r.imageDigest).sort()).toEqual(results.map((r) => r.imageDigest).sort());
        for (const result of results) {
          const earlier = ruleList.filter((r) => r.rulePriority < result.appliedRulePriority);
          const claimed = earlier.some((r) => (r.selection.tagStatus === 'untagged' ? result.imageTags.length === 0 : result.imageTags.some((t) => t.startsWith(r.selection.tagPrefixList?.[0] ?? ''))));
          expect(claimed).toBe(false);
        }
      }),
    );
  });
});
