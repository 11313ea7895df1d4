import { describe, expect, it } from 'vitest';
import { formatCidr, formatIpv4, formatIpv6, isPrivateIpv4, parseCidr, parseIpv4, parseIpv6, rangeContains, rangesOverlap, rangeSize } from './cidr.ts';

describe('parseIpv4', () => {
  it.each([
    ['10.0.0.1', 167772161],
    ['0.0.0.0', 0],
    ['255.255.255.255', 4294967295],
    ['256.0.0.1', undefined],
    ['10.0.0', undefined],
    ['10.0.0.01', undefined],
    ['10..0.1', undefined],
    ['a.b.c.d', undefined],
  ])('%s → %s', (text, value) => {
    expect(parseIpv4(text)).toBe(value);
    if (value !== undefined) expect(formatIpv4(value)).toBe(text);
  });
});

describe('parseIpv6', () => {
  it.each([
    ['::', 0n, '::'],
    ['::1', 1n, '::1'],
    ['2001:db8::', 0x20010db8n << 96n, '2001:db8::'],
    ['2001:DB8:0:0:1:0:0:1', 0x20010db8000000000001000000000001n, '2001:db8::1:0:0:1'],
    ['::ffff:10.0.0.1', 0xffff0a000001n, '::ffff:a00:1'],
    ['1:2:3:4:5:6:7:8', 0x00010002000300040005000600070008n, '1:2:3:4:5:6:7:8'],
  ])('%s', (text, value, formatted) => {
    expect(parseIpv6(text)).toBe(value);
    expect(formatIpv6(value)).toBe(formatted);
  });
  it.each(['1::2::3', '12345::', '1:2:3:4:5:6:7:8:9', 'g::', '1:2:3:4:5:6:7'])('rejects %s', (text) => {
    expect(parseIpv6(text)).toBeUndefined();
  });
});

describe('parseCidr', () => {
  it.each([
    ['10.0.0.0/16', '10.0.0.0/16', 65536],
    ['10.0.0.5', '10.0.0.5/32', 1],
    ['0.0.0.0/0', '0.0.0.0/0', 4294967296],
    ['2600:1f18:1::/56', '2600:1f18:1::/56', 2 ** 72],
    ['::/0', '::/0', 2 ** 128],
  ])('%s', (text, formatted, size) => {
    const range = parseCidr(text);
    expect(range && formatCidr(range)).toBe(formatted);
    expect(range && rangeSize(range)).toBe(size);
  });
  it('strict mode refuses host bits', () => {
    expect(parseCidr('10.0.0.1/16', true)).toBeUndefined();
    expect(parseCidr('10.0.0.1/16')?.first).toBe(parseIpv4('10.0.0.0'));
  });
  it.each(['10.0.0.0/33', '10.0.0.0/x', '::/129', ''])('rejects %s', (text) => {
    expect(parseCidr(text)).toBeUndefined();
  });
});

describe('containment and overlap', () => {
  it.each([
    ['10.0.0.0/16', '10.0.1.0/24', true, true],
    ['10.0.1.0/24', '10.0.0.0/16', false, true],
    ['10.0.0.0/24', '10.0.1.0/24', false, false],
    ['0.0.0.0/0', '::/0', false, false],
    ['2001:db8::/32', '2001:db8:1::/48', true, true],
  ])('%s ⊇ %s', (outer, inner, contains, overlaps) => {
    const a = parseCidr(outer);
    const b = parseCidr(inner);
    if (!a || !b) throw new Error('unparsed');
    expect(rangeContains(a, b)).toBe(contains);
    expect(rangesOverlap(a, b)).toBe(overlaps);
  });
  it.each([
    ['10.1.0.0/16', true],
    ['172.20.0.0/16', true],
    ['192.168.1.0/24', true],
    ['172.32.0.0/16', false],
    ['0.0.0.0/0', false],
  ])('%s is private: %s', (text, expected) => {
    const range = parseCidr(text);
    expect(range && isPrivateIpv4(range)).toBe(expected);
  });
});
