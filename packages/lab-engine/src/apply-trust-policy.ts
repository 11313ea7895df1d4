import { AwsError, updateAssumeRolePolicy, type AccountState, type Ctx } from '@skylab/emulator';
import { locateNearest, statementPath, validatePolicy, type Finding, type LabTask } from '@skylab/validation';

type TrustTask = Extract<LabTask, { kind: 'iam-trust-policy' }>;

// IAM refuses `Resource` in a trust policy ("Has prohibited field Resource"): the role is the resource. Said
// here in the learner's terms, because writing one usually means a permissions policy went into the wrong box.
function resourceFindings(validation: ReturnType<typeof validatePolicy>): Finding[] {
  const findings: Finding[] = [];
  validation.policy?.Statement.forEach((statement, index) => {
    for (const element of ['Resource', 'NotResource'] as const) {
      if (statement[element] === undefined) continue;
      const path = [...statementPath(validation.document, index), element];
      const range = locateNearest(validation.document, path);
      findings.push({
        ruleId: 'iam-policy/resource-in-trust-policy',
        severity: 'error',
        path,
        ...(range ? { range } : {}),
        message: `a trust policy cannot name a \`${element}\`: the role it belongs to is the resource. It says who may assume the role (\`Principal\`); what the role may do belongs in its permissions policies`,
      });
    }
  });
  return findings;
}

/**
 * Applies a trust policy answer: validated as a trust policy (every statement names a `Principal`, none a
 * `Resource`), then installed with UpdateAssumeRolePolicy on the task's role, so IAM's own rules and quotas
 * apply. Findings are placed in the answer's text, their `path` starting with the task id.
 */
export function applyTrustPolicy(task: TrustTask, text: string, state: AccountState, ctx: Ctx): Finding[] {
  const within = (f: Finding): Finding => ({ ...f, path: [task.id, ...f.path] });
  const validation = validatePolicy(text, { policyType: 'trust' });
  const findings = [...validation.findings, ...resourceFindings(validation)].map(within);
  if (findings.some((f) => f.severity === 'error')) return findings;
  try {
    updateAssumeRolePolicy(state, { RoleName: task.apply.RoleName, PolicyDocument: text }, ctx);
  } catch (error) {
    if (!(error instanceof AwsError)) throw error;
    const located = error.findings.filter((f) => f.severity === 'error');
    if (located.length > 0) findings.push(...located.map(within));
    else findings.push({ ruleId: `aws/${error.code}`, severity: 'error', path: [task.id], message: error.message });
  }
  return findings;
}
