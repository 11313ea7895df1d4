import { describe, expect, it } from 'vitest';
import { clientAddress, normalizeAddress, parseForwarded, parseTrustProxy, throttleAddress, TRUST_NOTHING, type ForwardedHeader, type TrustProxy } from './client-address.ts';

const hops = (n: number) => parseTrustProxy(String(n))!;
const cidrs = (text: string) => parseTrustProxy(text)!;

describe('clientAddress', () => {
  it.each<[string, TrustProxy, ForwardedHeader, string | undefined, string | undefined, string | undefined]>([
    // [case, trust, header, socket, forwarded header value, expected client]
    ['no trust: the socket, whatever the headers say', TRUST_NOTHING, 'x-forwarded-for', '203.0.113.7', '198.51.100.1', '203.0.113.7'],
    ['no trust and no socket', TRUST_NOTHING, 'x-forwarded-for', undefined, '198.51.100.1', undefined],
    ['one hop: the entry the proxy appended', hops(1), 'x-forwarded-for', '10.0.0.2', '198.51.100.1', '198.51.100.1'],
    ['one hop: spoofed left-most entries are ignored', hops(1), 'x-forwarded-for', '10.0.0.2', '1.1.1.1, 2.2.2.2, 198.51.100.1', '198.51.100.1'],
    ['two hops: skips both proxies from the right', hops(2), 'x-forwarded-for', '10.0.0.2', '6.6.6.6, 198.51.100.1, 10.0.0.9', '198.51.100.1'],
    ['more hops than entries: the left-most', hops(3), 'x-forwarded-for', '10.0.0.2', '198.51.100.1', '198.51.100.1'],
    ['one hop without the header: the socket', hops(1), 'x-forwarded-for', '203.0.113.7', undefined, '203.0.113.7'],
    ['CIDRs: trusted proxies skipped, the first untrusted entry wins', cidrs('10.0.0.0/8'), 'x-forwarded-for', '10.0.0.2', '6.6.6.6, 198.51.100.1, 10.1.2.3', '198.51.100.1'],
    ['CIDRs: an untrusted socket is the client, headers or not', cidrs('10.0.0.0/8'), 'x-forwarded-for', '203.0.113.7', '198.51.100.1', '203.0.113.7'],
    ['CIDRs: a spoofed trusted-looking entry left of the client is not reached', cidrs('10.0.0.0/8'), 'x-forwarded-for', '10.0.0.2', '10.9.9.9, 198.51.100.1', '198.51.100.1'],
    ['CIDRs: every entry trusted, the left-most', cidrs('10.0.0.0/8'), 'x-forwarded-for', '10.0.0.2', '10.0.0.5', '10.0.0.5'],
    ['CIDRs: a bare address and IPv6 blocks', cidrs('192.0.2.10, 2001:db8::/32'), 'x-forwarded-for', '2001:db8::1', '198.51.100.1, 192.0.2.10', '198.51.100.1'],
    ['CIDRs: an unreadable entry stops the walk and is no address', cidrs('10.0.0.0/8'), 'x-forwarded-for', '10.0.0.2', '198.51.100.1, garbage', undefined],
    ['Forwarded: the for= of the element the proxy appended', hops(1), 'forwarded', '10.0.0.2', 'for=6.6.6.6, for=198.51.100.1;proto=https;by=10.0.0.2', '198.51.100.1'],
    ['Forwarded: quoted IPv6 with a port', hops(1), 'forwarded', '10.0.0.2', 'for="[2001:db8:cafe::17]:4711"', '2001:db8:cafe::17'],
    ['Forwarded: an obfuscated node is no address', hops(1), 'forwarded', '10.0.0.2', 'for=_hidden', undefined],
    ['Forwarded: the X-Forwarded-For header is not read', hops(1), 'forwarded', '10.0.0.2', undefined, '10.0.0.2'],
    ['a dual-stack socket reports IPv4 as mapped IPv6', TRUST_NOTHING, 'x-forwarded-for', '::ffff:203.0.113.7', undefined, '203.0.113.7'],
  ])('%s', (_case, trust, header, socket, forwarded, expected) => {
    expect(clientAddress({ socket, forwarded }, trust, header)).toBe(expected);
  });
});

describe('parseTrustProxy', () => {
  it.each<[string, TrustProxy | undefined]>([
    ['0', TRUST_NOTHING],
    ['2', { kind: 'hops', hops: 2 }],
    ['10.0.0.0/8', { kind: 'cidrs', cidrs: [{ version: 4, prefix: 8, start: 0x0a000000n, end: 0x0affffffn }] }],
    ['10.0.0.0/8,nonsense', undefined],
    ['10.0.0.0/33', undefined],
    ['-1', undefined],
  ])('reads `%s`', (text, expected) => {
    expect(parseTrustProxy(text)).toEqual(expected);
  });
});

describe('parseForwarded', () => {
  it('reads each element\'s for, commas and semicolons inside quotes included, and marks elements without one unknown', () => {
    expect(parseForwarded('for=192.0.2.43, for="[2001:db8::1]";proto=https, proto=http;by="a,b"')).toEqual(['192.0.2.43', '[2001:db8::1]', 'unknown']);
  });
});

describe('normalizeAddress and throttleAddress', () => {
  it.each([
    ['192.0.2.1:8080', '192.0.2.1', '192.0.2.1'],
    ['[2001:DB8::1]:443', '2001:db8::1', '2001:db8:0:0::/64'],
    ['2001:db8:1:2:3:4:5:6', '2001:db8:1:2:3:4:5:6', '2001:db8:1:2::/64'],
    ['unknown', undefined, 'unknown'],
  ])('`%s` is `%s`, throttled as `%s`', (text, address, key) => {
    expect(normalizeAddress(text)).toBe(address);
    expect(throttleAddress(address)).toBe(key);
  });
});
