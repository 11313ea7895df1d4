import {
  AwsError,
  authorizeSecurityGroupEgress,
  authorizeSecurityGroupIngress,
  revokeSecurityGroupEgress,
  revokeSecurityGroupIngress,
  type AccountState,
  type SecurityGroup,
} from '@skylab/emulator';
import { issuesToFindings, locateNearest, parseText, securityGroupsAnswerSchema, type Finding, type LabTask, type PathSegment, type SourceDocument } from '@skylab/validation';
import { permissionInput, storedInput } from './ip-permissions.ts';
import { resolveName, resourceNames } from './resource-names.ts';

type SecurityGroupsTask = Extract<LabTask, { kind: 'security-groups' }>;

const DIRECTIONS = [
  { key: 'IpPermissions', authorize: authorizeSecurityGroupIngress, revoke: revokeSecurityGroupIngress },
  { key: 'IpPermissionsEgress', authorize: authorizeSecurityGroupEgress, revoke: revokeSecurityGroupEgress },
] as const;

function finding(doc: SourceDocument, taskId: string, path: PathSegment[], ruleId: string, message: string): Finding {
  const range = locateNearest(doc, path);
  return { ruleId, severity: 'error', path: [taskId, ...path], ...(range ? { range } : {}), message };
}

function awsFinding(doc: SourceDocument, taskId: string, path: PathSegment[], error: unknown): Finding {
  if (!(error instanceof AwsError)) throw error;
  return finding(doc, taskId, path, `aws/${error.code}`, error.message);
}

/**
 * Applies a security groups answer: for each group it lists, each direction it gives (`IpPermissions`,
 * `IpPermissionsEgress`) replaces the group's rules in that direction — RevokeSecurityGroupIngress/Egress
 * of the current rules, then AuthorizeSecurityGroupIngress/Egress of each submitted rule — so AWS's own
 * checks (malformed ports, duplicates, the rules quota) apply. A direction left out keeps its rules, as
 * editing only the inbound rules in the console does. Problems come back as findings placed in the answer.
 */
export function applySecurityGroups(task: SecurityGroupsTask, text: string, state: AccountState): Finding[] {
  const doc = parseText(text);
  if (doc.value === undefined || doc.findings.some((f) => f.severity === 'error')) return doc.findings.map((f) => ({ ...f, path: [task.id, ...f.path] }));
  const parsed = securityGroupsAnswerSchema.safeParse(doc.value);
  if (!parsed.success) return issuesToFindings(parsed.error.issues, doc, { rulePrefix: 'security-groups' }).map((f) => ({ ...f, path: [task.id, ...f.path] }));
  const findings: Finding[] = [];
  const names = resourceNames(state);
  const seen = new Set<string>();
  parsed.data.SecurityGroups.forEach((written, i) => {
    const at: PathSegment[] = ['SecurityGroups', i];
    const group = findGroup(state, names, written);
    if ('problem' in group) {
      findings.push(finding(doc, task.id, [...at, written.GroupName !== undefined ? 'GroupName' : written.GroupId !== undefined ? 'GroupId' : 'GroupName'], 'aws/InvalidGroup.NotFound', group.problem));
      return;
    }
    if (!task.groups.includes(group.GroupName)) {
      findings.push(finding(doc, task.id, at, 'lab/group-not-in-task', `this task sets ${task.groups.map((g) => `\`${g}\``).join(', ')}; \`${group.GroupName}\` is not one of them`));
      return;
    }
    if (seen.has(group.GroupId)) {
      findings.push(finding(doc, task.id, at, 'lab/duplicate-group', `\`${group.GroupName}\` is listed twice: give each group once, with all its rules`));
      return;
    }
    seen.add(group.GroupId);
    for (const { key, authorize, revoke } of DIRECTIONS) {
      const permissions = written[key];
      if (permissions === undefined) continue;
      const current = group[key];
      if (current.length > 0) {
        try {
          revoke(state, { GroupId: group.GroupId, IpPermissions: current.map(storedInput) });
        } catch (error) {
          findings.push(awsFinding(doc, task.id, [...at, key], error));
          continue;
        }
      }
      permissions.forEach((permission, j) => {
        const path = [...at, key, j];
        const { input, problems } = permissionInput(permission, (name) => {
          const found = resolveName(names, name, 'security group');
          return 'id' in found && state.ec2.securityGroups[found.id]?.VpcId === group.VpcId ? found.id : undefined;
        });
        if (problems.length > 0) {
          findings.push(...problems.map((p) => finding(doc, task.id, [...path, ...p.path], 'aws/InvalidGroup.NotFound', p.message)));
          return;
        }
        try {
          authorize(state, { GroupId: group.GroupId, IpPermissions: [input] });
        } catch (error) {
          findings.push(awsFinding(doc, task.id, path, error));
        }
      });
    }
  });
  return findings;
}

function findGroup(state: AccountState, names: ReturnType<typeof resourceNames>, written: { GroupName?: string; GroupId?: string }): SecurityGroup | { problem: string } {
  if (written.GroupId !== undefined) {
    const group = state.ec2.securityGroups[written.GroupId];
    return group ?? { problem: `the security group \`${written.GroupId}\` does not exist` };
  }
  if (written.GroupName === undefined) return { problem: 'each group needs its `GroupName`' };
  const found = resolveName(names, written.GroupName, 'security group');
  if ('problem' in found) return { problem: found.problem };
  return state.ec2.securityGroups[found.id] ?? { problem: `the security group \`${written.GroupName}\` does not exist` };
}
