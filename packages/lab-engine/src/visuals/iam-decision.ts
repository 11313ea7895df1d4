import type { AuthorizationResult, StatementRef, UnmatchedStatement } from '@skylab/emulator';
import type { Lab } from '@skylab/validation';
import type { IamDecisionVisual, IamStatementVisual } from './types.ts';

// The learner's own policy is what the report highlights: each statement of it that decided the request (or
// did not apply, and why), found by the name grading stored it under, with its lines of the learner's text.
// The evaluator keeps each statement's range in the document as written, which is the answer itself.

/** Which task's answer a statement comes from, by the policy name and type grading stored it under. */
function taskOf(lab: Lab, ref: StatementRef): string | undefined {
  for (const task of lab.tasks) {
    if (task.kind === 'iam-policy' && ref.policyType === 'identity' && ref.attachment === 'inline' && ref.policyName === task.apply.PolicyName) return task.id;
    if (task.kind === 'iam-trust-policy' && ref.policyType === 'resource' && ref.policyName === `trust policy of ${task.apply.RoleName}`) return task.id;
  }
  return undefined;
}

function statementOf(lab: Lab, answers: Record<string, string>, ref: StatementRef | UnmatchedStatement, outcome: IamStatementVisual['outcome']): IamStatementVisual | undefined {
  const task = taskOf(lab, ref);
  const answer = task === undefined ? undefined : answers[task];
  if (task === undefined || answer === undefined || ref.range === undefined) return undefined;
  const from = ref.range.start.line;
  const to = ref.range.end.line;
  return {
    task,
    statementIndex: ref.statementIndex,
    ...(ref.sid === undefined ? {} : { sid: ref.sid }),
    effect: ref.effect,
    outcome,
    ...('reason' in ref ? { reason: ref.reason } : {}),
    lines: { from, to, text: answer.split('\n').slice(from - 1, to) },
  };
}

/** An IAM decision as the report draws it: each policy type's verdict, and the learner's statements in it. */
export function iamDecisionVisual(outcome: AuthorizationResult, lab: Lab, answers: Record<string, string>): IamDecisionVisual {
  const statements = [
    ...outcome.matchedStatements.map((ref) => statementOf(lab, answers, ref, 'matched')),
    ...outcome.unmatched.map((ref) => statementOf(lab, answers, ref, 'not-matched')),
  ].filter((s): s is IamStatementVisual => s !== undefined);
  return {
    kind: 'iam-decision',
    principal: outcome.request.principalArn,
    action: outcome.request.action,
    resource: outcome.request.resource,
    decision: outcome.decision,
    layers: outcome.policyTypes.map((layer) => ({ policyType: layer.policyType, decision: layer.decision, reason: layer.reason })),
    statements: statements.sort((a, b) => a.task.localeCompare(b.task) || a.statementIndex - b.statementIndex),
  };
}
