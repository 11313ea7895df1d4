import { cidrContains, parseCidr, type CidrBlock } from '@skylab/validation';

/**
 * Which proxies in front of the server may say who the client is: none (the socket's peer is the client),
 * the nearest `hops` of them, or those whose addresses lie in `cidrs`.
 */
export type TrustProxy = { kind: 'none' } | { kind: 'hops'; hops: number } | { kind: 'cidrs'; cidrs: CidrBlock[] };

/** The header the trusted proxies append to: what nginx, Caddy, HAProxy and load balancers set by default, or RFC 7239's. */
export type ForwardedHeader = 'x-forwarded-for' | 'forwarded';

export const TRUST_NOTHING: TrustProxy = { kind: 'none' };

/** `2`, `10.0.0.0/8, 2001:db8::/32` or a bare address; `undefined` when the text is neither a count nor a list of blocks. */
export function parseTrustProxy(text: string): TrustProxy | undefined {
  if (/^\d{1,2}$/.test(text.trim())) {
    const hops = Number(text.trim());
    return hops === 0 ? TRUST_NOTHING : { kind: 'hops', hops };
  }
  const cidrs = text.split(',').map((part) => blockOf(part.trim()));
  return cidrs.every((cidr): cidr is CidrBlock => cidr !== undefined) ? { kind: 'cidrs', cidrs } : undefined;
}

function blockOf(text: string): CidrBlock | undefined {
  if (text.includes('/')) return parseCidr(text);
  const address = normalizeAddress(text);
  return address === undefined ? undefined : parseCidr(`${address}/${address.includes(':') ? 128 : 32}`);
}

/**
 * An address in one spelling: IPv4-mapped IPv6 (`::ffff:192.0.2.1`, what a dual-stack socket reports) as
 * IPv4, brackets and ports gone; `undefined` for anything that is not an address (`unknown`, `_hidden`).
 */
export function normalizeAddress(text: string): string | undefined {
  let address = text.trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(address);
  if (bracketed) address = bracketed[1]!;
  else if (/^[\d.]+:\d+$/.test(address)) address = address.slice(0, address.lastIndexOf(':'));
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) address = mapped[1]!;
  const block = parseCidr(`${address}/${address.includes(':') ? 128 : 32}`);
  return block ? address.toLowerCase() : undefined;
}

/** `X-Forwarded-For: client, proxy1, proxy2`: the addresses in order, left-most first. */
export function parseXForwardedFor(header: string): string[] {
  return header.split(',').map((part) => part.trim());
}

/**
 * RFC 7239 `Forwarded: for=192.0.2.60;proto=http, for="[2001:db8::1]:4711"`: the `for` of each element, in
 * order. An element without `for` stands for a hop that did not say (RFC 7239 §6: `unknown`).
 */
export function parseForwarded(header: string): string[] {
  return splitOutsideQuotes(header, ',').map((element) => {
    const pair = splitOutsideQuotes(element, ';')
      .map((part) => part.trim())
      .find((part) => /^for=/i.test(part));
    return pair ? pair.slice(4).replace(/^"(.*)"$/, '$1') : 'unknown';
  });
}

function splitOutsideQuotes(text: string, separator: string): string[] {
  const parts: string[] = [];
  let current = '';
  let quoted = false;
  for (const char of text) {
    if (char === '"') quoted = !quoted;
    if (char === separator && !quoted) {
      parts.push(current);
      current = '';
    } else current += char;
  }
  return [...parts, current];
}

export interface AddressSources {
  /** The peer of the connection: the socket on Node, `CF-Connecting-IP` in a Worker. */
  socket: string | undefined;
  /** The raw value of the configured forwarded header, if the request has one. */
  forwarded: string | undefined;
}

/**
 * The client's address. The chain is the forwarded entries with the socket's peer last; walking it from
 * the right, trusted hops are skipped and the first untrusted entry is the client. Entries left of it
 * are whatever the client wrote, so they are never read (MDN, "X-Forwarded-For: Security and privacy
 * concerns"). Without trust, forwarded headers are ignored altogether.
 */
export function clientAddress(sources: AddressSources, trust: TrustProxy, header: ForwardedHeader): string | undefined {
  const socket = sources.socket === undefined ? undefined : normalizeAddress(sources.socket);
  if (trust.kind === 'none' || sources.forwarded === undefined) return socket;
  const listed = header === 'forwarded' ? parseForwarded(sources.forwarded) : parseXForwardedFor(sources.forwarded);
  const chain = [...listed, sources.socket ?? 'unknown'];
  const index = trust.kind === 'hops' ? Math.max(0, chain.length - 1 - trust.hops) : firstUntrusted(chain, trust.cidrs);
  return normalizeAddress(chain[index]!);
}

/** From the right, the index of the first entry that is not a trusted proxy (the left-most if all are). */
function firstUntrusted(chain: string[], cidrs: CidrBlock[]): number {
  for (let i = chain.length - 1; i > 0; i--) {
    const block = blockOf(chain[i]!);
    if (!block || !cidrs.some((cidr) => cidrContains(cidr, block))) return i;
  }
  return 0;
}

/**
 * The key an address is throttled under: IPv4 as is, IPv6 by its /64, because one IPv6 client usually
 * holds a whole /64 (RFC 6177) and could otherwise take a fresh address for every guess.
 */
export function throttleAddress(address: string | undefined): string {
  if (address === undefined) return 'unknown';
  if (!address.includes(':')) return address;
  const block = parseCidr(`${address}/64`);
  if (!block) return address;
  const groups = Array.from({ length: 4 }, (_, i) => ((block.start >> BigInt(112 - 16 * i)) & 0xffffn).toString(16));
  return `${groups.join(':')}::/64`;
}
