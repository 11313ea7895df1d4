import { cidrContains, parseCidr } from '../../schemas/cidr.ts';
import type { NaclInput } from '../../schemas/artifact-kinds.ts';

type Entry = NaclInput['entries'][number];

const NUMBERS: Record<string, string> = { tcp: '6', udp: '17', icmp: '1', icmpv6: '58', all: '-1' };

/** The protocol as a number string (`6`), `-1` for all. */
export function protocolNumber(entry: Entry): string {
  return NUMBERS[entry.Protocol] ?? entry.Protocol;
}

/** The ports an entry matches: all of them unless it is TCP or UDP with a `PortRange`. */
export function entryPorts(entry: Entry): [number, number] {
  const protocol = protocolNumber(entry);
  if ((protocol !== '6' && protocol !== '17') || !entry.PortRange) return [0, 65535];
  return [entry.PortRange.From, entry.PortRange.To];
}

/** True when entry `outer` matches every packet `inner` matches (same direction). */
export function entryCovers(outer: Entry, inner: Entry): boolean {
  if (outer.Egress !== inner.Egress) return false;
  const [op, ip] = [protocolNumber(outer), protocolNumber(inner)];
  if (op !== '-1' && op !== ip) return false;
  const [of, ot] = entryPorts(outer);
  const [inf, int] = entryPorts(inner);
  if (of > inf || ot < int) return false;
  const a = parseCidr(outer.CidrBlock ?? outer.Ipv6CidrBlock ?? '');
  const b = parseCidr(inner.CidrBlock ?? inner.Ipv6CidrBlock ?? '');
  return a !== undefined && b !== undefined && cidrContains(a, b);
}
