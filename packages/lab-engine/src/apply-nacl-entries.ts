import { AwsError, createNetworkAclEntry, deleteNetworkAclEntry, MAX_RULE_NUMBER, type AccountState } from '@skylab/emulator';
import { issuesToFindings, locateNearest, naclEntriesSchema, parseText, type Finding, type LabTask, type PathSegment } from '@skylab/validation';
import { aclEntryInput } from './provision-ec2.ts';
import { resolveName, resourceNames } from './resource-names.ts';

type NaclTask = Extract<LabTask, { kind: 'nacl-entries' }>;

/**
 * Applies a network ACL answer (`{ Entries: [...] }` as DescribeNetworkAcls shows it, or a bare list):
 * every numbered entry of the task's ACL is removed (DeleteNetworkAclEntry) and each submitted entry is
 * created (CreateNetworkAclEntry), so AWS's checks — rule numbers 1 to 32766, one number per direction,
 * port ranges for tcp and udp — apply. The final `*` deny entries stay, as in AWS
 * (https://docs.aws.amazon.com/vpc/latest/userguide/nacl-rules.html). Problems are findings placed in the answer.
 */
export function applyNaclEntries(task: NaclTask, text: string, state: AccountState): Finding[] {
  const within = (f: Finding): Finding => ({ ...f, path: [task.id, ...f.path] });
  const doc = parseText(text);
  if (doc.value === undefined || doc.findings.some((f) => f.severity === 'error')) return doc.findings.map(within);
  const parsed = naclEntriesSchema.safeParse(doc.value);
  if (!parsed.success) return issuesToFindings(parsed.error.issues, doc, { rulePrefix: 'nacl-entries' }).map(within);
  const found = resolveName(resourceNames(state), task.networkAcl, 'network acl');
  if ('problem' in found) return [{ ruleId: 'lab/unknown-resource', severity: 'error', path: [task.id], message: `${found.problem}: this is a problem in the lab, not in your answer` }];
  const acl = state.ec2.networkAcls[found.id];
  for (const entry of acl?.Entries ?? []) {
    if (entry.RuleNumber <= MAX_RULE_NUMBER) deleteNetworkAclEntry(state, { NetworkAclId: found.id, RuleNumber: entry.RuleNumber, Egress: entry.Egress });
  }
  const entries = Array.isArray(parsed.data) ? parsed.data : parsed.data.Entries;
  const at: PathSegment[] = Array.isArray(parsed.data) ? [] : ['Entries'];
  const findings: Finding[] = [];
  entries.forEach((entry, i) => {
    try {
      createNetworkAclEntry(state, aclEntryInput(entry, found.id));
    } catch (error) {
      if (!(error instanceof AwsError)) throw error;
      const path = [...at, i];
      const range = locateNearest(doc, path);
      findings.push({ ruleId: `aws/${error.code}`, severity: 'error', path: [task.id, ...path], ...(range ? { range } : {}), message: error.message });
    }
  });
  return findings;
}
