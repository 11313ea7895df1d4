// CIDR arithmetic for the network rules: an address block as an inclusive range of integers.
// Block notation per RFC 4632 (IPv4) and RFC 4291 §2.3 (IPv6).

/** An address block: `start`..`end` inclusive, as integers of its family. */
export interface CidrBlock {
  version: 4 | 6;
  prefix: number;
  start: bigint;
  end: bigint;
}

const OCTET = /^(0|[1-9][0-9]{0,2})$/;

function ipv4(text: string): bigint | undefined {
  const parts = text.split('.');
  if (parts.length !== 4) return undefined;
  // 32 bits fit a number exactly: one BigInt at the end instead of one per octet.
  let value = 0;
  for (const part of parts) {
    if (!OCTET.test(part) || Number(part) > 255) return undefined;
    value = value * 256 + Number(part);
  }
  return BigInt(value);
}

function ipv6(text: string): bigint | undefined {
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const groups = (half: string | undefined) => (half ? half.split(':') : []);
  const head = groups(halves[0]);
  const tail = groups(halves[1]);
  const missing = 8 - head.length - tail.length;
  if ((halves.length === 1 && missing !== 0) || (halves.length === 2 && missing < 1)) return undefined;
  let value = 0n;
  for (const group of [...head, ...Array<string>(halves.length === 2 ? missing : 0).fill('0'), ...tail]) {
    if (!/^[0-9a-fA-F]{1,4}$/.test(group)) return undefined;
    value = (value << 16n) | BigInt(parseInt(group, 16));
  }
  return value;
}

/** Parses `a.b.c.d/n` or an IPv6 block; undefined when the text is not a block. */
export function parseCidr(text: string): CidrBlock | undefined {
  const slash = text.indexOf('/');
  if (slash < 0 || !/^[0-9]{1,3}$/.test(text.slice(slash + 1))) return undefined;
  const prefix = Number(text.slice(slash + 1));
  const address = text.slice(0, slash);
  const version = address.includes(':') ? 6 : 4;
  const bits = version === 4 ? 32 : 128;
  const value = version === 4 ? ipv4(address) : ipv6(address);
  if (value === undefined || prefix > bits) return undefined;
  const size = 1n << BigInt(bits - prefix);
  const start = value - (value % size);
  return { version, prefix, start, end: start + size - 1n };
}

/** True when every address of `inner` is in `outer`. */
export function cidrContains(outer: CidrBlock, inner: CidrBlock): boolean {
  return outer.version === inner.version && outer.start <= inner.start && inner.end <= outer.end;
}

// A prefix of 0 is written `/0` (or `/00`, `/000`); other blocks need no parsing to be told apart.
const ZERO_PREFIX = /\/0{1,3}$/;

/** True for `0.0.0.0/0` and `::/0`: every address of the family. */
export function isWholeInternet(text: string | undefined): boolean {
  return text !== undefined && ZERO_PREFIX.test(text) && parseCidr(text)?.prefix === 0;
}
