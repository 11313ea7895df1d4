// IP addresses and CIDR blocks for the `IpAddress`/`NotIpAddress` operators, IPv4 and IPv6
// (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html#Conditions_IPAddress).

/** An address as 16-bit groups: 2 for IPv4, 8 for IPv6. */
type Address = number[];

/** A CIDR block: the network address and its prefix length. */
export interface Cidr {
  address: Address;
  prefix: number;
}

function parseV4(text: string): Address | undefined {
  const parts = text.split('.');
  if (parts.length !== 4) return undefined;
  const bytes = parts.map((p) => (/^\d{1,3}$/.test(p) ? Number(p) : NaN));
  if (bytes.some((b) => !(b >= 0 && b <= 255))) return undefined;
  const [a = 0, b = 0, c = 0, d = 0] = bytes;
  return [(a << 8) | b, (c << 8) | d];
}

function parseV6(text: string): Address | undefined {
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const groups = (half: string): Address | undefined => {
    if (half === '') return [];
    const out: Address = [];
    const parts = half.split(':');
    for (let i = 0; i < parts.length; i++) {
      const part = parts[i] ?? '';
      if (i === parts.length - 1 && part.includes('.')) {
        const v4 = parseV4(part);
        if (!v4) return undefined;
        out.push(...v4);
      } else if (/^[0-9a-f]{1,4}$/i.test(part)) {
        out.push(parseInt(part, 16));
      } else {
        return undefined;
      }
    }
    return out;
  };
  const head = groups(halves[0] ?? '');
  const tail = halves.length === 2 ? groups(halves[1] ?? '') : [];
  if (!head || !tail) return undefined;
  if (halves.length === 1) return head.length === 8 ? head : undefined;
  const fill = 8 - head.length - tail.length;
  return fill >= 1 ? [...head, ...new Array<number>(fill).fill(0), ...tail] : undefined;
}

/** Parses an IPv4 or IPv6 address. */
export function parseAddress(text: string): Address | undefined {
  return text.includes(':') ? parseV6(text) : parseV4(text);
}

/** Parses a CIDR block; a bare address is a /32 (IPv4) or /128 (IPv6) block. */
export function parseCidr(text: string): Cidr | undefined {
  const slash = text.indexOf('/');
  const address = parseAddress(slash < 0 ? text : text.slice(0, slash));
  if (!address) return undefined;
  const bits = address.length * 16;
  const prefixText = slash < 0 ? String(bits) : text.slice(slash + 1);
  if (!/^\d{1,3}$/.test(prefixText) || Number(prefixText) > bits) return undefined;
  return { address, prefix: Number(prefixText) };
}

/** Whether an address lies in a block; IPv4 addresses only in IPv4 blocks, IPv6 only in IPv6. */
export function cidrContains(cidr: Cidr, address: Address): boolean {
  if (cidr.address.length !== address.length) return false;
  let left = cidr.prefix;
  for (let i = 0; i < address.length && left > 0; i++) {
    const take = Math.min(16, left);
    const mask = (0xffff << (16 - take)) & 0xffff;
    if (((cidr.address[i] ?? 0) & mask) !== ((address[i] ?? 0) & mask)) return false;
    left -= take;
  }
  return true;
}
