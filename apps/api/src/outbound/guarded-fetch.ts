import type { AppDeps } from '../deps.ts';
import { addressBlock, internalAddressKind } from './internal-address.ts';
import { anAddress, outboundUrlProblem } from './url-policy.ts';

/** A call Skylab refused to make: the URL or an address its host resolves to is internal. */
export class OutboundUrlRefused extends Error {}

type OutboundDeps = Pick<AppDeps, 'fetch' | 'resolveHost' | 'config'>;

/**
 * The fetch for every call to an LMS platform or webhook receiver: the URL is checked again at the time of
 * the call (it may come from a platform's launch claims, or have been stored before the rules tightened),
 * the host is resolved and refused if any of its addresses is internal (a name that pointed outside at
 * registration may point inside now: DNS rebinding), and redirects are never followed (a 3xx is the
 * answer, so a public URL cannot bounce the call inside). On Node the check and the connection resolve
 * separately, so a DNS answer that changes within that window is not caught; a Worker's fetch reaches no
 * private network at all.
 */
export function outbound(deps: OutboundDeps): typeof fetch {
  const send = deps.fetch ?? globalThis.fetch;
  const allowInternal = deps.config.allowInternalUrls;
  return async (input, init) => {
    const url = input instanceof Request ? input.url : String(input);
    const problem = outboundUrlProblem(url, allowInternal);
    if (problem) throw new OutboundUrlRefused(`refused to call \`${url}\`: it ${problem}`);
    if (!allowInternal && deps.resolveHost) await refuseInternalAddresses(deps.resolveHost, new URL(url).hostname);
    return send(input, { ...init, redirect: 'manual' });
  };
}

async function refuseInternalAddresses(resolveHost: (hostname: string) => Promise<string[]>, hostname: string): Promise<void> {
  if (addressBlock(hostname)) return;
  let addresses: string[];
  try {
    addresses = await resolveHost(hostname);
  } catch {
    throw new OutboundUrlRefused(`could not resolve \`${hostname}\``);
  }
  for (const address of addresses) {
    const kind = internalAddressKind(address);
    if (kind) throw new OutboundUrlRefused(`refused to call \`${hostname}\`: it resolves to ${anAddress(kind)} (\`${address}\`)`);
  }
}
