import { addressBlock, internalAddressKind, isInternalName } from './internal-address.ts';

/**
 * What is wrong with `text` as a URL Skylab calls (a webhook receiver, an LMS platform's endpoints), or
 * `undefined`: https only, no credentials in it, and no host that names this machine or a private network
 * (server-side request forgery: an admin's URL must not reach the metadata service or an internal admin
 * page). `allowInternal` (`SKYLAB_ALLOW_INTERNAL_URLS`, for a local LMS in development and the tests)
 * lets plain http and internal hosts through; credentials never.
 */
export function outboundUrlProblem(text: string, allowInternal: boolean): string | undefined {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    return 'is not a URL';
  }
  if (url.username !== '' || url.password !== '') return 'must not carry a user name or password';
  if (url.protocol !== 'https:' && !(allowInternal && url.protocol === 'http:')) return 'must use https';
  if (allowInternal) return undefined;
  return hostProblem(url.hostname);
}

/** Why `hostname` (as `URL.hostname` writes it: IPv6 in brackets, IPv4 normalised) is internal, or `undefined`. */
export function hostProblem(hostname: string): string | undefined {
  if (addressBlock(hostname)) {
    const kind = internalAddressKind(hostname);
    return kind ? `points at ${anAddress(kind)} (\`${hostname}\`)` : undefined;
  }
  return isInternalName(hostname) ? `names an internal host (\`${hostname}\`)` : undefined;
}

/** `a private address`, `an ipv4-mapped address`. */
export function anAddress(kind: string): string {
  return `${/^([aeio]|un(?!i))/.test(kind) ? 'an' : 'a'} ${kind} address`;
}
