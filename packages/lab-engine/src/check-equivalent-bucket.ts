import { effectivePublicAccessBlock, evaluatePolicies, explainAuthorization, newBucketDefaults, policyPublicity, type AccountState, type AuthorizationRequest } from '@skylab/emulator';
import type { Lab } from '@skylab/validation';
import { compareBucketAccess, type BucketAccessDifference } from './bucket-access-comparison.ts';
import { decided, errored, LAB_PROBLEM, type CheckInput, type CheckRun } from './check-result.ts';
import { compareLifecycle } from './lifecycle-universe.ts';
import { renderDeep } from './template.ts';

// `equivalent-bucket`, the exhaustive check of an `s3-bucket` task: the bucket the answer leaves against
// the solution's, on every behaviour the configuration decides — access, public or not, the Block Public
// Access settings in force, default encryption, versioning and the lifecycle fate of witness objects.

function settings(state: AccountState, bucket: string): [string, string][] {
  const b = state.s3.buckets[bucket];
  const bpa = effectivePublicAccessBlock(state, bucket);
  const rule = (b?.ServerSideEncryptionConfiguration ?? newBucketDefaults().ServerSideEncryptionConfiguration)?.Rules[0];
  const sse = rule?.ApplyServerSideEncryptionByDefault;
  const kms = sse?.SSEAlgorithm !== 'AES256';
  const publicity = policyPublicity(b?.Policy);
  return [
    ...Object.entries(bpa).map(([k, v]): [string, string] => [`Block Public Access \`${k}\` in force`, String(v)]),
    ['the bucket policy is public', String(publicity.IsPublic)],
    ['default encryption', sse ? `${sse.SSEAlgorithm}${kms && sse.KMSMasterKeyID ? ` with \`${sse.KMSMasterKeyID}\`` : kms ? ' with the AWS managed key `aws/s3`' : ''}` : 'none'],
    ['S3 Bucket Key', kms ? String(rule?.BucketKeyEnabled === true) : 'not used with SSE-S3'],
    ['versioning', b?.Versioning ?? 'never enabled'],
  ];
}

function accessLine(d: BucketAccessDifference): string {
  const context = Object.entries(d.request.context ?? {}).map(([k, v]) => `\`${k}\` = \`${Array.isArray(v) ? v.join(', ') : v}\``);
  const head = `- \`${d.request.principalArn}\`: \`${d.request.action}\` on \`${d.request.resource}\`${context.length ? ` with ${context.join(', ')}` : ''}`;
  const why = explainAuthorization(evaluatePolicies(d.minePolicies, d.request), { expandWildcards: true }).split('\n').map((l) => `  ${l}`);
  return [head, ...why].join('\n');
}

function section(title: string, lines: string[], count: number): string[] {
  if (lines.length === 0) return [];
  return [`${title} (${lines.length}):`, ...lines.slice(0, count), ...(lines.length > count ? [`… and ${lines.length - count} more`] : [])];
}

const plainest = (ds: BucketAccessDifference[]) => [...ds].sort((a, b) => Object.keys(a.request.context ?? {}).length - Object.keys(b.request.context ?? {}).length || a.request.resource.length - b.request.resource.length);

/** An `equivalent-bucket` check. */
export function runEquivalentBucketCheck(input: CheckInput, lab: Lab): CheckRun {
  const spec = renderDeep(input.check['equivalent-bucket'], input.params);
  if (spec === undefined) return errored(input, LAB_PROBLEM, 'the check has no `equivalent-bucket` assertion');
  const task = lab.tasks.find((t) => t.id === spec.task);
  if (task?.kind !== 's3-bucket') return errored(input, LAB_PROBLEM, `there is no \`s3-bucket\` task \`${spec.task}\``);
  const bucket = renderDeep(task.Bucket, input.params);
  const reference = input.reference();
  const mine = input.state.s3.buckets[bucket];
  const theirs = reference.s3.buckets[bucket];
  if (!mine || !theirs) return errored(input, LAB_PROBLEM, `the bucket \`${bucket}\` is not in the lab's account`);
  const where = { accountId: input.accountId ?? '', region: input.region ?? 'us-east-1' };
  const access = compareBucketAccess(input.state, reference, bucket, where);
  if (access.indeterminate.length > 0) {
    const first = access.indeterminate[0] as AuthorizationRequest;
    return errored(input, 'this check could not be decided: a policy uses something the simulator does not evaluate yet', `for example \`${first.action}\` on \`${first.resource}\` by \`${first.principalArn}\``);
  }
  const [a, b] = [settings(input.state, bucket), settings(reference, bucket)];
  const settingLines = a.flatMap(([name, value], i) => (value === b[i]?.[1] ? [] : [`- ${name}: yours is ${value}, the reference's is ${b[i]?.[1] ?? ''}`]));
  const lifecycle = compareLifecycle(mine, theirs);
  const fateLines = lifecycle.differences.map((d) => `- ${d.label} at ${new Date(d.at).toISOString()}: yours ${d.mine}, the reference's ${d.theirs}${d.history.length ? ` (${d.history.join('; ')})` : ''}`);
  const lines = [
    `compared ${access.evaluated} requests on the bucket, ${a.length} settings and ${lifecycle.evaluated} object fates`,
    ...section('your bucket allows what the reference does not', plainest(access.onlyA).map(accessLine), spec.examples),
    ...section('your bucket denies what the reference allows', plainest(access.onlyB).map(accessLine), spec.examples),
    ...section('settings that differ', settingLines, spec.examples),
    ...section('objects whose lifecycle fate differs', fateLines, spec.examples),
  ];
  const passed = access.onlyA.length + access.onlyB.length + settingLines.length + fateLines.length === 0;
  return decided(input, passed, lines.join('\n'));
}
