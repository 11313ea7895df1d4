import { cloneState, type AccountState, type Ctx } from '@skylab/emulator';
import type { Finding, Lab } from '@skylab/validation';
import { applyAnswers as installAnswers } from './grade.ts';
import { attemptCtx } from './provision.ts';
import type { Answers, Provisioned } from './types.ts';

/** An account with answers installed, and whether every answer could be. */
export interface AppliedAnswers {
  /** False when an answer could not be installed: `findings` say why, and `state` holds what could be. */
  ok: boolean;
  state: AccountState;
  findings: Finding[];
}

/**
 * Installs answers in a copy of an account exactly as `grade` does, without running the checks: the
 * account a submission leaves behind. The same lab, account, answers and context give the same state.
 */
export function applyAnswers(lab: Lab, provisioned: Provisioned, answers: Answers, ctx: Ctx): AppliedAnswers {
  const state = cloneState(provisioned.state);
  const findings = installAnswers(lab, provisioned.params, state, answers, attemptCtx(lab, provisioned.params, ctx));
  return { ok: !findings.some((f) => f.severity === 'error'), state, findings };
}
