import type { Lab } from '@skylab/validation';
import { behaviourDiff, diffExplanation } from './behaviour-diff.ts';
import { decided, errored, LAB_PROBLEM, type CheckInput, type CheckRun } from './check-result.ts';
import { ebsBehaviour, namedAccounts } from './ebs-behaviour.ts';
import { renderDeep } from './template.ts';

// EBS settings graded by what they do (DESIGN §3): the volumes a universe of creates and launches makes, and
// who can create volumes from each snapshot, in the learner's account and in the solution's.

/** An `equivalent-ebs-settings` check: the account's EBS behaviour is the solution's. */
export function runEquivalentEbsSettingsCheck(input: CheckInput, lab: Lab): CheckRun {
  const spec = renderDeep(input.check['equivalent-ebs-settings'], input.params);
  if (spec === undefined) return errored(input, LAB_PROBLEM, 'the check has no `equivalent-ebs-settings` assertion');
  const task = lab.tasks.find((t) => t.id === spec.task);
  if (task?.kind !== 'ebs-settings') return errored(input, LAB_PROBLEM, `there is no \`ebs-settings\` task \`${spec.task}\``);
  const reference = input.reference();
  const setupSnapshots = new Set(renderDeep(lab.setup.ec2.snapshots, input.params).map((s) => s.Name));
  const accounts = namedAccounts([input.state, reference], spec.accounts ?? [], input.ctx);
  const mine = ebsBehaviour(input.state, setupSnapshots, accounts, input.ctx);
  const theirs = ebsBehaviour(reference, setupSnapshots, accounts, input.ctx);
  const diff = behaviourDiff(mine, theirs);
  const differences = diff.onlyMine.length + diff.onlyReference.length;
  const head = `compared on ${theirs.length} outcomes: volumes created and launched, and ${accounts.length} accounts on every snapshot; ${differences === 0 ? 'all alike' : `${differences} different`}`;
  return decided(input, differences === 0, diffExplanation(head, diff, spec.examples));
}
