import type { AccountState } from '@skylab/emulator';
import type { Finding, Lab, LabTask } from '@skylab/validation';
import { renderString } from './template.ts';
import type { Answers } from './types.ts';

// A task answered from the live account (`answerFrom: live-account`) is done with the AWS CLI or SDK. At
// submit only the document the task names is read from the attempt's account, and it becomes the task's
// answer: graded exactly as a typed one (a fresh account of the lab plus that answer, the kind's exhaustive
// check and mutants), so nothing else the learner did in the account counts.

type LiveTask = Extract<LabTask, { kind: 'iam-policy' | 'iam-trust-policy' }>;

/** Whether the task's answer is read from the attempt's live account at submit. */
export function isLiveAccountTask(task: LabTask): task is LiveTask {
  return (task.kind === 'iam-policy' || task.kind === 'iam-trust-policy') && task.answerFrom === 'live-account';
}

/** What a live task reads and the CLI call that puts it there, with the attempt's params filled in. */
export function liveAccountSource(task: LiveTask, params: Readonly<Record<string, string>>): { what: string; command: string } {
  if (task.kind === 'iam-policy') {
    const user = renderString(task.apply.UserName, params);
    const policy = renderString(task.apply.PolicyName, params);
    return {
      what: `the inline policy \`${policy}\` of the IAM user \`${user}\``,
      command: `aws iam put-user-policy --user-name ${user} --policy-name ${policy} --policy-document file://policy.json`,
    };
  }
  const role = renderString(task.apply.RoleName, params);
  return { what: `the trust policy of the IAM role \`${role}\``, command: `aws iam update-assume-role-policy --role-name ${role} --policy-document file://trust-policy.json` };
}

// IAM keeps users and roles by lower-cased name: names are unique regardless of case.
function documentOf(task: LiveTask, params: Readonly<Record<string, string>>, state: AccountState): string | undefined {
  if (task.kind === 'iam-policy') {
    return state.iam.users[renderString(task.apply.UserName, params).toLowerCase()]?.UserPolicies[renderString(task.apply.PolicyName, params)];
  }
  return state.iam.roles[renderString(task.apply.RoleName, params).toLowerCase()]?.AssumeRolePolicyDocument;
}

/**
 * The answers with every live task's answer read from the account (whatever text came for it is ignored);
 * a document that is not there is a finding at the task's answer, and nothing is graded.
 */
export function withLiveAnswers(lab: Lab, params: Readonly<Record<string, string>>, state: AccountState, answers: Answers): { answers: Answers; findings: Finding[] } {
  const read: Answers = { ...answers };
  const findings: Finding[] = [];
  for (const task of lab.tasks) {
    if (!isLiveAccountTask(task)) continue;
    const document = documentOf(task, params, state);
    if (document !== undefined) {
      read[task.id] = document;
      continue;
    }
    const source = liveAccountSource(task, params);
    findings.push({
      ruleId: 'live-account/missing-document',
      severity: 'error',
      path: [task.id],
      message: `${source.what} is not in your account: put it there with the AWS CLI, then submit again`,
      help: source.command,
    });
  }
  return { answers: read, findings };
}
