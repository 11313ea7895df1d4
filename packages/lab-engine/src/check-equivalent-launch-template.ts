import type { Lab } from '@skylab/validation';
import { decided, errored, LAB_PROBLEM, type CheckInput, type CheckRun } from './check-result.ts';
import { defaultTemplateData, effectiveFields, templateDevices } from './launch-template-fields.ts';
import { launchBehaviour, launchSubnet } from './launch-template-launch.ts';
import { renderDeep } from './template.ts';

// A launch template graded by what it launches (DESIGN §3): every field that decides how an instance is
// reached, what it may call and what it stores, read with EC2's defaults, compared with the solution's;
// then an instance launched from each, so the learner reads what the difference does to a running instance.

function differing(a: Map<string, string>, b: Map<string, string>, prefix: string): string[] {
  const keys = [...new Set([...a.keys(), ...b.keys()])];
  return keys.filter((k) => a.get(k) !== b.get(k)).map((k) => `- ${prefix}\`${k}\`: yours \`${a.get(k) ?? 'not launched'}\`, the reference \`${b.get(k) ?? 'not launched'}\``);
}

/** An `equivalent-launch-template` check: the task's template launches instances configured as the solution's. */
export function runEquivalentLaunchTemplateCheck(input: CheckInput, lab: Lab): CheckRun {
  const spec = renderDeep(input.check['equivalent-launch-template'], input.params);
  if (spec === undefined) return errored(input, LAB_PROBLEM, 'the check has no `equivalent-launch-template` assertion');
  const task = lab.tasks.find((t) => t.id === spec.task);
  if (task?.kind !== 'launch-template') return errored(input, LAB_PROBLEM, `there is no \`launch-template\` task \`${spec.task}\``);
  const name = renderDeep(task.LaunchTemplateName, input.params);
  const referenceState = input.reference();
  const mine = defaultTemplateData(input.state, name);
  const theirs = defaultTemplateData(referenceState, name);
  if (!mine || !theirs) return errored(input, LAB_PROBLEM, `there is no launch template \`${name}\` in the account`);
  const devices = templateDevices(mine, theirs);
  const a = effectiveFields(input.state, mine, devices);
  const b = effectiveFields(referenceState, theirs, devices);
  const subnet = launchSubnet(input.state, spec.subnet);
  if (spec.subnet !== undefined && subnet === undefined) return errored(input, LAB_PROBLEM, `there is no subnet \`${spec.subnet}\` in the account`);
  const launched = launchBehaviour(input.state, name, subnet, input.ctx);
  const reference = launchBehaviour(referenceState, name, subnet, input.ctx);
  if (reference.get('launch') !== 'launched') return errored(input, LAB_PROBLEM, `an instance of the solution's template could not be launched: ${reference.get('launch') ?? ''}`);
  const differences = [...differing(a, b, ''), ...differing(launched, reference, 'launched instance, ')];
  const head = `compared on ${a.size} fields of the default version, with EC2's defaults filled in, and on an instance launched from each template: ${differences.length === 0 ? 'all alike' : `${differences.length} different`}`;
  if (differences.length === 0) return decided(input, true, head);
  const more = differences.length > spec.examples ? [`… and ${differences.length - spec.examples} more`] : [];
  return decided(input, false, [head, ...differences.slice(0, spec.examples), ...more].join('\n'));
}
