import type { LtiPlatformRow } from '@skylab/db';
import { SignJWT } from 'jose';
import type { AppDeps } from '../deps.ts';
import { outbound } from '../outbound/guarded-fetch.ts';
import { TOOL_ALG, toolKey } from './tool-key.ts';

interface CachedToken {
  token: string;
  expiresAt: number;
}

// Per process or isolate: a platform token is reused until a minute before it expires (one token request
// per hour rather than one per score); a Worker isolate that starts cold just asks again.
const tokens = new Map<string, CachedToken>();
const EARLY_MS = 60_000;

export class PlatformCallError extends Error {}

/**
 * An access token for the platform's services (LTI Security Framework §4.1, client credentials with a
 * JWT bearer assertion, RFC 7523): the assertion is signed with the tool's key, whose JWKS the platform reads.
 */
export async function serviceToken(deps: AppDeps, platform: LtiPlatformRow, scopes: readonly string[]): Promise<string> {
  const cacheKey = `${platform.id} ${[...scopes].sort().join(' ')}`;
  const now = deps.clock.now();
  const cached = tokens.get(cacheKey);
  if (cached && cached.expiresAt - EARLY_MS > now) return cached.token;
  const key = await toolKey(deps);
  const assertion = await new SignJWT({})
    .setProtectedHeader({ alg: TOOL_ALG, kid: key.kid, typ: 'JWT' })
    .setIssuer(platform.clientId)
    .setSubject(platform.clientId)
    .setAudience(platform.accessTokenUrl)
    .setIssuedAt(Math.floor(now / 1000))
    .setExpirationTime(Math.floor(now / 1000) + 300)
    .setJti(deps.ids.next())
    .sign(key.privateKey);
  const body = new URLSearchParams({
    grant_type: 'client_credentials',
    client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer',
    client_assertion: assertion,
    scope: scopes.join(' '),
  });
  const response = await outbound(deps)(platform.accessTokenUrl, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' }, body });
  if (!response.ok) throw new PlatformCallError(`the token endpoint answered ${response.status}`);
  const granted = (await response.json()) as { access_token?: unknown; expires_in?: unknown };
  if (typeof granted.access_token !== 'string') throw new PlatformCallError('the token endpoint gave no `access_token`');
  const lifetime = typeof granted.expires_in === 'number' ? granted.expires_in * 1000 : 3600_000;
  tokens.set(cacheKey, { token: granted.access_token, expiresAt: now + lifetime });
  return granted.access_token;
}
