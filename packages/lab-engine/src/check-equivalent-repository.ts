import type { Lab } from '@skylab/validation';
import { behaviourDiff, diffExplanation } from './behaviour-diff.ts';
import { decided, errored, LAB_PROBLEM, type CheckInput, type CheckRun } from './check-result.ts';
import { repositoryBehaviours } from './repository-behaviour.ts';
import { renderDeep } from './template.ts';

// An ECR repository graded by what it does (DESIGN §3): its settings, who may do what to it, and which images
// its lifecycle policy expires, against the solution's repository.

/** An `equivalent-repository` check: the repository the answer creates behaves as the solution's. */
export function runEquivalentRepositoryCheck(input: CheckInput, lab: Lab): CheckRun {
  const spec = renderDeep(input.check['equivalent-repository'], input.params);
  if (spec === undefined) return errored(input, LAB_PROBLEM, 'the check has no `equivalent-repository` assertion');
  const task = lab.tasks.find((t) => t.id === spec.task);
  if (task?.kind !== 'ecr-repository') return errored(input, LAB_PROBLEM, `there is no \`ecr-repository\` task \`${spec.task}\``);
  const name = renderDeep(task.repositoryName, input.params);
  const behaviours = repositoryBehaviours([input.state, input.reference()], name, spec.principals ?? [], input.ctx);
  if (!behaviours) return errored(input, LAB_PROBLEM, `there is no repository \`${name}\` in the account`);
  const [mine, theirs] = behaviours;
  const diff = behaviourDiff(mine, theirs);
  const differences = diff.onlyMine.length + diff.onlyReference.length;
  const head = `compared on ${theirs.length} outcomes: settings, every ECR action by every caller, and the images the lifecycle policy expires; ${differences === 0 ? 'all alike' : `${differences} different`}`;
  return decided(input, differences === 0, diffExplanation(head, diff, spec.examples));
}
