import type { AccountState, Ctx } from '@skylab/emulator';
import type { LabCheck } from '@skylab/validation';
import { renderDeep } from './template.ts';
import type { CheckResult } from './types.ts';
import type { CheckVisual } from './visuals/types.ts';

/** What a check run yields: the learner-facing result and any features the engines did not model. */
export interface CheckRun {
  result: CheckResult;
  unsupported: string[];
}

/** The learner's answers and the attempt's params, as every check kind sees them. */
export interface CheckInput {
  check: LabCheck;
  params: Record<string, string>;
  answers: Record<string, string>;
  /** The attempt's account: a `simulate` principal elsewhere is outside it, and only its own policies can speak for it. */
  accountId?: string;
  region?: string;
  /** The attempt's context, for checks that build on the graded account (probe instances). */
  ctx: Ctx;
  /** The graded account: the fresh provision with the learner's answers applied. */
  state: AccountState;
  /** The fresh provision with the solution's answers applied, built on first use. */
  reference: () => AccountState;
}

function base(input: CheckInput) {
  const { check, params } = input;
  return { id: check.id, title: renderDeep(check.title, params), maxPoints: check.points, visibility: check.visibility };
}

/** A check that could not be evaluated: it fails closed, with no points, and says why. */
export function errored(input: CheckInput, message: string, explanation: string, unsupported: string[] = []): CheckRun {
  return { result: { ...base(input), status: 'error', points: 0, message, explanation, misconceptions: [] }, unsupported };
}

/** A check that was evaluated: pass or fail, the author's feedback, the engine's explanation and, where it has one, its drawing. */
export function decided(input: CheckInput, passed: boolean, explanation: string, unsupported: string[] = [], visual?: CheckVisual): CheckRun {
  const feedback = renderDeep(input.check.feedback, input.params);
  return {
    result: {
      ...base(input),
      status: passed ? 'pass' : 'fail',
      points: passed ? input.check.points : 0,
      message: passed ? feedback.pass : feedback.fail,
      explanation,
      misconceptions: passed ? [] : [...input.check.misconceptions],
      ...(visual === undefined ? {} : { visual }),
    },
    unsupported,
  };
}

/** The message of a check that names something the account does not have: a problem in the lab. */
export const LAB_PROBLEM = 'this check could not run; it is a problem in the lab, not in your answer';
