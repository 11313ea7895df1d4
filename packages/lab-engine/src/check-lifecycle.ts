import { DAY_MS, lifecycleFate, type LifecycleFate } from '@skylab/emulator';
import type { Lab } from '@skylab/validation';
import { decided, errored, LAB_PROBLEM, type CheckInput, type CheckRun } from './check-result.ts';
import { renderDeep } from './template.ts';

// A `lifecycle` check: the graded bucket's lifecycle rules and versioning run on a virtual clock for the
// check's object versions; each must have the expected class and state at `at`.

type Expectation = { storageClass?: string; expired?: boolean; state?: string };

function mismatch(fate: LifecycleFate, expect: Expectation): string | undefined {
  if (expect.storageClass !== undefined && fate.state !== 'deleted' && fate.storageClass !== expect.storageClass) return `is in ${fate.storageClass}, not ${expect.storageClass}`;
  if (expect.storageClass !== undefined && fate.state === 'deleted') return `was deleted, so it is not in ${expect.storageClass}`;
  if (expect.expired !== undefined && (fate.state !== 'current') !== expect.expired) return expect.expired ? 'is still the current version' : `is no longer current (${fate.state})`;
  if (expect.state !== undefined && fate.state !== expect.state) return `is ${fate.state}, not ${expect.state}`;
  return undefined;
}

/** Runs a `lifecycle` check on the graded account. */
export function runLifecycleCheck(input: CheckInput, lab: Lab): CheckRun {
  const spec = renderDeep(input.check.lifecycle, input.params);
  if (spec === undefined) return errored(input, LAB_PROBLEM, 'the check has no `lifecycle` assertion');
  const task = lab.tasks.find((t) => t.id === spec.task);
  if (task?.kind !== 's3-bucket') return errored(input, LAB_PROBLEM, `there is no \`s3-bucket\` task \`${spec.task}\``);
  const bucket = input.state.s3.buckets[renderDeep(task.Bucket, input.params)];
  if (!bucket) return errored(input, LAB_PROBLEM, `the bucket \`${task.Bucket}\` is not in the lab's account`);
  const at = Date.parse(spec.at);
  const lines: string[] = [];
  let passed = true;
  for (const object of spec.objects ?? []) {
    const id = object.id ?? object.key;
    const expect = spec.expect[id];
    const subject = {
      key: object.key,
      size: object.size,
      ...(object.tags ? { tags: object.tags } : {}),
      created: at - object.ageDays * DAY_MS,
      versionId: object.noncurrentDays !== undefined ? 'skylab-older' : 'skylab-current',
      ...(object.noncurrentDays !== undefined ? { noncurrentSince: at - object.noncurrentDays * DAY_MS } : {}),
    };
    const fate = lifecycleFate(bucket.LifecycleConfiguration, bucket.Versioning, subject, at);
    const problem = expect ? mismatch(fate, expect) : undefined;
    if (problem) passed = false;
    const state = fate.state === 'deleted' ? 'deleted' : `${fate.state} in ${fate.storageClass}`;
    lines.push(`- \`${id}\`${object.noncurrentDays !== undefined ? ' (noncurrent)' : ''}, ${object.ageDays} days old: ${state}${problem ? `: it ${problem}` : ''}${fate.history.length ? ` (${fate.history.join('; ')})` : ' (no rule acted on it)'}`);
  }
  return decided(input, passed, [`on ${spec.at}:`, ...lines].join('\n'));
}
