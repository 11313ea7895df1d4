import type { PathSegment } from '@skylab/validation';
import { assign, cellOf, isRecord, kept, numberCell, type ReadRows, type Row, type RowSpec } from './rule-rows.ts';

// One row per peer, as the EC2 console lists security group rules
// (https://docs.aws.amazon.com/vpc/latest/userguide/security-group-rules.html): an `IpPermission` with two
// sources is two rows, and consecutive rows with the same group, direction, protocol and ports are one
// `IpPermission` again when written back.

const LISTS = ['IpRanges', 'Ipv6Ranges', 'PrefixListIds', 'UserIdGroupPairs'] as const;
type PeerList = (typeof LISTS)[number];
const DIRECTIONS = [
  ['ingress', 'IpPermissions'],
  ['egress', 'IpPermissionsEgress'],
] as const;

/** The list and key a peer written as `text` belongs in: a CIDR, a prefix list, a group id or a group name. */
function peerKind(text: string): { list: PeerList; key: string } | undefined {
  if (text === '') return undefined;
  if (text.startsWith('pl-')) return { list: 'PrefixListIds', key: 'PrefixListId' };
  if (text.startsWith('sg-')) return { list: 'UserIdGroupPairs', key: 'GroupId' };
  if (text.includes(':')) return { list: 'Ipv6Ranges', key: 'CidrIpv6' };
  if (/^[\d.]+(\/\d*)?$/.test(text) || text.includes('/')) return { list: 'IpRanges', key: 'CidrIp' };
  return { list: 'UserIdGroupPairs', key: 'GroupName' };
}

function peerId(list: PeerList, peer: Record<string, unknown>): string {
  if (list === 'UserIdGroupPairs') return cellOf(peer.GroupId ?? peer.GroupName);
  return cellOf(peer[{ IpRanges: 'CidrIp', Ipv6Ranges: 'CidrIpv6', PrefixListIds: 'PrefixListId' }[list]]);
}

/** The groups of an EC2-shaped answer and their path, or undefined for another shape. */
function groupsOf(value: unknown): { groups: unknown[]; base: PathSegment[] } | undefined {
  if (isRecord(value) && Array.isArray(value.SecurityGroups)) return { groups: value.SecurityGroups, base: ['SecurityGroups'] };
  if (isRecord(value) && !('GroupDescription' in value) && !('Type' in value) && !('Properties' in value)) return { groups: [value], base: [] };
  return undefined;
}

function groupLabel(group: Record<string, unknown>, index: number): string {
  return cellOf(group.GroupName ?? group.GroupId) || `group ${index + 1}`;
}

function permissionRows(permission: Record<string, unknown>, path: PathSegment[], cells: Record<string, string>): Row[] | string {
  const peers: { list: PeerList; index: number; peer: Record<string, unknown> }[] = [];
  for (const list of LISTS) {
    const entries = permission[list];
    if (entries === undefined) continue;
    if (!Array.isArray(entries) || !entries.every(isRecord)) return `\`${list}\` is not a list of objects`;
    entries.forEach((peer, index) => peers.push({ list, index, peer }));
  }
  const written = { IpProtocol: permission.IpProtocol, FromPort: permission.FromPort, ToPort: permission.ToPort };
  const shared = { ...cells, protocol: cellOf(permission.IpProtocol), fromPort: cellOf(permission.FromPort), toPort: cellOf(permission.ToPort), permission: JSON.stringify(written) };
  const cellPaths = { protocol: [...path, 'IpProtocol'], fromPort: [...path, 'FromPort'], toPort: [...path, 'ToPort'] };
  if (peers.length === 0) return [{ cells: { ...shared, source: '', description: '' }, path, cellPaths }];
  const peerPaths = peers.map((p) => [...path, p.list, p.index]);
  const rows: Row[] = [];
  for (const [i, { list, peer }] of peers.entries()) {
    const source = peerId(list, peer);
    if (source === '') return 'a peer names no CIDR, prefix list or group';
    const at = peerPaths[i] as PathSegment[];
    rows.push({
      // The peer as written rides along unseen, so what the table does not show (`UserId`, `VpcId`) survives an edit.
      cells: { ...shared, source, description: cellOf(peer.Description), origin: JSON.stringify([list, peer]) },
      path,
      cellPaths: { ...cellPaths, source: at, description: [...at, 'Description'] },
      others: peerPaths.filter((_, j) => j !== i),
    });
  }
  return rows;
}

function read(value: unknown): ReadRows | { problem: string } {
  const found = groupsOf(value);
  if (found === undefined) return { problem: 'the table edits security groups in the `DescribeSecurityGroups` shape (`SecurityGroups:` with `IpPermissions`); edit this shape as text' };
  const rows: Row[] = [];
  const options: { value: string; label: string }[] = [];
  for (const [g, group] of found.groups.entries()) {
    if (!isRecord(group)) return { problem: `security group ${g + 1} is not an object` };
    options.push({ value: String(g), label: groupLabel(group, g) });
    for (const [direction, key] of DIRECTIONS) {
      const permissions = group[key];
      if (permissions === undefined) continue;
      if (!Array.isArray(permissions)) return { problem: `\`${key}\` of \`${groupLabel(group, g)}\` is not a list` };
      for (const [p, permission] of permissions.entries()) {
        if (!isRecord(permission)) return { problem: `rule ${p + 1} of \`${groupLabel(group, g)}\` is not an object` };
        const made = permissionRows(permission, [...found.base, g, key, p], { group: String(g), direction });
        if (typeof made === 'string') return { problem: `rule ${p + 1} of \`${groupLabel(group, g)}\`: ${made}` };
        rows.push(...made);
      }
    }
  }
  return { rows, options: { group: options } };
}

function peerObject(cells: Record<string, string>): [PeerList, Record<string, unknown>] | undefined {
  const source = cells.source ?? '';
  const description = (cells.description ?? '') === '' ? undefined : cells.description;
  const [originList, origin] = cells.origin === undefined ? [] : (JSON.parse(cells.origin) as [PeerList, Record<string, unknown>]);
  // An unchanged source keeps the list it was written in, even where the text alone would read otherwise.
  if (originList !== undefined && peerId(originList, origin ?? {}) === source) {
    const key = originList === 'UserIdGroupPairs' ? (origin?.GroupId !== undefined ? 'GroupId' : 'GroupName') : peerKind(source)?.key;
    return [originList, assign(origin, [[key ?? 'CidrIp', source], ['Description', description]])];
  }
  const kind = peerKind(source);
  if (kind === undefined) return undefined;
  const base = originList === kind.list ? origin : undefined;
  const ids = kind.list === 'UserIdGroupPairs' ? [['GroupId', undefined], ['GroupName', undefined]] as [string, unknown][] : [];
  return [kind.list, assign(base, [...ids, [kind.key, source], ['Description', description]])];
}

/** Rows back into `IpPermission`s: consecutive rows of one rule merge while their peers stay in list order. */
function permissions(rows: Record<string, string>[]): Record<string, unknown>[] {
  const out: { key: string; last: number; permission: Record<string, unknown> }[] = [];
  for (const cells of rows) {
    const key = JSON.stringify([cells.protocol, cells.fromPort, cells.toPort]);
    const peer = peerObject(cells);
    const rank = peer === undefined ? -1 : LISTS.indexOf(peer[0]);
    const current = out.at(-1);
    if (current !== undefined && peer !== undefined && current.key === key && current.last !== -1 && rank >= current.last) {
      current.last = rank;
      const list = (current.permission[peer[0]] ??= []) as unknown[];
      list.push(peer[1]);
      continue;
    }
    const origin = cells.permission === undefined ? undefined : (JSON.parse(cells.permission) as Record<string, unknown>);
    const permission: Record<string, unknown> = { IpProtocol: kept(origin, 'IpProtocol', cells.protocol, (cell) => cell ?? '') };
    const from = kept(origin, 'FromPort', cells.fromPort, numberCell);
    const to = kept(origin, 'ToPort', cells.toPort, numberCell);
    if (from !== undefined) permission.FromPort = from;
    if (to !== undefined) permission.ToPort = to;
    if (peer !== undefined) permission[peer[0]] = [peer[1]];
    out.push({ key, last: rank, permission });
  }
  // Keys in the order `DescribeSecurityGroups` prints them, whatever order the peers arrived in.
  return out.map(({ permission }) => assign({}, [['IpProtocol', permission.IpProtocol], ['FromPort', permission.FromPort], ['ToPort', permission.ToPort], ...LISTS.map((l): [string, unknown] => [l, permission[l]])]));
}

function write(value: unknown, rows: Record<string, string>[]): unknown {
  const found = groupsOf(value);
  if (found === undefined) return value;
  const groups = found.groups.map((group, g) => {
    const fields = DIRECTIONS.map(([direction, key]): [string, unknown] => {
      const mine = permissions(rows.filter((r) => r.group === String(g) && r.direction === direction));
      return [key, mine.length === 0 && !(isRecord(group) && key in group) ? undefined : mine];
    });
    return assign(group, fields);
  });
  return found.base.length === 0 ? groups[0] : assign(value, [['SecurityGroups', groups]]);
}

/** Security group rules: group, direction, protocol, ports, the source (or destination) and its description. */
export const securityGroupRows: RowSpec = {
  columns: [
    { id: 'group', label: 'Security group', input: 'select' },
    { id: 'direction', label: 'Direction', input: 'select', options: [{ value: 'ingress', label: 'inbound' }, { value: 'egress', label: 'outbound' }] },
    { id: 'protocol', label: 'Protocol', input: 'text', placeholder: 'tcp, udp, icmp or -1' },
    { id: 'fromPort', label: 'From port', input: 'text', placeholder: 'e.g. 443' },
    { id: 'toPort', label: 'To port', input: 'text', placeholder: 'e.g. 443' },
    { id: 'source', label: 'Source or destination', input: 'text', placeholder: 'CIDR, group name or sg- id' },
    // A description belongs to a peer (`IpRanges[].Description`): without a source there is nowhere to write it.
    { id: 'description', label: 'Description', input: 'text', requires: 'source' },
  ],
  read,
  write,
  blank: (rows) => ({ group: rows.at(-1)?.group ?? '0', direction: 'ingress', protocol: 'tcp', fromPort: '', toPort: '', source: '', description: '' }),
};
