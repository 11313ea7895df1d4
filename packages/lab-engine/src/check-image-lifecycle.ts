import { evaluateLifecyclePolicy } from '@skylab/emulator';
import type { Lab } from '@skylab/validation';
import { decided, errored, LAB_PROBLEM, type CheckInput, type CheckRun } from './check-result.ts';
import { storedRules } from './repository-behaviour.ts';
import { renderDeep } from './template.ts';

// A `lifecycle` check over images: the task's repository's lifecycle policy evaluated on the check's images at
// `at` (GetLifecyclePolicyPreview), and each image's fate with the rule that decided it.

const DAY_MS = 86400000;

/** A `lifecycle` check over images: each image named in `expect` is expired or kept as it says. */
export function runImageLifecycleCheck(input: CheckInput, lab: Lab): CheckRun {
  const spec = renderDeep(input.check.lifecycle, input.params);
  if (spec === undefined) return errored(input, LAB_PROBLEM, 'the check has no `lifecycle` assertion');
  const task = lab.tasks.find((t) => t.id === spec.task);
  if (task?.kind !== 'ecr-repository') return errored(input, LAB_PROBLEM, `there is no \`ecr-repository\` task \`${spec.task}\``);
  const repository = input.state.ecr.repositories[renderDeep(task.repositoryName, input.params)];
  if (!repository) return errored(input, LAB_PROBLEM, `there is no repository \`${task.repositoryName}\` in the account`);
  const at = Date.parse(spec.at);
  const rules = storedRules(repository) ?? [];
  const images = spec.images.map((i) => ({ imageDigest: i.id, imageTags: i.imageTags, imagePushedAt: at - i.ageDays * DAY_MS }));
  const fate = new Map(evaluateLifecyclePolicy(rules, images, at).map((r) => [r.imageDigest, r.appliedRulePriority]));
  const wrong = (id: string) => spec.expect[id] !== undefined && spec.expect[id].expired !== fate.has(id);
  const lines = spec.images.map((i) => {
    const priority = fate.get(i.id);
    const tags = i.imageTags.length === 0 ? 'untagged' : i.imageTags.map((t) => `\`${t}\``).join(', ');
    const verdict = priority === undefined ? 'kept' : `expired by the rule with priority ${priority}`;
    return `- \`${i.id}\` (${tags}, pushed ${i.ageDays} days before): ${verdict}${wrong(i.id) ? ` — expected ${spec.expect[i.id]?.expired ? 'expired' : 'kept'}` : ''}`;
  });
  const head = rules.length === 0 ? 'the repository has no lifecycle policy: every image is kept' : `${fate.size} of ${images.length} images expire by ${spec.at}`;
  return decided(input, !spec.images.some((i) => wrong(i.id)), [head, ...lines].join('\n'));
}
