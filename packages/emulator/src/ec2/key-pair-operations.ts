import type { Ctx } from '../ctx.ts';
import { isoNow, tagsFor } from './common.ts';
import { InvalidKeyPairDuplicate, InvalidKeyPairNotFound, InvalidParameterValue } from './errors.ts';
import type { KeyPair, Tag, WithEc2 } from './state.ts';
import { deleteRecord, setRecord } from '../records.ts';

// Key pairs (https://docs.aws.amazon.com/AWSEC2/latest/UserGuide/ec2-key-pairs.html). The emulator
// makes no real keys (it has no randomness of its own): the private key material it returns is a
// labelled placeholder, and fingerprints are derived from the key's id so runs are reproducible.

function fingerprint(seed: string): string {
  let hash = 2166136261;
  const bytes: string[] = [];
  for (let round = 0; round < 20; round++) {
    for (let i = 0; i < seed.length; i++) hash = Math.imul(hash ^ seed.charCodeAt(i), 16777619) >>> 0;
    hash = Math.imul(hash ^ round, 16777619) >>> 0;
    bytes.push((hash & 0xff).toString(16).padStart(2, '0'));
  }
  return bytes.join(':');
}

function store(state: WithEc2, name: string, type: 'rsa' | 'ed25519', seed: string, tags: Tag[], ctx: Ctx): KeyPair {
  if (name.length === 0 || name.length > 255) throw new InvalidParameterValue('a key name is 1 to 255 characters');
  if (Object.values(state.ec2.keyPairs).some((k) => k.KeyName === name)) throw new InvalidKeyPairDuplicate(`the key pair \`${name}\` already exists`);
  const KeyPairId = ctx.ids.next('key-');
  const pair: KeyPair = { KeyPairId, KeyName: name, KeyType: type, KeyFingerprint: fingerprint(`${KeyPairId}${seed}`), CreateTime: isoNow(ctx), Tags: tags };
  setRecord(state.ec2.keyPairs, KeyPairId, pair);
  return pair;
}

/** CreateKeyPair: a new pair; `KeyMaterial` is an emulated placeholder, not a usable key. */
export function createKeyPair(
  state: WithEc2,
  input: { KeyName: string; KeyType?: 'rsa' | 'ed25519'; TagSpecifications?: { ResourceType: string; Tags: Tag[] }[] },
  ctx: Ctx,
): { KeyPairId: string; KeyName: string; KeyFingerprint: string; KeyMaterial: string } {
  const pair = store(state, input.KeyName, input.KeyType ?? 'rsa', '', tagsFor('key-pair', input.TagSpecifications), ctx);
  const material = `-----BEGIN OPENSSH PRIVATE KEY-----\nemulated key ${pair.KeyPairId}: not a usable private key\n-----END OPENSSH PRIVATE KEY-----`;
  return { KeyPairId: pair.KeyPairId, KeyName: pair.KeyName, KeyFingerprint: pair.KeyFingerprint, KeyMaterial: material };
}

/** ImportKeyPair: register the public half of a key made elsewhere. */
export function importKeyPair(state: WithEc2, input: { KeyName: string; PublicKeyMaterial: string }, ctx: Ctx): { KeyPairId: string; KeyName: string; KeyFingerprint: string } {
  const type = input.PublicKeyMaterial.startsWith('ssh-ed25519') ? 'ed25519' : input.PublicKeyMaterial.startsWith('ssh-rsa') ? 'rsa' : undefined;
  if (!type) throw new InvalidParameterValue('`PublicKeyMaterial` must be an OpenSSH `ssh-rsa` or `ssh-ed25519` public key');
  const pair = store(state, input.KeyName, type, input.PublicKeyMaterial, [], ctx);
  return { KeyPairId: pair.KeyPairId, KeyName: pair.KeyName, KeyFingerprint: pair.KeyFingerprint };
}

/** DescribeKeyPairs: the pairs with the given names, or all. */
export function describeKeyPairs(state: WithEc2, input: { KeyNames?: string[] } = {}): { KeyPairs: KeyPair[] } {
  const all = Object.values(state.ec2.keyPairs);
  if (!input.KeyNames) return { KeyPairs: all };
  return {
    KeyPairs: input.KeyNames.map((name) => {
      const pair = all.find((k) => k.KeyName === name);
      if (!pair) throw new InvalidKeyPairNotFound(`the key pair \`${name}\` does not exist`);
      return pair;
    }),
  };
}

/** DeleteKeyPair: EC2 succeeds even when the pair does not exist. */
export function deleteKeyPair(state: WithEc2, input: { KeyName: string }): { Return: true } {
  for (const [id, pair] of Object.entries(state.ec2.keyPairs)) if (pair.KeyName === input.KeyName) deleteRecord(state.ec2.keyPairs, id);
  return { Return: true };
}
