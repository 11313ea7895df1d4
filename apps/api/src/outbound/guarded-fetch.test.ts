import { describe, expect, it } from 'vitest';
import { defaultConfig } from '../config.ts';
import { resolveHostNode } from '../node-deps.ts';
import { internalAddressKind } from './internal-address.ts';
import { outbound, OutboundUrlRefused } from './guarded-fetch.ts';

function recorder(addresses: Record<string, string[]>, allowInternalUrls = false) {
  const calls: { url: string; redirect: RequestRedirect | undefined }[] = [];
  const send = outbound({
    config: defaultConfig({ allowInternalUrls }),
    resolveHost: async (hostname) => {
      const found = addresses[hostname];
      if (!found) throw new Error('ENOTFOUND');
      return found;
    },
    fetch: async (input, init) => {
      calls.push({ url: String(input), redirect: init?.redirect });
      return new Response(null, { status: 302, headers: { location: 'http://169.254.169.254/' } });
    },
  });
  return { send, calls };
}

describe('outbound', () => {
  it('calls a public host, never following a redirect (the 3xx is the answer)', async () => {
    const { send, calls } = recorder({ 'hooks.example.com': ['93.184.215.14', '2606:2800:21f:cb07:6820:80da:af6b:8b2c'] });
    const response = await send('https://hooks.example.com/skylab', { method: 'POST', redirect: 'follow' });
    expect(response.status).toBe(302);
    expect(calls).toEqual([{ url: 'https://hooks.example.com/skylab', redirect: 'manual' }]);
  });

  it.each([
    ['a name that resolves to the metadata address', { 'lms.example.com': ['169.254.169.254'] }, /resolves to a link-local address \(`169\.254\.169\.254`\)/],
    ['a name with one private address among public ones (DNS rebinding)', { 'lms.example.com': ['93.184.215.14', '10.0.0.7'] }, /resolves to a private address/],
    ['a name that resolves to IPv4-mapped loopback', { 'lms.example.com': ['::ffff:127.0.0.1'] }, /resolves to an ipv4-mapped address/],
    ['a name that does not resolve', {}, /could not resolve `lms\.example\.com`/],
  ])('refuses %s without calling it', async (_label, addresses, message) => {
    const { send, calls } = recorder(addresses);
    await expect(send('https://lms.example.com/token')).rejects.toThrow(message);
    expect(calls).toEqual([]);
  });

  it('refuses an internal URL at the time of the call, whatever was stored', async () => {
    const { send, calls } = recorder({});
    await expect(send('http://127.0.0.1:9000/hooks')).rejects.toBeInstanceOf(OutboundUrlRefused);
    await expect(send('https://[::ffff:169.254.169.254]/latest')).rejects.toThrow(/ipv4-mapped/);
    expect(calls).toEqual([]);
  });

  it('lets internal URLs through when the config allows them, still without redirects', async () => {
    const { send, calls } = recorder({}, true);
    await send('http://127.0.0.1:9000/hooks');
    expect(calls).toEqual([{ url: 'http://127.0.0.1:9000/hooks', redirect: 'manual' }]);
  });
});

describe('resolveHostNode', () => {
  it('gives the system resolver’s addresses, which the guard finds internal for localhost', async () => {
    const addresses = await resolveHostNode('localhost');
    expect(addresses.length).toBeGreaterThan(0);
    for (const address of addresses) expect(internalAddressKind(address)).toBe('loopback');
  });
});
