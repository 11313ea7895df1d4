import { ensureLtiToolKey, findLtiToolKey, updateLtiToolPrivateKey, type LtiToolKeyRow } from '@skylab/db';
import { calculateJwkThumbprint, exportJWK, generateKeyPair, importJWK, type CryptoKey, type JWK } from 'jose';
import type { AppDeps } from '../deps.ts';
import { SecretBoxError, type SecretBox } from '../secret-box.ts';

export const TOOL_ALG = 'RS256';

export interface ToolKey {
  kid: string;
  privateKey: CryptoKey;
  /** RFC 7517: `kty` is required, and `newKey` sets `kid`, `alg` and `use` too. */
  publicJwk: JWK & { kty: string };
}

/**
 * The tool's RS256 key pair: made on first use and stored, so every process and isolate signs with the
 * same key and the platforms' cached copy of our JWKS stays valid. The private half is stored sealed with
 * `SKYLAB_SECRET_KEY` (a copy of the database alone cannot sign as Skylab); a key stored in plaintext by an
 * older Skylab is sealed in place the first time it is read.
 */
export async function toolKey(deps: Pick<AppDeps, 'db' | 'clock' | 'secrets'>): Promise<ToolKey> {
  const row = (await findLtiToolKey(deps.db)) ?? (await ensureLtiToolKey(deps.db, await newKey(deps.secrets, deps.clock.now())));
  const privateJwk = await openPrivateJwk(deps, row);
  return { kid: row.kid, privateKey: (await importJWK(privateJwk, TOOL_ALG)) as CryptoKey, publicJwk: row.publicJwk as ToolKey['publicJwk'] };
}

async function openPrivateJwk(deps: Pick<AppDeps, 'db' | 'secrets'>, row: LtiToolKeyRow): Promise<JWK> {
  const { sealed } = row.privateJwk;
  if (typeof sealed !== 'string') {
    await updateLtiToolPrivateKey(deps.db, row.kid, await sealJwk(deps.secrets, row.kid, row.privateJwk as JWK));
    return row.privateJwk as JWK;
  }
  try {
    return JSON.parse(await deps.secrets.open(sealed, row.kid)) as JWK;
  } catch (error) {
    if (error instanceof SecretBoxError) throw new Error(`the LTI tool key \`${row.kid}\` cannot be decrypted: SKYLAB_SECRET_KEY is not the key it was stored with`);
    throw error;
  }
}

async function sealJwk(secrets: SecretBox, kid: string, jwk: JWK): Promise<{ sealed: string }> {
  return { sealed: await secrets.seal(JSON.stringify(jwk), kid) };
}

async function newKey(secrets: SecretBox, now: number): Promise<LtiToolKeyRow> {
  const pair = await generateKeyPair(TOOL_ALG, { modulusLength: 2048, extractable: true });
  const publicJwk = await exportJWK(pair.publicKey);
  const kid = await calculateJwkThumbprint(publicJwk);
  const privateJwk = await sealJwk(secrets, kid, { ...(await exportJWK(pair.privateKey)), kid, alg: TOOL_ALG });
  return { kid, privateJwk, publicJwk: { ...publicJwk, kid, alg: TOOL_ALG, use: 'sig' }, createdAt: now };
}
