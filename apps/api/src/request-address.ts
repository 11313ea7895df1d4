import type { Context } from 'hono';
import { clientAddress, throttleAddress } from './client-address.ts';
import type { AppDeps } from './deps.ts';

/** The request's client address as throttling keys it, trusting forwarded headers only as far as `TRUST_PROXY` says. */
export function requestAddress(c: Context, deps: Pick<AppDeps, 'config' | 'socketAddress'>): string {
  const { trustProxy, forwardedHeader } = deps.config;
  return throttleAddress(clientAddress({ socket: deps.socketAddress(c), forwarded: c.req.header(forwardedHeader) }, trustProxy, forwardedHeader));
}
