import { getRecord } from '../records.ts';

// IP protocol names and numbers as EC2 accepts them: security groups take `tcp`/`udp`/`icmp`/`icmpv6`
// or a number, network ACLs store numbers (https://www.iana.org/assignments/protocol-numbers/).

/** IANA numbers of the protocols the analyzer knows by name. */
export const PROTOCOL_NUMBERS: Record<string, string> = { tcp: '6', udp: '17', icmp: '1', icmpv6: '58', all: '-1', '-1': '-1' };

const NAMES: Record<string, string> = { '6': 'tcp', '17': 'udp', '1': 'icmp', '58': 'icmpv6', '-1': '-1' };

/** A protocol given by name or number as its IANA number text (`-1` for all), or undefined if it is neither. */
export function protocolNumber(protocol: string): string | undefined {
  const lower = protocol.toLowerCase();
  const known = getRecord(PROTOCOL_NUMBERS, lower);
  if (known) return known;
  return /^\d{1,3}$/.test(lower) && Number(lower) <= 255 ? String(Number(lower)) : undefined;
}

/** The name of a protocol number where it has one (`6` → `tcp`), else the number itself. */
export function protocolName(protocol: string): string {
  const number = protocolNumber(protocol) ?? protocol;
  return getRecord(NAMES, number) ?? number;
}

/** Whether the protocol carries ports (tcp and udp do; rules for them have a port range). */
export function hasPorts(protocolNumberText: string): boolean {
  return protocolNumberText === '6' || protocolNumberText === '17';
}
