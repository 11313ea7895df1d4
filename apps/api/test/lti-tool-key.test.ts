import { findLtiToolKey } from '@skylab/db';
import { exportJWK, generateKeyPair, jwtVerify, SignJWT, importJWK } from 'jose';
import { describe, expect, it } from 'vitest';
import { toolKey } from '../src/lti/tool-key.ts';
import { createSecretBox } from '../src/secret-box.ts';
import { testApp } from './support/test-app.ts';

async function rawRows(app: Awaited<ReturnType<typeof testApp>>): Promise<string> {
  const result = await app.deps.db.$client.execute('select * from lti_tool_keys');
  return JSON.stringify(result.rows);
}

async function signsAsPublished(key: Awaited<ReturnType<typeof toolKey>>) {
  const token = await new SignJWT({}).setProtectedHeader({ alg: 'RS256', kid: key.kid }).sign(key.privateKey);
  return (await jwtVerify(token, await importJWK(key.publicJwk, 'RS256'))).protectedHeader.kid;
}

describe('the LTI tool key at rest', () => {
  it('stores no private key material: the private JWK is sealed with SKYLAB_SECRET_KEY', async () => {
    const app = await testApp();
    const key = await toolKey(app.deps);
    expect(await signsAsPublished(key)).toBe(key.kid);
    const row = await findLtiToolKey(app.deps.db);
    const opened = JSON.parse(await app.deps.secrets.open(String(row?.privateJwk.sealed), key.kid)) as Record<string, string>;
    const raw = await rawRows(app);
    expect(raw).not.toMatch(/PRIVATE KEY|"d"|\\"d\\"/);
    for (const member of ['d', 'p', 'q', 'dp', 'dq', 'qi']) expect(raw).not.toContain(opened[member]);
    expect(raw).toContain(String(key.publicJwk.n));
  });

  it('seals a key stored in plaintext by an older Skylab at its first use, keeping the same key', async () => {
    const app = await testApp();
    const pair = await generateKeyPair('RS256', { extractable: true });
    const privateJwk = { ...(await exportJWK(pair.privateKey)), kid: 'old-kid', alg: 'RS256' };
    await app.deps.db.$client.execute({
      sql: 'insert into lti_tool_keys (kid, private_jwk, public_jwk, created_at) values (?, ?, ?, ?)',
      args: ['old-kid', JSON.stringify(privateJwk), JSON.stringify({ ...(await exportJWK(pair.publicKey)), kid: 'old-kid', alg: 'RS256', use: 'sig' }), 1],
    });
    expect(await rawRows(app)).toContain(String(privateJwk.d));
    const key = await toolKey(app.deps);
    expect(key.kid).toBe('old-kid');
    expect(await signsAsPublished(key)).toBe('old-kid');
    expect(await rawRows(app)).not.toContain(String(privateJwk.d));
    expect(await signsAsPublished(await toolKey(app.deps))).toBe('old-kid');
  });

  it('says so when SKYLAB_SECRET_KEY is not the key the tool key was sealed with', async () => {
    const app = await testApp();
    const { kid } = await toolKey(app.deps);
    const other = { ...app.deps, secrets: createSecretBox(new Uint8Array(32).fill(42)) };
    await expect(toolKey(other)).rejects.toThrow(`the LTI tool key \`${kid}\` cannot be decrypted: SKYLAB_SECRET_KEY is not the key it was stored with`);
  });
});
