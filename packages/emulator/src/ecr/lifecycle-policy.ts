import { ecrLifecycleSchema, parseJson } from '@skylab/validation';
import type { z } from 'zod';

// Lifecycle policies (https://docs.aws.amazon.com/AmazonECR/latest/userguide/LifecyclePolicies.html and
// https://docs.aws.amazon.com/AmazonECR/latest/userguide/lifecycle_policy_parameters.html), validated as ECR
// validates them and evaluated as GetLifecyclePolicyPreview reports: rules in `rulePriority` order, lowest
// first; an image that matches the tagging requirements of a rule cannot be expired by a later rule, and each
// image is expired by at most one rule. Archiving (`transition`, `storageClass`,
// `sinceImagePulled`, `sinceImageTransitioned`) is not modelled: the schema refuses those fields by name.

/** One lifecycle rule, as the policy JSON spells it. */
export type LifecycleRule = z.output<typeof ecrLifecycleSchema>['rules'][number];

/** A problem of a lifecycle policy, at its place in the policy. */
export interface LifecycleProblem {
  path: (string | number)[];
  message: string;
}

const POLICY_LIMIT = 30720;
const MAX_WILDCARDS = 4;

function ruleProblems(rule: LifecycleRule, index: number, highest: number): LifecycleProblem[] {
  const at = (key: string, message: string): LifecycleProblem => ({ path: ['rules', index, 'selection', key], message });
  const { tagStatus, tagPrefixList, tagPatternList, countType, countUnit } = rule.selection;
  const problems: LifecycleProblem[] = [];
  if (tagStatus === 'any' && rule.rulePriority !== highest) problems.push({ path: ['rules', index, 'rulePriority'], message: `the \`any\` rule has priority ${rule.rulePriority}, but a \`tagStatus: any\` rule must have the highest priority (${highest})` });
  if (tagStatus === 'tagged' && !tagPrefixList && !tagPatternList) problems.push(at('tagStatus', 'a `tagged` rule needs `tagPrefixList` or `tagPatternList`'));
  if (tagPrefixList && tagPatternList) problems.push(at('tagPatternList', 'give `tagPrefixList` or `tagPatternList`, not both'));
  if (tagStatus !== 'tagged' && (tagPrefixList || tagPatternList)) problems.push(at(tagPrefixList ? 'tagPrefixList' : 'tagPatternList', `tag lists are only for \`tagged\` rules, this one is \`${tagStatus}\``));
  (tagPatternList ?? []).forEach((pattern, i) => {
    if ((pattern.match(/\*/g) ?? []).length > MAX_WILDCARDS) problems.push({ path: ['rules', index, 'selection', 'tagPatternList', i], message: `the pattern \`${pattern}\` has more than ${MAX_WILDCARDS} wildcards` });
  });
  if (countType === 'sinceImagePushed' && countUnit === undefined) problems.push(at('countUnit', '`sinceImagePushed` needs `countUnit: days`'));
  if (countType === 'imageCountMoreThan' && countUnit !== undefined) problems.push(at('countUnit', '`countUnit` is only for `sinceImagePushed`'));
  return problems;
}

/** What ECR refuses in a lifecycle policy that the JSON schema lets through: priorities, tag lists and count units. */
export function lifecycleProblems(rules: readonly LifecycleRule[]): LifecycleProblem[] {
  const highest = Math.max(...rules.map((r) => r.rulePriority));
  const seen = new Map<number, number>();
  const problems: LifecycleProblem[] = [];
  rules.forEach((rule, index) => {
    const first = seen.get(rule.rulePriority);
    if (first !== undefined) problems.push({ path: ['rules', index, 'rulePriority'], message: `rule priority ${rule.rulePriority} is used by rule ${first + 1} too: priorities must be unique` });
    else seen.set(rule.rulePriority, index);
    problems.push(...ruleProblems(rule, index, highest));
  });
  return problems;
}

/** The rules of a lifecycle policy text, or the problems that make ECR refuse it. */
export function parseLifecyclePolicy(text: string): { rules: LifecycleRule[] } | { problems: LifecycleProblem[] } {
  if (text.length > POLICY_LIMIT) return { problems: [{ path: [], message: `a lifecycle policy is at most ${POLICY_LIMIT} characters` }] };
  const document = parseJson(text);
  if (document.value === undefined) return { problems: document.findings.map((f) => ({ path: [...f.path], message: f.message })) };
  const parsed = ecrLifecycleSchema.safeParse(document.value);
  if (!parsed.success) return { problems: parsed.error.issues.map((i) => ({ path: i.path.map((p) => (typeof p === 'symbol' ? String(p) : p)), message: i.message })) };
  const problems = lifecycleProblems(parsed.data.rules);
  return problems.length > 0 ? { problems } : { rules: parsed.data.rules };
}

/** An image as the lifecycle evaluator sees it. */
export interface LifecycleImage {
  imageDigest: string;
  imageTags: readonly string[];
  /** Epoch milliseconds. */
  imagePushedAt: number;
}

/** One image the policy expires, in GetLifecyclePolicyPreview's shape. */
export interface LifecyclePreviewResult {
  imageDigest: string;
  imageTags: string[];
  imagePushedAt: number;
  action: { type: 'EXPIRE' };
  appliedRulePriority: number;
}

const DAY_MS = 86400000;

function patternMatches(pattern: string, tag: string): boolean {
  const source = pattern.split('*').map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*');
  return new RegExp(`^${source}$`).test(tag);
}

// With several prefixes or patterns, only images that have a tag for every one of them are selected
// (lifecycle_policy_parameters.html, `tagPrefixList`).
function selects(rule: LifecycleRule, image: LifecycleImage): boolean {
  const { tagStatus, tagPrefixList, tagPatternList } = rule.selection;
  if (tagStatus === 'any') return true;
  if (tagStatus === 'untagged') return image.imageTags.length === 0;
  if (image.imageTags.length === 0) return false;
  if (tagPrefixList) return tagPrefixList.every((prefix) => image.imageTags.some((t) => t.startsWith(prefix)));
  return (tagPatternList ?? []).every((pattern) => image.imageTags.some((t) => patternMatches(pattern, t)));
}

// Newest first; equal push times fall back to the digest so the order never depends on input order.
const newestFirst = (a: LifecycleImage, b: LifecycleImage) => b.imagePushedAt - a.imagePushedAt || (a.imageDigest < b.imageDigest ? -1 : a.imageDigest > b.imageDigest ? 1 : 0);

function expiredBy(rule: LifecycleRule, selected: readonly LifecycleImage[], now: number): LifecycleImage[] {
  const { countType, countNumber } = rule.selection;
  if (countType === 'imageCountMoreThan') return [...selected].sort(newestFirst).slice(countNumber).reverse();
  return selected.filter((image) => now - image.imagePushedAt > countNumber * DAY_MS);
}

/**
 * Which images the rules expire at `now` (epoch ms), and by which rule: a pure GetLifecyclePolicyPreview.
 * A rule counts every image its selection matches, those earlier rules matched included (the examples of
 * lifecycle_policy_examples.html, "Filtering on multiple rules"), but expires only images no earlier rule matched.
 */
export function evaluateLifecyclePolicy(rules: readonly LifecycleRule[], images: readonly LifecycleImage[], now: number): LifecyclePreviewResult[] {
  const seen = new Set<string>();
  const results: LifecyclePreviewResult[] = [];
  for (const rule of [...rules].sort((a, b) => a.rulePriority - b.rulePriority)) {
    const selected = images.filter((image) => selects(rule, image));
    for (const image of expiredBy(rule, selected, now)) {
      if (seen.has(image.imageDigest)) continue;
      results.push({ imageDigest: image.imageDigest, imageTags: [...image.imageTags], imagePushedAt: image.imagePushedAt, action: { type: 'EXPIRE' }, appliedRulePriority: rule.rulePriority });
    }
    for (const image of selected) seen.add(image.imageDigest);
  }
  return results;
}
