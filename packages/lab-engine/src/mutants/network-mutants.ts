import { formatCidr, formatIpv4, parseCidr } from '@skylab/emulator';
import { parseText } from '@skylab/validation';
import { asList, render, replaceAt, type Mutant, type MutationContext } from './mutant.ts';

// Mutants of network answers: the shortcuts that make a network work while opening more than it should —
// a source widened to the internet or to a bigger block, a group reference swapped for a CIDR that covers
// the group's instances today, all traffic instead of one port, a whole port range, an extra port open to
// the world, a rule or an entry dropped, an ACL entry's action flipped, an allow-all entry in front.

type Rule = Record<string, unknown>;

function parsed(text: string): Record<string, unknown> | undefined {
  const doc = parseText(text);
  return doc.value !== null && typeof doc.value === 'object' && !Array.isArray(doc.value) ? (doc.value as Record<string, unknown>) : undefined;
}

/** `10.0.1.0/24` → `10.0.0.0/16`: the block 8 bits shorter, or undefined when it is already short. */
function widerBlock(cidr: string): string | undefined {
  const range = cidr.includes('/') ? parseCidr(cidr) : undefined;
  if (range?.family !== 4 || range.prefix < 8) return undefined;
  const wider = parseCidr(`${formatIpv4(range.first)}/${range.prefix - 8}`);
  return wider ? formatCidr(wider) : undefined;
}

const ported = (rule: Rule) => ['tcp', 'udp', '6', '17'].includes(String(rule.IpProtocol ?? rule.Protocol));

function permissionMutants(rule: Rule, context: MutationContext, emit: (description: string, next: Rule | undefined) => void): void {
  emit('the rule removed', undefined);
  if (String(rule.IpProtocol) !== '-1') {
    const { FromPort: _f, ToPort: _t, ...rest } = rule;
    emit('all traffic (`IpProtocol: -1`) instead of its protocol and ports', { ...rest, IpProtocol: '-1' });
  }
  if (ported(rule) && (rule.FromPort !== 0 || rule.ToPort !== 65535)) emit('every port (0-65535)', { ...rule, FromPort: 0, ToPort: 65535 });
  const ranges = asList(rule.IpRanges as Rule[] | undefined);
  ranges.forEach((range, i) => {
    const cidr = String(range.CidrIp);
    const swap = (wider: string) => emit(`source \`${cidr}\` widened to \`${wider}\``, { ...rule, IpRanges: replaceAt(ranges, i, { ...range, CidrIp: wider }) });
    if (cidr !== '0.0.0.0/0') swap('0.0.0.0/0');
    const wider = widerBlock(cidr);
    if (wider) swap(wider);
  });
  const pairs = asList(rule.UserIdGroupPairs as Rule[] | undefined);
  pairs.forEach((pair, i) => {
    const name = String(pair.GroupName ?? pair.GroupId);
    const cidrs = context.groupCidrs.get(name) ?? {};
    for (const [what, cidr] of [['a CIDR covering its instances', cidrs.covering], ['the VPC block', cidrs.vpc]] as const) {
      if (cidr === undefined) continue;
      const rest = replaceAt(pairs, i, undefined);
      const next: Rule = { ...rule, IpRanges: [...asList(rule.IpRanges as Rule[] | undefined), { CidrIp: cidr }] };
      if (rest.length > 0) next.UserIdGroupPairs = rest;
      else delete next.UserIdGroupPairs;
      emit(`the reference to \`${name}\` swapped for ${what} (\`${cidr}\`)`, next);
    }
  });
}

/** Mutants of a security groups answer (`SecurityGroups: [...]`). */
export function securityGroupMutants(task: string, text: string, context: MutationContext): Mutant[] {
  const document = parsed(text);
  const groups = asList(document?.SecurityGroups as Rule[] | undefined);
  const out: Mutant[] = [];
  const emitGroups = (description: string, next: Rule[]) => out.push({ task, description, answer: render({ ...document, SecurityGroups: next }) });
  groups.forEach((group, g) => {
    const name = String(group.GroupName ?? group.GroupId);
    for (const direction of ['IpPermissions', 'IpPermissionsEgress'] as const) {
      const rules = asList(group[direction] as Rule[] | undefined);
      rules.forEach((rule, r) => {
        permissionMutants(rule, context, (description, next) =>
          emitGroups(`\`${name}\` ${direction === 'IpPermissions' ? 'inbound' : 'outbound'} rule ${r + 1}: ${description}`, replaceAt(groups, g, { ...group, [direction]: replaceAt(rules, r, next) })),
        );
      });
    }
    const inbound = asList(group.IpPermissions as Rule[] | undefined);
    emitGroups(`\`${name}\`: SSH (22) opened to \`0.0.0.0/0\``, replaceAt(groups, g, { ...group, IpPermissions: [...inbound, { IpProtocol: 'tcp', FromPort: 22, ToPort: 22, IpRanges: [{ CidrIp: '0.0.0.0/0' }] }] }));
  });
  return out;
}

/** Mutants of a network ACL answer (`Entries: [...]` or a bare list). */
export function naclMutants(task: string, text: string): Mutant[] {
  const doc = parseText(text).value;
  const entries = asList((Array.isArray(doc) ? doc : (doc as Record<string, unknown> | undefined)?.Entries) as Rule[] | undefined);
  const out: Mutant[] = [];
  const emit = (description: string, next: Rule[]) => out.push({ task, description, answer: render({ Entries: next }) });
  entries.forEach((entry, i) => {
    const at = (description: string, next: Rule | undefined) => emit(`entry ${String(entry.RuleNumber)} (${entry.Egress === true ? 'outbound' : 'inbound'}): ${description}`, replaceAt(entries, i, next));
    at('removed', undefined);
    at(`\`${String(entry.RuleAction)}\` flipped`, { ...entry, RuleAction: entry.RuleAction === 'deny' ? 'allow' : 'deny' });
    const cidr = String(entry.CidrBlock);
    if (cidr !== '0.0.0.0/0') at(`\`${cidr}\` widened to \`0.0.0.0/0\``, { ...entry, CidrBlock: '0.0.0.0/0' });
    const wider = widerBlock(cidr);
    if (wider) at(`\`${cidr}\` widened to \`${wider}\``, { ...entry, CidrBlock: wider });
    const range = entry.PortRange as { From?: number; To?: number } | undefined;
    if (range && (range.From !== 0 || range.To !== 65535)) at('every port (0-65535)', { ...entry, PortRange: { From: 0, To: 65535 } });
    if (String(entry.Protocol) !== '-1') {
      const { PortRange: _p, ...rest } = entry;
      at('every protocol (`-1`)', { ...rest, Protocol: '-1' });
    }
  });
  for (const egress of [false, true]) {
    emit(`an allow-all ${egress ? 'outbound' : 'inbound'} entry numbered 1 added`, [{ RuleNumber: 1, Protocol: '-1', RuleAction: 'allow', Egress: egress, CidrBlock: '0.0.0.0/0' }, ...entries]);
  }
  return out;
}
