import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { internalAddressKind, isInternalName } from './internal-address.ts';

// Golden cases from the IANA special-purpose registries (iana-ipv4-special-registry, iana-ipv6-special-registry).
describe('internalAddressKind', () => {
  it.each([
    ['127.0.0.1', 'loopback'],
    ['127.255.255.254', 'loopback'],
    ['0.0.0.0', 'unspecified'],
    ['10.0.0.1', 'private'],
    ['172.16.0.1', 'private'],
    ['172.31.255.255', 'private'],
    ['192.168.1.20', 'private'],
    ['100.64.0.1', 'shared address space'],
    ['100.127.255.255', 'shared address space'],
    ['169.254.169.254', 'link-local'],
    ['224.0.0.1', 'multicast'],
    ['255.255.255.255', 'reserved'],
    ['192.0.2.10', 'reserved'],
    ['::', 'unspecified'],
    ['::1', 'loopback'],
    ['[::1]', 'loopback'],
    ['fc00::1', 'unique-local'],
    ['fd12:3456::1', 'unique-local'],
    ['fe80::1', 'link-local'],
    ['::ffff:127.0.0.1', 'ipv4-mapped'],
    ['::ffff:7f00:1', 'ipv4-mapped'],
    ['::ffff:8.8.8.8', 'ipv4-mapped'],
    ['64:ff9b::a9fe:a9fe', 'ipv4-translated'],
    ['2002:7f00:1::', 'ipv4-translated'],
    ['ff02::1', 'multicast'],
    ['not-an-address', 'reserved'],
    ['8.8.8.8', undefined],
    ['172.32.0.1', undefined],
    ['100.128.0.1', undefined],
    ['2606:4700:4700::1111', undefined],
  ])('%s is %s', (address, kind) => {
    expect(internalAddressKind(address)).toBe(kind);
  });

  const octet = fc.integer({ min: 0, max: 255 });
  const dotted = (a: number, b: number, c: number, d: number) => `${a}.${b}.${c}.${d}`;

  it('finds every address of 10/8, 127/8 and 169.254/16 internal, with the block’s kind', () => {
    fc.assert(
      fc.property(octet, octet, octet, (b, c, d) => {
        expect(internalAddressKind(dotted(10, b, c, d))).toBe('private');
        expect(internalAddressKind(dotted(127, b, c, d))).toBe('loopback');
        expect(internalAddressKind(dotted(169, 254, c, d))).toBe('link-local');
      }),
    );
  });

  it('refuses any IPv4 address written as IPv4-mapped IPv6, in either spelling', () => {
    fc.assert(
      fc.property(octet, octet, octet, octet, (a, b, c, d) => {
        const hex = `::ffff:${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
        expect(internalAddressKind(`::ffff:${dotted(a, b, c, d)}`)).toBe('ipv4-mapped');
        expect(internalAddressKind(hex)).toBe('ipv4-mapped');
      }),
    );
  });

  it('gives the same answer for an IPv4 address however a URL spells it (decimal, hex, octal)', () => {
    fc.assert(
      fc.property(octet, octet, octet, octet, (a, b, c, d) => {
        const expected = internalAddressKind(dotted(a, b, c, d));
        const integer = ((a << 24) >>> 0) + (b << 16) + (c << 8) + d;
        for (const spelling of [String(integer), `0x${integer.toString(16)}`, `0${a.toString(8)}.${b}.${c}.${d}`]) {
          expect(internalAddressKind(new URL(`https://${spelling}/`).hostname)).toBe(expected);
        }
      }),
    );
  });

  it('finds every unique-local and link-local IPv6 address internal', () => {
    const group = fc.integer({ min: 0, max: 0xffff }).map((n) => n.toString(16));
    fc.assert(
      fc.property(fc.integer({ min: 0xfc00, max: 0xfdff }), fc.integer({ min: 0xfe80, max: 0xfebf }), group, group, (ula, linkLocal, x, y) => {
        expect(internalAddressKind(`${ula.toString(16)}:${x}::${y}`)).toBe('unique-local');
        expect(internalAddressKind(`${linkLocal.toString(16)}:${x}::${y}`)).toBe('link-local');
      }),
    );
  });
});

describe('isInternalName', () => {
  it.each([
    ['localhost', true],
    ['LOCALHOST.', true],
    ['app.localhost', true],
    ['metadata.google.internal', true],
    ['printer.local', true],
    ['router.home.arpa', true],
    ['lms.example.edu', false],
    ['localhost.example.com', false],
    ['internal.example.com', false],
  ])('%s: %s', (name, internal) => {
    expect(isInternalName(name)).toBe(internal);
  });
});
