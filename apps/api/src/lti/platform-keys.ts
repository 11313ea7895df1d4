import { createRemoteJWKSet, customFetch } from 'jose';
import type { AppDeps } from '../deps.ts';
import { outbound } from '../outbound/guarded-fetch.ts';

type KeySet = ReturnType<typeof createRemoteJWKSet>;

// One cache per app (its config) and URL for the isolate's or process's life: jose refetches on an unknown `kid`
// (after a cooldown) and after `cacheMaxAge`, so a platform's key rotation is picked up without a restart.
const keySets = new WeakMap<object, Map<string, KeySet>>();

const TEN_MINUTES = 10 * 60_000;

/** The platform's public keys from its JWKS URL, fetched on first use and cached. */
export function platformKeys(deps: Pick<AppDeps, 'fetch' | 'resolveHost' | 'config'>, jwksUrl: string): KeySet {
  const fetcher = outbound(deps);
  let byUrl = keySets.get(deps.config);
  if (!byUrl) keySets.set(deps.config, (byUrl = new Map()));
  let keySet = byUrl.get(jwksUrl);
  if (!keySet) {
    keySet = createRemoteJWKSet(new URL(jwksUrl), {
      cacheMaxAge: TEN_MINUTES,
      timeoutDuration: 5000,
      [customFetch]: (url, init) => fetcher(url, init),
    });
    byUrl.set(jwksUrl, keySet);
  }
  return keySet;
}
