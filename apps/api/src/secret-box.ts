import { decodeBase64IgnorePadding, decodeBase64urlIgnorePadding, encodeBase64urlNoPadding } from '@oslojs/encoding';

/** Authenticated encryption of secrets stored in the database (the LTI tool's private key). */
export interface SecretBox {
  /** `v1.<iv>.<ciphertext>`; `context` (a row's id) is bound to it, so a sealed value cannot be moved to another row. */
  seal(plaintext: string, context: string): Promise<string>;
  /** The plaintext, or throws `SecretBoxError` when the value was sealed with another key or context or altered. */
  open(sealed: string, context: string): Promise<string>;
}

export class SecretBoxError extends Error {}

const VERSION = 'v1';
// AES-GCM's recommended 96-bit nonce (NIST SP 800-38D §8.2), random per seal: one key seals a handful of values.
const IV_BYTES = 12;
const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** The 32 bytes of `SKYLAB_SECRET_KEY` (base64 or base64url, as `openssl rand -base64 32` prints), or `undefined` if it is not that. */
export function parseSecretKey(text: string): Uint8Array | undefined {
  for (const decode of [decodeBase64IgnorePadding, decodeBase64urlIgnorePadding]) {
    try {
      const bytes = decode(text.trim());
      if (bytes.length === 32) return bytes;
    } catch {
      // not this alphabet
    }
  }
  return undefined;
}

/** A fresh key in the form `parseSecretKey` reads. */
export function newSecretKey(): string {
  return encodeBase64urlNoPadding(crypto.getRandomValues(new Uint8Array(32)));
}

/** AES-256-GCM with WebCrypto, the same in Node and workerd. */
export function createSecretBox(keyBytes: Uint8Array): SecretBox {
  const key = crypto.subtle.importKey('raw', new Uint8Array(keyBytes), 'AES-GCM', false, ['encrypt', 'decrypt']);
  return {
    async seal(plaintext, context) {
      const iv = crypto.getRandomValues(new Uint8Array(IV_BYTES));
      const sealed = await crypto.subtle.encrypt({ name: 'AES-GCM', iv, additionalData: encoder.encode(context) }, await key, encoder.encode(plaintext));
      return `${VERSION}.${encodeBase64urlNoPadding(iv)}.${encodeBase64urlNoPadding(new Uint8Array(sealed))}`;
    },
    async open(sealed, context) {
      const [version, iv, data] = sealed.split('.');
      if (version !== VERSION || iv === undefined || data === undefined) throw new SecretBoxError('not a sealed value');
      try {
        const plain = await crypto.subtle.decrypt(
          { name: 'AES-GCM', iv: new Uint8Array(decodeBase64urlIgnorePadding(iv)), additionalData: encoder.encode(context) },
          await key,
          new Uint8Array(decodeBase64urlIgnorePadding(data)),
        );
        return decoder.decode(plain);
      } catch {
        throw new SecretBoxError('sealed with another key, or altered');
      }
    },
  };
}
