import type { PathSegment } from '@skylab/validation';
import { assign, cellOf, isRecord, kept, numberCell, type ReadRows, type Row, type RowSpec } from './rule-rows.ts';

// One row per network ACL entry, as `DescribeNetworkAcls` lists them
// (https://docs.aws.amazon.com/AWSEC2/latest/APIReference/API_NetworkAclEntry.html). What the table does not
// show (`IcmpTypeCode`) stays in the entry as written.

function entriesOf(value: unknown): { entries: unknown[]; base: PathSegment[] } | undefined {
  if (Array.isArray(value)) return { entries: value, base: [] };
  if (isRecord(value) && Array.isArray(value.Entries)) return { entries: value.Entries, base: ['Entries'] };
  return undefined;
}

function read(value: unknown): ReadRows | { problem: string } {
  const found = entriesOf(value);
  if (found === undefined) return { problem: 'the table edits network ACL entries as `Entries:` or a list of entries; edit this shape as text' };
  const rows: Row[] = [];
  for (const [i, entry] of found.entries.entries()) {
    if (!isRecord(entry)) return { problem: `entry ${i + 1} is not an object` };
    const path = [...found.base, i];
    const range = isRecord(entry.PortRange) ? entry.PortRange : {};
    if (entry.PortRange !== undefined && !isRecord(entry.PortRange)) return { problem: `\`PortRange\` of entry ${i + 1} is not an object` };
    rows.push({
      cells: {
        ruleNumber: cellOf(entry.RuleNumber),
        egress: cellOf(entry.Egress),
        action: cellOf(entry.RuleAction),
        protocol: cellOf(entry.Protocol),
        cidr: cellOf(entry.CidrBlock ?? entry.Ipv6CidrBlock),
        fromPort: cellOf(range.From),
        toPort: cellOf(range.To),
        origin: JSON.stringify(entry),
      },
      path,
      cellPaths: {
        ruleNumber: [...path, 'RuleNumber'],
        egress: [...path, 'Egress'],
        action: [...path, 'RuleAction'],
        protocol: [...path, 'Protocol'],
        cidr: [...path, entry.Ipv6CidrBlock !== undefined && entry.CidrBlock === undefined ? 'Ipv6CidrBlock' : 'CidrBlock'],
        fromPort: [...path, 'PortRange', 'From'],
        toPort: [...path, 'PortRange', 'To'],
      },
    });
  }
  return { rows };
}

function entry(cells: Record<string, string>): Record<string, unknown> {
  const origin = cells.origin === undefined ? undefined : (JSON.parse(cells.origin) as Record<string, unknown>);
  const cidr = cells.cidr ?? '';
  const v6 = cidr.includes(':');
  const from = kept(origin?.PortRange, 'From', cells.fromPort, numberCell);
  const to = kept(origin?.PortRange, 'To', cells.toPort, numberCell);
  const range = from === undefined && to === undefined ? undefined : assign(origin?.PortRange, [['From', from], ['To', to]]);
  const text = (cell: string | undefined) => cell ?? '';
  return assign(origin, [
    ['RuleNumber', kept(origin, 'RuleNumber', cells.ruleNumber, numberCell)],
    ['Protocol', kept(origin, 'Protocol', cells.protocol, text)],
    ['RuleAction', kept(origin, 'RuleAction', cells.action, text)],
    ['Egress', kept(origin, 'Egress', cells.egress, (cell) => (cell === 'true' ? true : cell === 'false' ? false : cell))],
    ['CidrBlock', v6 || cidr === '' ? undefined : kept(origin, 'CidrBlock', cidr, text)],
    ['Ipv6CidrBlock', v6 ? kept(origin, 'Ipv6CidrBlock', cidr, text) : undefined],
    ['PortRange', range],
  ]);
}

function write(value: unknown, rows: Record<string, string>[]): unknown {
  const found = entriesOf(value);
  if (found === undefined) return value;
  const entries = rows.map(entry);
  return found.base.length === 0 ? entries : assign(value, [['Entries', entries]]);
}

/** The next free rule number in steps of 10 (AWS's advice: leave room to insert rules later). */
function nextRuleNumber(rows: Record<string, string>[], egress: string): string {
  const taken = rows.filter((r) => r.egress === egress).map((r) => Number(r.ruleNumber)).filter((n) => Number.isInteger(n) && n < 32767);
  return String(Math.min(32766, (Math.floor(Math.max(0, ...taken) / 10) + 1) * 10));
}

/** Network ACL entries: rule number, direction, allow or deny, protocol, CIDR and ports. */
export const naclRows: RowSpec = {
  columns: [
    { id: 'ruleNumber', label: 'Rule number', input: 'text', placeholder: '1-32766' },
    { id: 'egress', label: 'Outbound', input: 'checkbox' },
    { id: 'action', label: 'Allow or deny', input: 'select', options: [{ value: 'allow', label: 'allow' }, { value: 'deny', label: 'deny' }] },
    { id: 'protocol', label: 'Protocol', input: 'text', placeholder: '6 (tcp), 17 (udp), 1 (icmp) or -1' },
    { id: 'cidr', label: 'CIDR', input: 'text', placeholder: 'e.g. 0.0.0.0/0' },
    { id: 'fromPort', label: 'From port', input: 'text', placeholder: 'e.g. 1024' },
    { id: 'toPort', label: 'To port', input: 'text', placeholder: 'e.g. 65535' },
  ],
  read,
  write,
  blank: (rows) => ({ ruleNumber: nextRuleNumber(rows, 'false'), egress: 'false', action: 'allow', protocol: '6', cidr: '0.0.0.0/0', fromPort: '', toPort: '' }),
};
