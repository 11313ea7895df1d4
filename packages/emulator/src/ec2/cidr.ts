// IPv4 and IPv6 address and CIDR arithmetic, written for the analyzer's hot path: IPv4 as unsigned
// 32-bit numbers, IPv6 as BigInt. Parsed ranges are memoised by their text because the same few CIDRs
// are read again and again (a rule's `CidrIp`, a route's `DestinationCidrBlock`).

/** An IPv4 range: `first` and `last` as unsigned 32-bit integers. */
export interface Ipv4Range {
  family: 4;
  first: number;
  last: number;
  prefix: number;
}

/** An IPv6 range: `first` and `last` as 128-bit BigInts. */
export interface Ipv6Range {
  family: 6;
  first: bigint;
  last: bigint;
  prefix: number;
}

/** A CIDR block (a single address is a /32 or /128). */
export type IpRange = Ipv4Range | Ipv6Range;

/** An IPv4 dotted quad as an unsigned integer, or undefined when it is not one. */
export function parseIpv4(text: string): number | undefined {
  let value = 0;
  let part = 0;
  let digits = 0;
  let dots = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 46) {
      if (digits === 0 || dots === 3) return undefined;
      value = value * 256 + part;
      part = 0;
      digits = 0;
      dots++;
    } else if (c >= 48 && c <= 57) {
      // A leading zero would make `010` ambiguous (octal in some parsers); AWS rejects it too.
      if (digits === 1 && part === 0) return undefined;
      part = part * 10 + (c - 48);
      digits++;
      if (part > 255) return undefined;
    } else {
      return undefined;
    }
  }
  if (dots !== 3 || digits === 0) return undefined;
  return value * 256 + part;
}

/** An unsigned 32-bit integer as a dotted quad. */
export function formatIpv4(value: number): string {
  return `${Math.floor(value / 16777216) % 256}.${Math.floor(value / 65536) % 256}.${Math.floor(value / 256) % 256}.${value % 256}`;
}

function parseHextets(text: string): number[] | undefined {
  if (text === '') return [];
  const out: number[] = [];
  for (const group of text.split(':')) {
    if (!/^[0-9a-fA-F]{1,4}$/.test(group)) return undefined;
    out.push(Number.parseInt(group, 16));
  }
  return out;
}

/** An IPv6 address (full, `::`-compressed, or with a trailing dotted quad) as a BigInt. */
export function parseIpv6(text: string): bigint | undefined {
  let head = text;
  const lastColon = head.lastIndexOf(':');
  if (lastColon >= 0 && head.indexOf('.', lastColon) > 0) {
    // An embedded dotted quad (`::ffff:10.0.0.1`) stands for the last two hextets.
    const v4 = parseIpv4(head.slice(lastColon + 1));
    if (v4 === undefined) return undefined;
    head = `${head.slice(0, lastColon + 1)}${Math.floor(v4 / 65536).toString(16)}:${(v4 % 65536).toString(16)}`;
  }
  const double = head.indexOf('::');
  let groups: number[] | undefined;
  if (double >= 0) {
    if (head.indexOf('::', double + 1) >= 0) return undefined;
    const left = parseHextets(head.slice(0, double));
    const right = parseHextets(head.slice(double + 2));
    if (!left || !right) return undefined;
    const missing = 8 - left.length - right.length;
    if (missing < 1) return undefined;
    groups = [...left, ...new Array<number>(missing).fill(0), ...right];
  } else {
    const all = parseHextets(head);
    if (!all) return undefined;
    groups = all;
    if (groups.length !== 8) return undefined;
  }
  let value = 0n;
  for (const g of groups) value = (value << 16n) | BigInt(g);
  return value;
}

/** A BigInt as an IPv6 address in the RFC 5952 form (lowercase, longest zero run compressed). */
export function formatIpv6(value: bigint): string {
  const groups: number[] = [];
  for (let i = 7; i >= 0; i--) groups.push(Number((value >> BigInt(i * 16)) & 0xffffn));
  let bestStart = -1;
  let bestLength = 1;
  for (let i = 0; i < 8; ) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLength) {
      bestStart = i;
      bestLength = j - i;
    }
    i = j;
  }
  const hex = groups.map((g) => g.toString(16));
  if (bestStart < 0) return hex.join(':');
  return `${hex.slice(0, bestStart).join(':')}::${hex.slice(bestStart + bestLength).join(':')}`;
}

const IPV4_SIZE = 4294967296;
const IPV6_MAX = (1n << 128n) - 1n;

function ipv4Range(first: number, prefix: number): Ipv4Range {
  const size = 2 ** (32 - prefix);
  return { family: 4, first, last: first + size - 1, prefix };
}

function ipv6Range(first: bigint, prefix: number): Ipv6Range {
  const size = 1n << BigInt(128 - prefix);
  return { family: 6, first, last: first + size - 1n, prefix };
}

function parseRange(text: string, strict: boolean): IpRange | undefined {
  const slash = text.indexOf('/');
  const address = slash < 0 ? text : text.slice(0, slash);
  const prefixText = slash < 0 ? undefined : text.slice(slash + 1);
  if (prefixText !== undefined && !/^\d{1,3}$/.test(prefixText)) return undefined;
  if (address.includes(':')) {
    const value = parseIpv6(address);
    const prefix = prefixText === undefined ? 128 : Number(prefixText);
    if (value === undefined || prefix > 128) return undefined;
    const mask = IPV6_MAX ^ ((1n << BigInt(128 - prefix)) - 1n);
    const first = value & mask;
    if (strict && first !== value) return undefined;
    return ipv6Range(first, prefix);
  }
  const value = parseIpv4(address);
  const prefix = prefixText === undefined ? 32 : Number(prefixText);
  if (value === undefined || prefix > 32) return undefined;
  const size = 2 ** (32 - prefix);
  const first = value - (value % size);
  if (strict && first !== value) return undefined;
  return ipv4Range(first, prefix);
}

const memo = new Map<string, IpRange | null>();

/**
 * A CIDR block, or a bare address as a /32 or /128. With `strict`, host bits must be zero, as EC2
 * requires for `CidrBlock` and `CidrIp` values. Memoised: parsed ranges are frozen and shared.
 */
export function parseCidr(text: string, strict = false): IpRange | undefined {
  const key = strict ? `!${text}` : text;
  const hit = memo.get(key);
  if (hit !== undefined) return hit ?? undefined;
  const range = parseRange(text, strict);
  // The memo is bounded so a long-lived process reading many distinct inputs does not grow without end.
  if (memo.size > 50_000) memo.clear();
  memo.set(key, range ? Object.freeze(range) : null);
  return range;
}

/** The text of a range in CIDR notation. */
export function formatCidr(range: IpRange): string {
  return range.family === 4 ? `${formatIpv4(range.first)}/${range.prefix}` : `${formatIpv6(range.first)}/${range.prefix}`;
}

/** Whether `inner` lies entirely within `outer` (never across families). */
export function rangeContains(outer: IpRange, inner: IpRange): boolean {
  if (outer.family === 4) return inner.family === 4 && inner.first >= outer.first && inner.last <= outer.last;
  return inner.family === 6 && inner.first >= outer.first && inner.last <= outer.last;
}

/** Whether the two ranges share at least one address (never across families). */
export function rangesOverlap(a: IpRange, b: IpRange): boolean {
  if (a.family === 4) return b.family === 4 && a.first <= b.last && b.first <= a.last;
  return b.family === 6 && a.first <= b.last && b.first <= a.last;
}

/** The number of addresses in a range, as a number (IPv6 sizes beyond 2^53 lose precision). */
export function rangeSize(range: IpRange): number {
  return range.family === 4 ? range.last - range.first + 1 : Number(range.last - range.first + 1n);
}

/** The address `offset` places after the start of an IPv4 range, as text. */
export function ipv4At(range: Ipv4Range, offset: number): string {
  return formatIpv4((range.first + offset) % IPV4_SIZE);
}

/** Whether an IPv4 range lies in the RFC 1918 private space (10/8, 172.16/12, 192.168/16). */
export function isPrivateIpv4(range: IpRange): boolean {
  if (range.family !== 4) return false;
  const blocks = [parseCidr('10.0.0.0/8'), parseCidr('172.16.0.0/12'), parseCidr('192.168.0.0/16')];
  return blocks.some((block) => block !== undefined && rangeContains(block, range));
}
