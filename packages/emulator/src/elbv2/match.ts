// The string and address matching ALB rule conditions use
// (https://docs.aws.amazon.com/elasticloadbalancing/latest/application/rule-condition-types.html).

/** A compiled string test. */
export type StringTest = (value: string) => boolean;

/**
 * Compiles an ALB wildcard pattern: `*` matches zero or more characters and `?` exactly one. With
 * `escapes`, `\*` and `\?` stand for the literal characters (query-string conditions allow that). Plain,
 * prefix and suffix patterns avoid a regular expression because routing runs per request.
 */
export function compileWildcard(pattern: string, caseInsensitive: boolean, escapes = false): StringTest {
  const source = caseInsensitive ? pattern.toLowerCase() : pattern;
  const tokens: ({ kind: 'text'; text: string } | { kind: 'star' } | { kind: 'one' })[] = [];
  let text = '';
  for (let i = 0; i < source.length; i++) {
    const c = source[i] as string;
    if (escapes && c === '\\' && (source[i + 1] === '*' || source[i + 1] === '?')) {
      text += source[i + 1];
      i++;
    } else if (c === '*' || c === '?') {
      if (text) tokens.push({ kind: 'text', text });
      text = '';
      tokens.push(c === '*' ? { kind: 'star' } : { kind: 'one' });
    } else {
      text += c;
    }
  }
  if (text) tokens.push({ kind: 'text', text });
  const [first, second, third] = tokens;
  if (tokens.length === 0) return (v) => v === '';
  if (tokens.length === 1 && first?.kind === 'star') return () => true;
  // Plain, prefix, suffix and infix patterns get a direct string test; the case-insensitive forms lower-case
  // the value first (the pattern already is).
  if (tokens.length === 1 && first?.kind === 'text') {
    const t = first.text;
    return caseInsensitive ? (v) => v.toLowerCase() === t : (v) => v === t;
  }
  if (tokens.length === 2 && first?.kind === 'text' && second?.kind === 'star') {
    const t = first.text;
    return caseInsensitive ? (v) => v.toLowerCase().startsWith(t) : (v) => v.startsWith(t);
  }
  if (tokens.length === 2 && first?.kind === 'star' && second?.kind === 'text') {
    const t = second.text;
    return caseInsensitive ? (v) => v.toLowerCase().endsWith(t) : (v) => v.endsWith(t);
  }
  if (tokens.length === 3 && first?.kind === 'star' && second?.kind === 'text' && third?.kind === 'star') {
    const t = second.text;
    return caseInsensitive ? (v) => v.toLowerCase().includes(t) : (v) => v.includes(t);
  }
  const body = tokens
    .map((t) => (t.kind === 'star' ? '[\\s\\S]*' : t.kind === 'one' ? '[\\s\\S]' : t.text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
    .join('');
  const re = new RegExp(`^${body}$`, caseInsensitive ? 'i' : '');
  return (v) => re.test(v);
}

/** An address range: the family, the network as a big integer and the prefix length. */
interface Cidr {
  family: 4 | 6;
  network: bigint;
  prefix: number;
}

function parseIpv4(text: string): bigint | undefined {
  const parts = text.split('.');
  if (parts.length !== 4) return undefined;
  let value = 0n;
  for (const part of parts) {
    if (!/^\d{1,3}$/.test(part) || Number(part) > 255) return undefined;
    value = (value << 8n) | BigInt(Number(part));
  }
  return value;
}

function parseIpv6(text: string): bigint | undefined {
  if (!/^[0-9a-fA-F:]+$/.test(text) || text.split('::').length > 2) return undefined;
  const [head = '', tail] = text.split('::');
  const headGroups = head ? head.split(':') : [];
  const tailGroups = tail !== undefined && tail !== '' ? tail.split(':') : [];
  const missing = 8 - headGroups.length - tailGroups.length;
  if (tail === undefined ? missing !== 0 : missing < 1) return undefined;
  const groups = [...headGroups, ...Array<string>(tail === undefined ? 0 : missing).fill('0'), ...tailGroups];
  let value = 0n;
  for (const group of groups) {
    if (!/^[0-9a-fA-F]{1,4}$/.test(group)) return undefined;
    value = (value << 16n) | BigInt(parseInt(group, 16));
  }
  return value;
}

/** An IPv4 or IPv6 address as a family and a big integer, or undefined when it is not one. */
export function parseIp(text: string): { family: 4 | 6; value: bigint } | undefined {
  const v4 = parseIpv4(text);
  if (v4 !== undefined) return { family: 4, value: v4 };
  const v6 = parseIpv6(text);
  return v6 === undefined ? undefined : { family: 6, value: v6 };
}

/** Parses `a.b.c.d/n` or `x:y::/n`; undefined when malformed. */
export function parseCidr(text: string): Cidr | undefined {
  const [address, prefixText, extra] = text.split('/');
  if (address === undefined || prefixText === undefined || extra !== undefined || !/^\d{1,3}$/.test(prefixText)) return undefined;
  const ip = parseIp(address);
  const prefix = Number(prefixText);
  if (!ip || prefix > (ip.family === 4 ? 32 : 128)) return undefined;
  const bits = BigInt(ip.family === 4 ? 32 : 128);
  const mask = ((1n << bits) - 1n) ^ ((1n << (bits - BigInt(prefix))) - 1n);
  return { family: ip.family, network: ip.value & mask, prefix };
}

/** Whether the address lies in the range (different families never match). */
export function cidrContains(cidr: string, address: string): boolean {
  const range = parseCidr(cidr);
  const ip = parseIp(address);
  if (!range || !ip || range.family !== ip.family) return false;
  const bits = BigInt(range.family === 4 ? 32 : 128);
  const mask = ((1n << bits) - 1n) ^ ((1n << (bits - BigInt(range.prefix))) - 1n);
  return (ip.value & mask) === range.network;
}
