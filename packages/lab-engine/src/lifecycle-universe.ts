import { evaluateLifecyclePolicy, type LifecycleImage, type LifecycleRule } from '@skylab/emulator';

// The images on which two lifecycle policies must agree (DESIGN §3): tags drawn from every prefix and pattern
// of both policies with their near misses, untagged images, counts around every `countNumber` of a count
// rule and ages on both sides of every day boundary of an age rule, alone and all together (where priorities
// decide which rule an image belongs to), and images carrying one tag per entry of a multi-entry list.

const DAY_MS = 86400000;
const HOUR_MS = 3600000;
const MAX_TAGS = 40;

/** One situation of the universe: images in a repository at one moment. */
export interface LifecycleScenario {
  label: string;
  images: LifecycleImage[];
}

function prefixWitnesses(prefix: string): string[] {
  const near = [prefix.slice(0, -1), `x${prefix}`, prefix.toUpperCase()].filter((t) => t !== '' && t !== prefix);
  return [prefix, `${prefix}1`, `${prefix}2.0-rc`, ...near];
}

function patternWitnesses(pattern: string): string[] {
  const fill = (value: string) => pattern.split('*').join(value);
  const literal = pattern.replace(/\*/g, '');
  const near = [literal.slice(1), `x${fill('1')}`, fill('1').toUpperCase()].filter((t) => t !== '');
  return [fill(''), fill('1'), fill('2.0-rc'), ...near];
}

const TAG = /^[a-zA-Z0-9_][a-zA-Z0-9._-]{0,127}$/;

/** Every witness tag of the rules of both policies, plus tags nobody named. */
export function witnessTags(policies: readonly (readonly LifecycleRule[])[]): string[] {
  const tags = new Set<string>(['latest', 'sha-0f3a']);
  for (const rule of policies.flat()) {
    for (const prefix of rule.selection.tagPrefixList ?? []) for (const t of prefixWitnesses(prefix)) tags.add(t);
    for (const pattern of rule.selection.tagPatternList ?? []) for (const t of patternWitnesses(pattern)) tags.add(t);
  }
  return [...tags].filter((t) => TAG.test(t)).slice(0, MAX_TAGS);
}

function counts(policies: readonly (readonly LifecycleRule[])[]): number[] {
  const out = new Set([1]);
  for (const rule of policies.flat()) if (rule.selection.countType === 'imageCountMoreThan') for (const n of [rule.selection.countNumber, rule.selection.countNumber + 1]) if (n <= 60) out.add(n);
  return [...out].sort((a, b) => a - b);
}

function dayBoundaries(policies: readonly (readonly LifecycleRule[])[]): number[] {
  return [...new Set(policies.flat().flatMap((r) => (r.selection.countType === 'sinceImagePushed' ? [r.selection.countNumber] : [])))].sort((a, b) => a - b);
}

// The i-th image of a class: tag `w`, then `w` with a suffix so tags stay unique in the repository.
const classTag = (tag: string | undefined, i: number) => (tag === undefined ? [] : [i === 0 ? tag : `${tag}.${i}`]);
const labelOf = (tag: string | undefined) => (tag === undefined ? 'untagged' : `tagged \`${tag}\``);

function image(id: string, tags: string[], ageMs: number, now: number): LifecycleImage {
  return { imageDigest: id, imageTags: tags, imagePushedAt: now - ageMs };
}

/** The scenarios of the universe for both policies, at `now` (epoch ms). */
export function lifecycleScenarios(policies: readonly (readonly LifecycleRule[])[], now: number): LifecycleScenario[] {
  const classes: (string | undefined)[] = [undefined, ...witnessTags(policies)];
  const sizes = counts(policies);
  const days = dayBoundaries(policies);
  const scenarios: LifecycleScenario[] = [];
  for (const tag of classes) {
    for (const n of sizes) scenarios.push({ label: `${n} image(s) ${labelOf(tag)}, pushed 1 to ${n} days ago`, images: Array.from({ length: n }, (_, i) => image(`${i + 1}`, classTag(tag, i), (i + 1) * DAY_MS, now)) });
    for (const d of days) scenarios.push({ label: `${labelOf(tag)}, pushed ${d} days ago give or take an hour`, images: [image('younger', classTag(tag, 0), d * DAY_MS - HOUR_MS, now), image('older', classTag(tag, 1), d * DAY_MS + HOUR_MS, now)] });
  }
  const most = Math.max(...sizes);
  const oldest = Math.max(0, ...days) + 2;
  scenarios.push({
    label: `${most} images of every tag and untagged together, ages spread up to ${oldest} days`,
    images: classes.flatMap((tag, c) => Array.from({ length: most }, (_, i) => image(`${labelOf(tag)} #${i + 1}`, classTag(tag, i), ((i * oldest) / Math.max(1, most - 1)) * DAY_MS + (c + 1) * HOUR_MS, now))),
  });
  for (const rule of policies.flat()) {
    const entries = rule.selection.tagPrefixList ?? rule.selection.tagPatternList ?? [];
    if (entries.length < 2) continue;
    const tags = entries.map((e) => e.split('*').join('1'));
    scenarios.push({ label: `one image tagged ${tags.map((t) => `\`${t}\``).join(', ')} and one without the last`, images: [image('all', tags, (oldest + 1) * DAY_MS, now), image('all but one', tags.slice(0, -1).map((t) => `${t}.b`), (oldest + 1) * DAY_MS, now)] });
  }
  return scenarios;
}

/** What a policy does in each scenario, as lines: the images it expires (or none). */
export function lifecycleFates(rules: readonly LifecycleRule[] | undefined, scenarios: readonly LifecycleScenario[], now: number): string[] {
  return scenarios.map((scenario) => {
    const expired = rules ? evaluateLifecyclePolicy(rules, scenario.images, now).map((r) => r.imageDigest).sort() : [];
    return `${scenario.label}: ${expired.length === 0 ? 'nothing expires' : `expires ${expired.map((id) => `\`${id}\``).join(', ')}`}`;
  });
}
