import { ensureLtiToolKey, findLtiToolKey, type LtiToolKeyRow } from '@skylab/db';
import { calculateJwkThumbprint, exportJWK, generateKeyPair, importJWK, type CryptoKey, type JWK } from 'jose';
import type { AppDeps } from '../deps.ts';

export const TOOL_ALG = 'RS256';

export interface ToolKey {
  kid: string;
  privateKey: CryptoKey;
  /** RFC 7517: `kty` is required, and `newKey` sets `kid`, `alg` and `use` too. */
  publicJwk: JWK & { kty: string };
}

/**
 * The tool's RS256 key pair: made on first use and stored, so every process and isolate signs with the
 * same key and the platforms' cached copy of our JWKS stays valid.
 */
export async function toolKey(deps: Pick<AppDeps, 'db' | 'clock'>): Promise<ToolKey> {
  const row = (await findLtiToolKey(deps.db)) ?? (await ensureLtiToolKey(deps.db, await newKey(deps.clock.now())));
  return { kid: row.kid, privateKey: (await importJWK(row.privateJwk as JWK, TOOL_ALG)) as CryptoKey, publicJwk: row.publicJwk as ToolKey['publicJwk'] };
}

async function newKey(now: number): Promise<LtiToolKeyRow> {
  const pair = await generateKeyPair(TOOL_ALG, { modulusLength: 2048, extractable: true });
  const publicJwk = await exportJWK(pair.publicKey);
  const kid = await calculateJwkThumbprint(publicJwk);
  return { kid, privateJwk: { ...(await exportJWK(pair.privateKey)), kid, alg: TOOL_ALG }, publicJwk: { ...publicJwk, kid, alg: TOOL_ALG, use: 'sig' }, createdAt: now };
}
