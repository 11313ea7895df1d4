import type { Ctx } from '@skylab/emulator';
import type { ExamItemAnswer, Lab, LabCheck } from '@skylab/validation';
import { grade } from '../grade.ts';
import { LabError } from '../lab-error.ts';
import { resolveParams } from '../params.ts';
import { provisionVariant } from '../provision.ts';
import { renderDeep } from '../template.ts';
import type { CheckResult, Provisioned } from '../types.ts';
import { labHash } from './draw-paper.ts';
import { share } from './grade-question.ts';
import type { HandsOnCheck, ItemResult, LabLookup, PaperHandsOnItem } from './types.ts';

/** The task a check grades, when it names one (`equivalent-access: { task }`, `quiz: { task }` …). */
function checkTask(check: LabCheck): string | undefined {
  for (const value of Object.values(check)) {
    if (value !== null && typeof value === 'object' && 'task' in value && typeof value.task === 'string') return value.task;
  }
  return undefined;
}

/**
 * The checks that grade one task: those that name it, and the probes that name no task (with the lab's other
 * tasks answered by the solution, what they see is this task's doing). Checks of the other tasks are left out.
 */
function taskChecks(lab: Lab, task: string, checks: readonly CheckResult[]): CheckResult[] {
  const owner = new Map(lab.checks.map((c) => [c.id, checkTask(c)]));
  return checks.filter((c) => {
    const named = owner.get(c.id);
    return named === undefined || named === task;
  });
}

function checkView(c: CheckResult): HandsOnCheck {
  return { id: c.id, title: c.title, status: c.status, points: c.points, maxPoints: c.maxPoints, message: c.message };
}

/**
 * The paper's variant: the params the learner was shown, so an edit of the lab's params since the paper was
 * drawn never changes the account graded; a param the lab gained since is drawn from the item's seed.
 */
function provisioned(lab: Lab, item: PaperHandsOnItem, ctx: Ctx): Provisioned | string {
  try {
    return provisionVariant(lab, { ...resolveParams(lab, item.seed), ...item.params }, ctx);
  } catch (error) {
    if (error instanceof LabError) return `lab \`${lab.id}\` could not be set up: ${error.message}`;
    throw error;
  }
}

/**
 * Grades a hands-on item with the lab's own grading: a fresh provision of the paper's variant, the learner's
 * answer for the item's task and the solution's for the lab's other tasks, then the task's checks scaled to
 * the item's points. The lab is the one loaded now, so a regrade after fixing a check uses the fix; the
 * result names the lab's hash. A lab or task no longer loaded, a setup that fails, or a check that cannot be
 * decided makes the item `error` (a check that cannot be decided earns nothing: fail closed).
 */
export function gradeHandsOn(item: PaperHandsOnItem, answer: ExamItemAnswer | undefined, labs: LabLookup, ctx: Ctx): ItemResult {
  const base = { id: item.id, kind: item.kind, domain: item.domain, maxPoints: item.points };
  const text = answer !== undefined && 'text' in answer ? answer.text : '';
  if (text.trim() === '') return { ...base, points: 0, status: 'unanswered' };
  const lab = labs(item.lab.id);
  if (lab === undefined || !lab.tasks.some((t) => t.id === item.task.id)) {
    return { ...base, points: 0, status: 'error', message: `lab \`${item.lab.id}\` with task \`${item.task.id}\` is not loaded` };
  }
  const variant = provisioned(lab, item, ctx);
  const hash = labHash(lab);
  if (typeof variant === 'string') return { ...base, points: 0, status: 'error', message: variant, labHash: hash };
  const answers = { ...renderDeep(lab.solution.answers, variant.params), [item.task.id]: text };
  const outcome = grade(lab, variant, answers, ctx);
  if (!outcome.ok) {
    const findings = outcome.findings.filter((f) => f.path[0] === item.task.id && f.severity === 'error');
    return { ...base, points: 0, status: 'incorrect', message: 'the answer was refused before grading', findings, labHash: hash };
  }
  const checks = taskChecks(lab, item.task.id, outcome.grade.checks);
  const earned = checks.reduce((sum, c) => sum + c.points, 0);
  const max = checks.reduce((sum, c) => sum + c.maxPoints, 0);
  const undecided = checks.filter((c) => c.status === 'error');
  const points = max > 0 ? share(item.points, earned / max) : 0;
  const status = undecided.length > 0 || max === 0 ? 'error' : points >= item.points ? 'correct' : points > 0 ? 'partial' : 'incorrect';
  const message = max === 0 ? `no check of lab \`${lab.id}\` is worth points for task \`${item.task.id}\`` : undecided.length > 0 ? `check ${undecided.map((c) => `\`${c.id}\``).join(', ')} could not be decided` : undefined;
  return { ...base, points, status, ...(message !== undefined ? { message } : {}), checks: checks.map(checkView), labHash: hash };
}
