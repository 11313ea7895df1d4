import { cidrContains, parseCidr, type CidrBlock } from '@skylab/validation';

/** Why an address or host name is not one Skylab calls out to: it names this machine or a network behind it. */
export type InternalKind =
  | 'unspecified'
  | 'loopback'
  | 'private'
  | 'shared address space'
  | 'link-local'
  | 'unique-local'
  | 'ipv4-mapped'
  | 'ipv4-translated'
  | 'multicast'
  | 'reserved'
  | 'internal name';

// The IANA special-purpose address registries (https://www.iana.org/assignments/iana-ipv4-special-registry,
// https://www.iana.org/assignments/iana-ipv6-special-registry): every block that is not globally reachable,
// plus the IPv6 forms that carry an IPv4 address a router or the kernel would reach instead (mapped,
// NAT64, 6to4, Teredo), since their IPv4 half may be any of the blocks above.
const BLOCKS: readonly (readonly [string, InternalKind])[] = [
  ['0.0.0.0/8', 'unspecified'],
  ['10.0.0.0/8', 'private'],
  ['100.64.0.0/10', 'shared address space'],
  ['127.0.0.0/8', 'loopback'],
  ['169.254.0.0/16', 'link-local'],
  ['172.16.0.0/12', 'private'],
  ['192.0.0.0/24', 'reserved'],
  ['192.0.2.0/24', 'reserved'],
  ['192.88.99.0/24', 'reserved'],
  ['192.168.0.0/16', 'private'],
  ['198.18.0.0/15', 'reserved'],
  ['198.51.100.0/24', 'reserved'],
  ['203.0.113.0/24', 'reserved'],
  ['224.0.0.0/4', 'multicast'],
  ['240.0.0.0/4', 'reserved'],
  ['::/128', 'unspecified'],
  ['::1/128', 'loopback'],
  ['::/96', 'ipv4-translated'],
  ['::ffff:0:0/96', 'ipv4-mapped'],
  ['64:ff9b::/96', 'ipv4-translated'],
  ['64:ff9b:1::/48', 'ipv4-translated'],
  ['100::/64', 'reserved'],
  ['2001::/32', 'ipv4-translated'],
  ['2001:db8::/32', 'reserved'],
  ['2002::/16', 'ipv4-translated'],
  ['fc00::/7', 'unique-local'],
  ['fe80::/10', 'link-local'],
  ['fec0::/10', 'link-local'],
  ['ff00::/8', 'multicast'],
];

const PARSED: readonly (readonly [CidrBlock, InternalKind])[] = BLOCKS.map(([text, kind]) => [parseCidr(text)!, kind]);

/** `::ffff:127.0.0.1` → `::ffff:7f00:1`: an IPv6 address whose last 32 bits are written as IPv4. */
function hexTail(address: string): string {
  const dotted = /^(.*:)(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(address);
  if (!dotted) return address;
  const [a, b, c, d] = dotted.slice(2).map(Number) as [number, number, number, number];
  if ([a, b, c, d].some((octet) => octet > 255)) return address;
  return `${dotted[1]}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
}

/** The address as a one-address block, or `undefined` when the text is not an IP address. */
export function addressBlock(text: string): CidrBlock | undefined {
  const bare = text.replace(/^\[(.*)\]$/, '$1');
  return bare.includes(':') ? parseCidr(`${hexTail(bare)}/128`) : parseCidr(`${bare}/32`);
}

/** What makes `address` internal, `undefined` for a globally reachable one; `'reserved'` for text that is no address. */
export function internalAddressKind(address: string): InternalKind | undefined {
  const block = addressBlock(address);
  if (!block) return 'reserved';
  // the most specific block decides (`::1` is loopback, not the IPv4-compatible `::/96` it also lies in)
  let found: readonly [CidrBlock, InternalKind] | undefined;
  for (const entry of PARSED) if (cidrContains(entry[0], block) && (!found || entry[0].prefix > found[0].prefix)) found = entry;
  return found?.[1];
}

/**
 * Host names that resolve to this machine or a private network by convention: `localhost` and
 * `*.localhost` (RFC 6761 §6.3), and the names reserved for private use (`.internal`, ICANN 2024; `.local`
 * mDNS, RFC 6762; `.home.arpa`, RFC 8375). A trailing dot (the root) changes nothing.
 */
export function isInternalName(hostname: string): boolean {
  const name = hostname.toLowerCase().replace(/\.$/, '');
  return /(^|\.)(localhost|internal|local|home\.arpa)$/.test(name);
}
