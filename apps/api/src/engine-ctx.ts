import { sha256 } from '@oslojs/crypto/sha2';
import { encodeHexLowerCase } from '@oslojs/encoding';
import type { Ctx } from '@skylab/emulator';

const IAM_ID_ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
const ID_CHARS = 17;
// Access key ids are 20 characters, `AKIA`/`ASIA` and 16 more, where unique ids (`AIDA` …) have 17 after
// the prefix: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_identifiers.html#identifiers-unique-ids
const ACCESS_KEY_PREFIXES = new Set(['AKIA', 'ASIA']);
const ACCESS_KEY_ID_CHARS = 16;

function digest(text: string): Uint8Array {
  return sha256(new TextEncoder().encode(text));
}

/**
 * AWS-shaped ids derived from a seed: `i-`/`sg-` style prefixes get lower-case hex, IAM prefixes
 * (`AIDA`, `ANPA` …) upper-case base32, both 17 characters as AWS issues them (16 after an access key id's
 * `AKIA`/`ASIA`, which the AWS CLI shows and scripts check). The same seed gives
 * the same ids, so a stored submission regrades bit for bit.
 */
export function seededAwsIds(seed: string): Ctx['ids'] {
  let counter = 0;
  return {
    next(prefix) {
      const bytes = digest(`${seed}/${counter++}`);
      const body = prefix.endsWith('-')
        ? encodeHexLowerCase(bytes).slice(0, ID_CHARS)
        : Array.from(bytes.subarray(0, ACCESS_KEY_PREFIXES.has(prefix) ? ACCESS_KEY_ID_CHARS : ID_CHARS), (byte) => IAM_ID_ALPHABET[byte % 32]).join('');
      return prefix + body;
    },
  };
}

/** A 12-digit account id from the attempt's seed: each attempt is its own emulated account. */
export function accountIdFor(seed: string): string {
  const bytes = digest(`account/${seed}`);
  let digits = '';
  for (let i = 0; digits.length < 12; i++) digits += String(bytes[i]! % 10);
  return digits;
}

/** What `engineCtx` reads: the app's deps, or plain values in a grading job (which has no deps). */
export interface EngineDeps {
  clock: { now(): number };
  config: { region: string };
}

/**
 * The emulator context of one step of an attempt: provisioning is step 0, the submission that reads
 * version `n` is step `n`. Ids depend only on seed and step, never on request order.
 */
export function engineCtx(deps: EngineDeps, seed: string, step: number): Ctx {
  return { clock: deps.clock, ids: seededAwsIds(`${seed}#${step}`), accountId: accountIdFor(seed), region: deps.config.region };
}

/**
 * The deps `engineCtx` reads, with the clock stopped at `time`: an attempt is provisioned, and each
 * submission's answers installed, at a recorded time, so the account can be rebuilt exactly later.
 */
export function pinnedClock(deps: Pick<EngineDeps, 'config'>, time: number): EngineDeps {
  return { clock: { now: () => time }, config: deps.config };
}
