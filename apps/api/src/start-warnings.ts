import type { Env } from './env.ts';

const LOOPBACK = /^(localhost|127(\.\d{1,3}){3}|::1|\[::1\])$/i;

/** Whether a listen address keeps the server to this machine. */
export function isLoopback(host: string): boolean {
  return LOOPBACK.test(host);
}

/**
 * What the Node server says at start about how browsers will reach it: served over plain HTTP to
 * other machines, the session cookie is either dropped by browsers (`Secure`) or readable on the wire.
 */
export function startWarnings(env: Pick<Env, 'HOST' | 'PUBLIC_ORIGIN' | 'SKYLAB_INSECURE_HTTP' | 'SKYLAB_ALLOW_INTERNAL_URLS'>): string[] {
  const internal = env.SKYLAB_ALLOW_INTERNAL_URLS
    ? ['SKYLAB_ALLOW_INTERNAL_URLS is set: webhook and LMS platform URLs may use plain http and reach this machine and its private network; use it only for a local LMS in development']
    : [];
  return [...cookieWarnings(env), ...internal];
}

function cookieWarnings(env: Pick<Env, 'HOST' | 'PUBLIC_ORIGIN' | 'SKYLAB_INSECURE_HTTP'>): string[] {
  if (env.SKYLAB_INSECURE_HTTP) {
    return [
      'SKYLAB_INSECURE_HTTP is set: the session cookie is sent without `Secure` over plain HTTP, so anyone on the network can copy it and act as its owner; use it only on a trusted classroom network, never on the internet (see "Serving a classroom" in the README)',
    ];
  }
  if (!isLoopback(env.HOST) && !env.PUBLIC_ORIGIN?.startsWith('https://')) {
    return [
      `\`HOST=${env.HOST}\` serves other machines over plain HTTP, where browsers drop the session cookie and nobody can sign in: put a TLS reverse proxy in front and set PUBLIC_ORIGIN to its https:// address, or set SKYLAB_INSECURE_HTTP=1 on a trusted network (see "Serving a classroom" in the README)`,
    ];
  }
  return [];
}
