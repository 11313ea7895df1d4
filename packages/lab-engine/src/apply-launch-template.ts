import { AwsError, createLaunchTemplateVersion, modifyLaunchTemplate, type AccountState, type Ctx, type LaunchTemplateData } from '@skylab/emulator';
import { issuesToFindings, launchTemplateAnswerSchema, locateNearest, parseText, type Finding, type LabTask, type PathSegment, type SourceDocument } from '@skylab/validation';
import { resolveName, resourceNames, type ResourceKind } from './resource-names.ts';

type LaunchTemplateTask = Extract<LabTask, { kind: 'launch-template' }>;
type Problem = { path: PathSegment[]; ruleId: string; message: string };

/** The ARN of the account's instance profile `profile` names (by `Name` or `Arn`), or why there is none. */
export function instanceProfileArn(state: AccountState, profile: { Name?: string; Arn?: string }): { arn: string } | { problem: string } {
  const found = Object.values(state.iam.instanceProfiles).find((p) => p.InstanceProfileName === profile.Name || p.Arn === profile.Arn);
  if (!found || (profile.Name !== undefined && profile.Arn !== undefined && found.Arn !== profile.Arn)) {
    return { problem: `there is no instance profile \`${profile.Name ?? profile.Arn ?? ''}\` in the account` };
  }
  return { arn: found.Arn };
}

/**
 * The answer's data with lab names turned into the ids AWS expects: security groups (`SecurityGroupIds`,
 * `NetworkInterfaces[].Groups`), subnets, and the instance profile's ARN. Names that the account does not
 * have come back as problems at their place in the answer.
 */
export function resolveTemplateData(state: AccountState, data: Record<string, unknown>, at: PathSegment[]): { data: LaunchTemplateData; problems: Problem[] } {
  const names = resourceNames(state);
  const problems: Problem[] = [];
  const id = (name: string, kind: ResourceKind, path: PathSegment[]): string => {
    const found = resolveName(names, name, kind);
    if ('id' in found) return found.id;
    problems.push({ path, ruleId: 'aws/InvalidParameterValue', message: found.problem });
    return name;
  };
  const { SecurityGroupIds, NetworkInterfaces, IamInstanceProfile, ...rest } = data as LaunchTemplateData & { IamInstanceProfile?: { Name?: string; Arn?: string } };
  const out: LaunchTemplateData = { ...rest };
  if (SecurityGroupIds) out.SecurityGroupIds = SecurityGroupIds.map((g, j) => id(g, 'security group', [...at, 'SecurityGroupIds', j]));
  if (NetworkInterfaces) {
    out.NetworkInterfaces = NetworkInterfaces.map((eni, j) => ({
      ...eni,
      DeviceIndex: eni.DeviceIndex ?? j,
      ...(eni.SubnetId !== undefined ? { SubnetId: id(eni.SubnetId, 'subnet', [...at, 'NetworkInterfaces', j, 'SubnetId']) } : {}),
      ...(eni.Groups ? { Groups: eni.Groups.map((g, k) => id(g, 'security group', [...at, 'NetworkInterfaces', j, 'Groups', k])) } : {}),
    }));
  }
  if (IamInstanceProfile) {
    const found = instanceProfileArn(state, IamInstanceProfile);
    if ('arn' in found) out.IamInstanceProfile = { Arn: found.arn };
    else problems.push({ path: [...at, 'IamInstanceProfile'], ruleId: 'aws/InvalidParameterValue', message: found.problem });
  }
  return { data: out, problems };
}

function finding(doc: SourceDocument, taskId: string, problem: Problem): Finding {
  const range = locateNearest(doc, problem.path);
  return { ruleId: problem.ruleId, severity: 'error', path: [taskId, ...problem.path], ...(range ? { range } : {}), message: problem.message };
}

/**
 * Applies a `launch-template` answer as AWS would take it: a new version with exactly the answer's data
 * (CreateLaunchTemplateVersion without `SourceVersion`, so nothing of the setup's version is inherited),
 * made the default (ModifyLaunchTemplate), which is what RunInstances and Auto Scaling launch without a
 * `Version` (https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/manage-launch-template-versions.html).
 */
export function applyLaunchTemplate(task: LaunchTemplateTask, text: string, state: AccountState, ctx: Ctx): Finding[] {
  const doc = parseText(text);
  const place = (fs: Finding[]) => fs.map((f) => ({ ...f, path: [task.id, ...f.path] }));
  if (doc.value === undefined || doc.findings.some((f) => f.severity === 'error')) return place(doc.findings);
  const parsed = launchTemplateAnswerSchema.safeParse(doc.value);
  if (!parsed.success) return place(issuesToFindings(parsed.error.issues, doc, { rulePrefix: 'launch-template' }));
  const { data, problems } = resolveTemplateData(state, parsed.data.LaunchTemplateData, ['LaunchTemplateData']);
  if (problems.length > 0) return problems.map((p) => finding(doc, task.id, p));
  try {
    const { LaunchTemplateVersion } = createLaunchTemplateVersion(state, { LaunchTemplateName: task.LaunchTemplateName, LaunchTemplateData: data }, ctx);
    modifyLaunchTemplate(state, { LaunchTemplateName: task.LaunchTemplateName, DefaultVersion: String(LaunchTemplateVersion.VersionNumber) });
    return [];
  } catch (error) {
    if (!(error instanceof AwsError)) throw error;
    const lab = error.code === 'InvalidLaunchTemplateId.NotFound' ? ': this is a problem in the lab, not in your answer' : '';
    return [finding(doc, task.id, { path: ['LaunchTemplateData'], ruleId: `aws/${error.code}`, message: `${error.message}${lab}` })];
  }
}
