import { AwsError, authorize, cloneState, explainAuthorization, putUserPolicy, type AccountState, type Ctx } from '@skylab/emulator';
import { validatePolicy, type Finding, type Lab, type LabCheck } from '@skylab/validation';
import { attemptCtx } from './provision.ts';
import { renderDeep } from './template.ts';
import type { Answers, CheckResult, Grade, GradeOutcome, Provisioned } from './types.ts';

/**
 * Validates the answers and installs them in a copy of the attempt's account. Findings are placed in the
 * answer's own text; their `path` starts with the task id (`['reader-policy', 'Statement', 0, 'Action']`).
 */
function applyAnswers(lab: Lab, params: Record<string, string>, state: AccountState, answers: Answers, ctx: Ctx): Finding[] {
  const findings: Finding[] = [];
  const tasks = new Set(lab.tasks.map((t) => t.id));
  for (const key of Object.keys(answers)) {
    if (!tasks.has(key)) findings.push({ ruleId: 'lab/unknown-task', severity: 'error', path: [key], message: `there is no task \`${key}\` in this lab` });
  }
  for (const task of lab.tasks) {
    const text = answers[task.id];
    if (text === undefined || text.trim() === '') {
      findings.push({ ruleId: 'lab/missing-answer', severity: 'error', path: [task.id], message: `no answer for task \`${task.id}\`` });
      continue;
    }
    const validation = validatePolicy(text, { policyType: 'identity' });
    findings.push(...validation.findings.map((f) => ({ ...f, path: [task.id, ...f.path] })));
    if (!validation.policy) continue;
    const apply = renderDeep(task.apply, params);
    try {
      putUserPolicy(state, { UserName: apply.UserName, PolicyName: apply.PolicyName, PolicyDocument: text }, ctx);
    } catch (error) {
      if (!(error instanceof AwsError)) throw error;
      const located = error.findings.filter((f) => f.severity === 'error');
      if (located.length > 0) findings.push(...located.map((f) => ({ ...f, path: [task.id, ...f.path] })));
      else findings.push({ ruleId: `aws/${error.code}`, severity: 'error', path: [task.id], message: error.message });
    }
  }
  return findings;
}

function runCheck(check: LabCheck, params: Record<string, string>, state: AccountState): { result: CheckResult; unsupported: string[] } {
  const simulate = renderDeep(check.simulate, params);
  const feedback = renderDeep(check.feedback, params);
  const base = { id: check.id, title: renderDeep(check.title, params), maxPoints: check.points, visibility: check.visibility };
  const context = Object.fromEntries(Object.entries(simulate.context ?? {}).map(([k, v]) => [k, Array.isArray(v) ? v : String(v)]));
  let outcome;
  try {
    outcome = authorize(state, { principalArn: simulate.principal, action: simulate.action, resource: simulate.resource, context });
  } catch (error) {
    if (!(error instanceof AwsError)) throw error;
    return {
      result: { ...base, status: 'error', points: 0, message: 'this check could not run; it is a problem in the lab, not in your answer', explanation: error.message, misconceptions: [] },
      unsupported: [],
    };
  }
  const explanation = explainAuthorization(outcome);
  if (!outcome.determinate) {
    return {
      result: {
        ...base,
        status: 'error',
        points: 0,
        message: `this check could not be decided: your policy uses ${outcome.unsupported.join(', ')}, which the simulator does not evaluate yet`,
        explanation,
        misconceptions: [],
      },
      unsupported: outcome.unsupported,
    };
  }
  const passed = (outcome.decision === 'Allowed') === (simulate.expect === 'allowed');
  return {
    result: {
      ...base,
      status: passed ? 'pass' : 'fail',
      points: passed ? check.points : 0,
      message: passed ? feedback.pass : feedback.fail,
      explanation,
      misconceptions: passed ? [] : [...check.misconceptions],
    },
    unsupported: outcome.unsupported,
  };
}

/**
 * Grades answers against an attempt: validates and applies them through the emulator, runs every check,
 * and explains each result. Answers that do not parse, break the policy grammar or are refused by the
 * emulated AWS API come back as findings (`ok: false`) instead of a grade. The provisioned state is not
 * changed; the graded account is returned as `state`.
 */
export function grade(lab: Lab, provisioned: Provisioned, answers: Answers, ctx: Ctx): GradeOutcome {
  const c = attemptCtx(lab, provisioned.params, ctx);
  const state = cloneState(provisioned.state);
  const findings = applyAnswers(lab, provisioned.params, state, answers, c);
  if (findings.some((f) => f.severity === 'error')) return { ok: false, findings };
  const checks: CheckResult[] = [];
  const unsupported = new Set<string>();
  for (const check of lab.checks) {
    const { result, unsupported: missing } = runCheck(check, provisioned.params, state);
    checks.push(result);
    for (const item of missing) unsupported.add(item);
  }
  const points = checks.reduce((sum, c) => sum + c.points, 0);
  const maxPoints = checks.reduce((sum, c) => sum + c.maxPoints, 0);
  const result: Grade = { score: maxPoints > 0 ? points / maxPoints : 0, points, maxPoints, checks, unsupported: [...unsupported] };
  return { ok: true, grade: result, state, findings };
}
