import { issuesToFindings, parseJson, s3LifecycleSchema, type S3LifecycleRule } from '@skylab/validation';
import { AwsError } from '../errors.ts';
import { InvalidArgument, InvalidRequest, MalformedXML, NotImplemented } from './errors.ts';
import { depth, predicates, ruleName, THIRTY_DAY_CLASSES } from './lifecycle-rules.ts';
import type { BucketLifecycleConfiguration } from './state.ts';

// The checks PutBucketLifecycleConfiguration makes
// (https://docs.aws.amazon.com/AmazonS3/latest/API/API_PutBucketLifecycleConfiguration.html,
// https://docs.aws.amazon.com/AmazonS3/latest/userguide/intro-lifecycle-rules.html and the transition
// constraints of lifecycle-transition-general-considerations.html): the document's shape (MalformedXML),
// then each rule's filter and actions (InvalidArgument, InvalidRequest).

type Transition = { Days?: number; Date?: string; NoncurrentDays?: number; StorageClass: string };

function filterProblem(rule: S3LifecycleRule, name: string): void {
  if (rule.Filter !== undefined && rule.Prefix !== undefined) throw new MalformedXML(`${name} has both \`Filter\` and the legacy \`Prefix\`: use \`Filter\``);
  if (rule.Filter === undefined && rule.Prefix === undefined) throw new MalformedXML(`${name} needs a \`Filter\` (\`{}\` for every object)`);
  const f = rule.Filter ?? {};
  const set = (['Prefix', 'Tag', 'ObjectSizeGreaterThan', 'ObjectSizeLessThan', 'And'] as const).filter((k) => f[k] !== undefined);
  if (set.length > 1) throw new MalformedXML(`${name}'s \`Filter\` has ${set.map((k) => `\`${k}\``).join(' and ')}: combine predicates inside \`And\``);
  if (f.And) {
    const count = (f.And.Prefix !== undefined ? 1 : 0) + (f.And.Tags?.length ?? 0) + (f.And.ObjectSizeGreaterThan !== undefined ? 1 : 0) + (f.And.ObjectSizeLessThan !== undefined ? 1 : 0);
    if (count < 2) throw new MalformedXML(`${name}'s \`And\` combines fewer than two predicates: use the predicate on its own`);
  }
  const p = predicates(rule);
  if (p.greaterThan !== undefined && p.lessThan !== undefined && p.greaterThan >= p.lessThan) {
    throw new InvalidArgument(`${name}: \`ObjectSizeGreaterThan\` (${p.greaterThan}) must be less than \`ObjectSizeLessThan\` (${p.lessThan})`);
  }
  const tagged = p.tags.length > 0;
  if (tagged && rule.Expiration?.ExpiredObjectDeleteMarker !== undefined) throw new InvalidRequest(`${name}: \`ExpiredObjectDeleteMarker\` cannot be specified with a tag filter`);
  if ((tagged || p.greaterThan !== undefined || p.lessThan !== undefined) && rule.AbortIncompleteMultipartUpload) {
    throw new InvalidRequest(`${name}: \`AbortIncompleteMultipartUpload\` cannot be specified with a tag or object size filter`);
  }
}

const daysOf = (t: Transition) => t.Days ?? t.NoncurrentDays;

/** Transitions of one rule: each class at most once, 30 days for the IA classes, and down the waterfall as the days grow. */
function transitionsProblem(transitions: readonly Transition[], name: string, field: 'Days' | 'NoncurrentDays', expiration: number | undefined): void {
  if (transitions.some((t) => t.Date !== undefined) && transitions.some((t) => t.Days !== undefined)) {
    throw new InvalidRequest(`${name} mixes \`Date\` and \`Days\` based transitions`);
  }
  const seen = new Set<string>();
  for (const t of transitions) {
    if (t.Date === undefined && daysOf(t) === undefined) throw new MalformedXML(`${name}: a transition to \`${t.StorageClass}\` needs \`${field}\``);
    if (seen.has(t.StorageClass)) throw new InvalidArgument(`${name} transitions to \`${t.StorageClass}\` twice`);
    seen.add(t.StorageClass);
    const days = daysOf(t);
    if (days !== undefined && THIRTY_DAY_CLASSES.has(t.StorageClass) && days < 30) {
      throw new InvalidArgument(`${name}: \`${field}\` in a transition to \`${t.StorageClass}\` must be at least 30, not ${days}: objects stay 30 days in S3 before moving to an infrequent access class`);
    }
    if (days !== undefined && expiration !== undefined && days >= expiration) {
      throw new InvalidArgument(`${name}: the expiration (${expiration} days) must come after the transition to \`${t.StorageClass}\` (${days} days)`);
    }
  }
  const timed = [...transitions].sort((a, b) => (daysOf(a) ?? Date.parse(a.Date ?? '')) - (daysOf(b) ?? Date.parse(b.Date ?? '')));
  for (let i = 1; i < timed.length; i++) {
    const [before, after] = [timed[i - 1] as Transition, timed[i] as Transition];
    if (depth(after.StorageClass) <= depth(before.StorageClass)) {
      throw new InvalidArgument(`${name}: \`${after.StorageClass}\` comes after \`${before.StorageClass}\`, against the waterfall STANDARD_IA → INTELLIGENT_TIERING → ONEZONE_IA → GLACIER_IR → GLACIER → DEEP_ARCHIVE`);
    }
    if (daysOf(after) !== undefined && daysOf(after) === daysOf(before)) throw new InvalidArgument(`${name}: two transitions on the same day (${String(daysOf(after))})`);
  }
}

function actionsProblem(rule: S3LifecycleRule, name: string): void {
  const actions = [rule.Expiration, rule.Transitions?.length ? rule.Transitions : undefined, rule.NoncurrentVersionExpiration, rule.NoncurrentVersionTransitions?.length ? rule.NoncurrentVersionTransitions : undefined, rule.AbortIncompleteMultipartUpload];
  if (actions.every((a) => a === undefined)) throw new InvalidRequest(`${name} has no action: at least one action needs to be specified in a rule`);
  const e = rule.Expiration;
  if (e) {
    const set = (['Days', 'Date', 'ExpiredObjectDeleteMarker'] as const).filter((k) => e[k] !== undefined);
    if (set.length !== 1) throw new MalformedXML(`${name}'s \`Expiration\` needs exactly one of \`Days\`, \`Date\` and \`ExpiredObjectDeleteMarker\``);
  }
  const n = rule.NoncurrentVersionExpiration;
  if (n?.NewerNoncurrentVersions !== undefined || rule.NoncurrentVersionTransitions?.some((t) => t.NewerNoncurrentVersions !== undefined)) {
    throw new NotImplemented(`${name}: \`NewerNoncurrentVersions\` is not modelled by Skylab`);
  }
  if (n && n.NoncurrentDays === undefined) throw new MalformedXML(`${name}'s \`NoncurrentVersionExpiration\` needs \`NoncurrentDays\``);
  transitionsProblem(rule.Transitions ?? [], name, 'Days', e?.Days);
  transitionsProblem(rule.NoncurrentVersionTransitions ?? [], name, 'NoncurrentDays', n?.NoncurrentDays);
}

const RULE_ERRORS = { InvalidArgument, InvalidRequest, MalformedXML, NotImplemented } as const;

/** The same error, placed at the rule it is about. */
function atRule(error: AwsError, index: number): AwsError {
  const Type = RULE_ERRORS[error.code as keyof typeof RULE_ERRORS];
  return Type ? new Type(error.message, [{ ruleId: `s3/${error.code}`, severity: 'error', path: ['Rules', index], message: error.message }]) : error;
}

/**
 * A lifecycle configuration as S3 accepts it, or the error S3 answers: the shape first (with findings
 * placed in the document), then unique rule ids, filters and actions.
 */
export function validLifecycleConfiguration(input: unknown): BucketLifecycleConfiguration {
  const parsed = s3LifecycleSchema.safeParse(input);
  if (!parsed.success) {
    const doc = parseJson(JSON.stringify(input ?? null));
    const findings = issuesToFindings(parsed.error.issues, doc, { rulePrefix: 's3' });
    throw new MalformedXML(findings[0]?.message ?? 'the lifecycle configuration does not follow the schema', findings);
  }
  const ids = new Set<string>();
  parsed.data.Rules.forEach((rule, i) => {
    const name = ruleName(rule, i);
    if (rule.ID !== undefined && ids.has(rule.ID)) throw new InvalidArgument(`rule id \`${rule.ID}\` is used by more than one rule: ids must be unique`);
    if (rule.ID !== undefined) ids.add(rule.ID);
    try {
      filterProblem(rule, name);
      actionsProblem(rule, name);
    } catch (error) {
      throw error instanceof AwsError && error.findings.length === 0 ? atRule(error, i) : error;
    }
  });
  return parsed.data;
}
