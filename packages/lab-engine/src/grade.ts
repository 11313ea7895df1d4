import { AwsError, cloneState, putUserPolicy, type AccountState, type Ctx } from '@skylab/emulator';
import { validatePolicy, type Finding, type Lab } from '@skylab/validation';
import { applyAlbRules } from './apply-alb-rules.ts';
import { applyAutoScalingGroup } from './apply-auto-scaling-group.ts';
import { applyEbsSettings } from './apply-ebs-settings.ts';
import { applyEcrRepository } from './apply-ecr-repository.ts';
import { applyCloudwatchAlarms } from './apply-cloudwatch-alarms.ts';
import { applyLaunchTemplate } from './apply-launch-template.ts';
import { applyNaclEntries } from './apply-nacl-entries.ts';
import { applyS3Bucket } from './apply-s3-bucket.ts';
import { applyRouteTables } from './apply-route-tables.ts';
import { applyTargetGroup } from './apply-target-group.ts';
import { applySecurityGroups } from './apply-security-groups.ts';
import { applyTrustPolicy } from './apply-trust-policy.ts';
import { errored, LAB_PROBLEM, type CheckInput, type CheckRun } from './check-result.ts';
import { runAlarmScenarioCheck, runEquivalentAlarmsCheck } from './check-alarms.ts';
import { runAlbRouteCheck } from './check-alb-route.ts';
import { runAsgScenarioCheck } from './check-asg-scenario.ts';
import { runEquivalentAccessCheck } from './check-equivalent-access.ts';
import { runEquivalentBucketCheck } from './check-equivalent-bucket.ts';
import { runLifecycleCheck } from './check-lifecycle.ts';
import { runEquivalentLaunchTemplateCheck } from './check-equivalent-launch-template.ts';
import { runEquivalentEbsSettingsCheck } from './check-equivalent-ebs-settings.ts';
import { runEquivalentRepositoryCheck } from './check-equivalent-repository.ts';
import { runImageLifecycleCheck } from './check-image-lifecycle.ts';
import { runEquivalentReachabilityCheck } from './check-equivalent-reachability.ts';
import { runEquivalentRoutingCheck } from './check-equivalent-routing.ts';
import { runEquivalentScalingCheck } from './check-equivalent-scaling.ts';
import { runEquivalentTargetHealthCheck, runTargetHealthCheck } from './check-target-health.ts';
import { runExposureCheck } from './check-exposure.ts';
import { runLintCheck } from './check-lint.ts';
import { runReachabilityCheck } from './check-reachability.ts';
import { runQuizCheck } from './check-quiz.ts';
import { runResourceCheck } from './check-resource.ts';
import { runSimulateCheck } from './check-simulate.ts';
import { LabError } from './lab-error.ts';
import { attemptCtx } from './provision.ts';
import { readQuizAnswer } from './quiz-answer.ts';
import { renderDeep } from './template.ts';
import type { Answers, CheckResult, Grade, GradeOptions, GradeOutcome, Provisioned, RevealedHint } from './types.ts';

type PolicyTask = Extract<Lab['tasks'][number], { kind: 'iam-policy' }>;

function applyPolicy(task: PolicyTask, text: string, state: AccountState, ctx: Ctx): Finding[] {
  const validation = validatePolicy(text, { policyType: 'identity' });
  const findings = validation.findings.map((f) => ({ ...f, path: [task.id, ...f.path] }));
  if (!validation.policy) return findings;
  try {
    putUserPolicy(state, { UserName: task.apply.UserName, PolicyName: task.apply.PolicyName, PolicyDocument: text }, ctx);
  } catch (error) {
    if (!(error instanceof AwsError)) throw error;
    const located = error.findings.filter((f) => f.severity === 'error');
    if (located.length > 0) findings.push(...located.map((f) => ({ ...f, path: [task.id, ...f.path] })));
    else findings.push({ ruleId: `aws/${error.code}`, severity: 'error', path: [task.id], message: error.message });
  }
  return findings;
}

/**
 * Validates the answers and installs them in a copy of the attempt's account. Findings are placed in the
 * answer's own text; their `path` starts with the task id (`['reader-policy', 'Statement', 0, 'Action']`).
 */
export function applyAnswers(lab: Lab, params: Record<string, string>, state: AccountState, answers: Answers, ctx: Ctx): Finding[] {
  const findings: Finding[] = [];
  const tasks = new Set(lab.tasks.map((t) => t.id));
  for (const key of Object.keys(answers)) {
    if (!tasks.has(key)) findings.push({ ruleId: 'lab/unknown-task', severity: 'error', path: [key], message: `there is no task \`${key}\` in this lab` });
  }
  for (const raw of lab.tasks) {
    const text = answers[raw.id];
    if (text === undefined || text.trim() === '') {
      findings.push({ ruleId: 'lab/missing-answer', severity: 'error', path: [raw.id], message: `no answer for task \`${raw.id}\`` });
      continue;
    }
    const task = renderDeep(raw, params);
    if (task.kind === 'iam-policy') findings.push(...applyPolicy(task, text, state, ctx));
    else if (task.kind === 'iam-trust-policy') findings.push(...applyTrustPolicy(task, text, state, ctx));
    else if (task.kind === 'security-groups') findings.push(...applySecurityGroups(task, text, state));
    else if (task.kind === 'alb-listener-rules') findings.push(...applyAlbRules(task, text, state, ctx));
    else if (task.kind === 'auto-scaling-group') findings.push(...applyAutoScalingGroup(task, text, state, ctx));
    else if (task.kind === 'quiz') findings.push(...readQuizAnswer(task, text).findings);
    else if (task.kind === 'launch-template') findings.push(...applyLaunchTemplate(task, text, state, ctx));
    else if (task.kind === 'ebs-settings') findings.push(...applyEbsSettings(task, text, state, ctx));
    else if (task.kind === 'ecr-repository') findings.push(...applyEcrRepository(task, text, state, ctx));
    else if (task.kind === 's3-bucket') findings.push(...applyS3Bucket(task, text, state, ctx));
    else if (task.kind === 'route-table') findings.push(...applyRouteTables(task, text, state, ctx));
    else if (task.kind === 'target-group') findings.push(...applyTargetGroup(task, text, state, ctx));
    else if (task.kind === 'cloudwatch-alarm') findings.push(...applyCloudwatchAlarms(task, text, state, ctx));
    else findings.push(...applyNaclEntries(task, text, state));
  }
  return findings;
}

/**
 * The account the solution leaves, built once and only when a check compares with it. A solution that
 * does not apply is the lab's problem, reported as such by the check that needed it.
 */
function referenceState(lab: Lab, provisioned: Provisioned, ctx: Ctx): () => AccountState {
  let built: AccountState | undefined;
  return () => {
    if (built) return built;
    const state = cloneState(provisioned.state);
    const findings = applyAnswers(lab, provisioned.params, state, renderDeep(lab.solution.answers, provisioned.params), ctx);
    const problem = findings.find((f) => f.severity === 'error');
    if (problem) throw new LabError(`the solution does not apply: ${problem.message}`, [problem]);
    built = state;
    return built;
  };
}

function runCheck(lab: Lab, input: CheckInput): CheckRun {
  const { check, state } = input;
  if (check.simulate) return runSimulateCheck(input, lab, state);
  if (check.reachability) return runReachabilityCheck(input, state);
  if (check.exposure) return runExposureCheck(input, state);
  if (check.lint) return runLintCheck(input, lab);
  if (check['equivalent-access']) return runEquivalentAccessCheck(input, lab);
  if (check['equivalent-reachability']) return runEquivalentReachabilityCheck(input, lab);
  if (check['alb-route']) return runAlbRouteCheck(input, lab, state);
  if (check['equivalent-routing']) return runEquivalentRoutingCheck(input, lab);
  if (check['asg-scenario']) return runAsgScenarioCheck(input, lab);
  if (check['equivalent-scaling']) return runEquivalentScalingCheck(input, lab);
  if (check.quiz) return runQuizCheck(input, lab);
  if (check.resource) return runResourceCheck(input, state);
  if (check['equivalent-launch-template']) return runEquivalentLaunchTemplateCheck(input, lab);
  if (check['equivalent-ebs-settings']) return runEquivalentEbsSettingsCheck(input, lab);
  if (check['equivalent-repository']) return runEquivalentRepositoryCheck(input, lab);
  if (check.lifecycle) return check.lifecycle.images === undefined ? runLifecycleCheck(input, lab) : runImageLifecycleCheck(input, lab);
  if (check['equivalent-bucket']) return runEquivalentBucketCheck(input, lab);
  if (check['equivalent-target-health']) return runEquivalentTargetHealthCheck(input, lab);
  if (check['target-health']) return runTargetHealthCheck(input, lab);
  if (check['alarm-scenario']) return runAlarmScenarioCheck(input, lab);
  if (check['equivalent-alarms']) return runEquivalentAlarmsCheck(input, lab);
  return errored(input, LAB_PROBLEM, 'the check asserts nothing this engine knows');
}

function runGuarded(lab: Lab, input: CheckInput): CheckRun {
  try {
    return runCheck(lab, input);
  } catch (error) {
    if (error instanceof LabError) return errored(input, LAB_PROBLEM, error.message);
    throw error;
  }
}

/** The paid hints among `indexes`, once each and in lab order; indexes the lab does not have cost nothing. */
function paidHints(lab: Lab, indexes: readonly number[]): RevealedHint[] {
  const revealed = new Set(indexes);
  return lab.hints.flatMap((hint, index) => (revealed.has(index) && hint.cost > 0 ? [{ index, cost: hint.cost }] : []));
}

/**
 * Grades answers against an attempt: validates and applies them through the emulator, runs every check,
 * and explains each result. Answers that do not parse, break the artifact's grammar or are refused by the
 * emulated AWS API come back as findings (`ok: false`) instead of a grade. The provisioned state is not
 * changed; the graded account is returned as `state`. The revealed paid hints' costs come off the points
 * the checks earned (never below 0), and the grade says which hints cost what.
 */
export function grade(lab: Lab, provisioned: Provisioned, answers: Answers, ctx: Ctx, options: GradeOptions = {}): GradeOutcome {
  const c = attemptCtx(lab, provisioned.params, ctx);
  const state = cloneState(provisioned.state);
  const findings = applyAnswers(lab, provisioned.params, state, answers, c);
  if (findings.some((f) => f.severity === 'error')) return { ok: false, findings };
  const checks: CheckResult[] = [];
  const unsupported = new Set<string>();
  const reference = referenceState(lab, provisioned, c);
  for (const check of lab.checks) {
    const input: CheckInput = { check, params: provisioned.params, answers, accountId: c.accountId, region: c.region, ctx: c, state, reference };
    const { result, unsupported: missing } = runGuarded(lab, input);
    checks.push(result);
    for (const item of missing) unsupported.add(item);
  }
  const earned = checks.reduce((sum, c) => sum + c.points, 0);
  const maxPoints = checks.reduce((sum, c) => sum + c.maxPoints, 0);
  const revealedHints = paidHints(lab, options.revealedHints ?? []);
  const hintPenalty = Math.min(earned, revealedHints.reduce((sum, h) => sum + h.cost, 0));
  const points = earned - hintPenalty;
  const result: Grade = {
    score: maxPoints > 0 ? points / maxPoints : 0,
    points,
    maxPoints,
    checks,
    unsupported: [...unsupported],
    hintPenalty,
    revealedHints,
  };
  return { ok: true, grade: result, state, findings };
}
