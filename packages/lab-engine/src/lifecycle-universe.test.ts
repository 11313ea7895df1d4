import type { LifecycleRule } from '@skylab/emulator';
import { describe, expect, it } from 'vitest';
import { lifecycleFates, lifecycleScenarios, witnessTags } from './lifecycle-universe.ts';

const NOW = Date.UTC(2026, 0, 1);

function rule(rulePriority: number, selection: Partial<LifecycleRule['selection']>): LifecycleRule {
  return { rulePriority, selection: { tagStatus: 'untagged', countType: 'imageCountMoreThan', countNumber: 1, ...selection }, action: { type: 'expire' } };
}

const releases = (selection: Partial<LifecycleRule['selection']>) => [rule(1, { tagStatus: 'tagged', tagPrefixList: ['v'], countNumber: 10, ...selection }), rule(2, { countType: 'sinceImagePushed', countUnit: 'days', countNumber: 14 })];

function agree(a: LifecycleRule[], b: LifecycleRule[]): boolean {
  const scenarios = lifecycleScenarios([a, b], NOW);
  return JSON.stringify(lifecycleFates(a, scenarios, NOW)) === JSON.stringify(lifecycleFates(b, scenarios, NOW));
}

describe('the lifecycle universe tells policies apart', () => {
  it.each([
    ['a prefix and the same prefix as a pattern', releases({}), releases({ tagPrefixList: undefined, tagPatternList: ['v*'] }), true],
    ['rules with disjoint selections in either order', releases({}), releases({}).map((r) => ({ ...r, rulePriority: 3 - r.rulePriority })), true],
    ['a count one higher', releases({}), releases({ countNumber: 11 }), false],
    ['a prefix one character longer', releases({}), releases({ tagPrefixList: ['v1'] }), false],
    ['a pattern for the prefix without its wildcard', releases({}), releases({ tagPrefixList: undefined, tagPatternList: ['v'] }), false],
    ['an age one day longer', releases({}), [releases({})[0] as LifecycleRule, rule(2, { countType: 'sinceImagePushed', countUnit: 'days', countNumber: 15 })], false],
    ['any instead of untagged', releases({}), [releases({})[0] as LifecycleRule, rule(2, { tagStatus: 'any', countType: 'sinceImagePushed', countUnit: 'days', countNumber: 14 })], false],
    ['any counting releases', releases({}), [rule(1, { countType: 'sinceImagePushed', countUnit: 'days', countNumber: 14 }), rule(2, { tagStatus: 'any', countNumber: 10 })], false],
  ])('%s', (_name, a, b, same) => {
    expect(agree(a, b)).toBe(same);
  });

  it('draws witnesses and near misses from both policies', () => {
    expect(witnessTags([[rule(1, { tagStatus: 'tagged', tagPrefixList: ['rel'] })], [rule(1, { tagStatus: 'tagged', tagPatternList: ['*-prod'] })]])).toEqual(
      expect.arrayContaining(['rel', 'rel1', 're', 'xrel', 'REL', '1-prod', 'prod', 'x1-prod', 'latest']),
    );
  });

  it('puts an image on each side of every day boundary', () => {
    const scenario = lifecycleScenarios([releases({})], NOW).find((s) => s.label === 'untagged, pushed 14 days ago give or take an hour');
    expect(scenario?.images.map((i) => (NOW - i.imagePushedAt) / 3600000)).toEqual([14 * 24 - 1, 14 * 24 + 1]);
  });
});
