import type { Ctx } from '../ctx.ts';
import { AwsError } from '../errors.ts';
import { findKey } from '../kms/operations.ts';
import { emptyKmsState, type KmsKey, type KmsState, type WithKms } from '../kms/state.ts';
import { getRecord, setRecord } from '../records.ts';
import { InvalidParameterDependency, InvalidParameterValue } from './errors.ts';
import type { EbsEncryptionSettings, WithEc2 } from './state.ts';

// EBS encryption by default, per region (https://docs.aws.amazon.com/ebs/latest/userguide/encryption-by-default.html),
// and the encryption rules of new volumes and snapshot copies
// (https://docs.aws.amazon.com/ebs/latest/userguide/encryption-examples.html): what is encrypted stays
// encrypted, default encryption cannot be opted out of, and a key given needs `Encrypted: true`.

/** An account part with EC2 and, for encrypted volumes, KMS (an EC2-only test account gets an empty one on first use). */
export type WithEbs = WithEc2 & { kms?: KmsState };

function withKms(state: WithEbs): WithKms {
  state.kms ??= emptyKmsState();
  return state as WithKms;
}

function settings(state: WithEbs, ctx: Ctx): EbsEncryptionSettings {
  return getRecord(state.ec2.ebsEncryption, ctx.region) ?? setRecord(state.ec2.ebsEncryption, ctx.region, { EbsEncryptionByDefault: false });
}

/** A KMS key EC2 was given, as EC2 reports an unknown one. */
export function ebsKey(state: WithEbs, keyId: string, ctx: Ctx): KmsKey {
  try {
    return findKey(withKms(state), keyId, ctx);
  } catch (error) {
    if (error instanceof AwsError) throw new InvalidParameterValue(`the kms key \`${keyId}\` does not exist in this account and region`);
    throw error;
  }
}

/** The key new encrypted volumes get when none is given: the region's default key, else the AWS managed `aws/ebs`. */
export function defaultEbsKey(state: WithEbs, ctx: Ctx): KmsKey {
  return ebsKey(state, settings(state, ctx).KmsKeyId ?? 'alias/aws/ebs', ctx);
}

/** Whether new volumes in the context's region are encrypted whatever the request says. */
export function encryptionByDefault(state: WithEbs, ctx: Ctx): boolean {
  return getRecord(state.ec2.ebsEncryption, ctx.region)?.EbsEncryptionByDefault ?? false;
}

/** How a new volume or snapshot copy is encrypted: from the request, its source and the region's default. */
export function newEncryption(state: WithEbs, input: { Encrypted?: boolean; KmsKeyId?: string }, source: { Encrypted: boolean; KmsKeyId?: string } | undefined, ctx: Ctx): { Encrypted: boolean; KmsKeyId?: string } {
  if (input.KmsKeyId !== undefined && input.Encrypted !== true) throw new InvalidParameterDependency('the parameter `KmsKeyId` requires the parameter `Encrypted` to be set');
  const encrypted = input.Encrypted === true || source?.Encrypted === true || encryptionByDefault(state, ctx);
  if (!encrypted) return { Encrypted: false };
  if (input.KmsKeyId !== undefined) return { Encrypted: true, KmsKeyId: ebsKey(state, input.KmsKeyId, ctx).Arn };
  return { Encrypted: true, KmsKeyId: source?.KmsKeyId ?? defaultEbsKey(state, ctx).Arn };
}

/** EnableEbsEncryptionByDefault: every new volume and snapshot copy in the region is encrypted from now on. */
export function enableEbsEncryptionByDefault(state: WithEbs, _input: Record<string, never>, ctx: Ctx): { EbsEncryptionByDefault: boolean } {
  settings(state, ctx).EbsEncryptionByDefault = true;
  return { EbsEncryptionByDefault: true };
}

/** DisableEbsEncryptionByDefault: existing volumes stay as they are. */
export function disableEbsEncryptionByDefault(state: WithEbs, _input: Record<string, never>, ctx: Ctx): { EbsEncryptionByDefault: boolean } {
  settings(state, ctx).EbsEncryptionByDefault = false;
  return { EbsEncryptionByDefault: false };
}

/** GetEbsEncryptionByDefault. */
export function getEbsEncryptionByDefault(state: WithEbs, _input: Record<string, never>, ctx: Ctx): { EbsEncryptionByDefault: boolean } {
  return { EbsEncryptionByDefault: encryptionByDefault(state, ctx) };
}

/** ModifyEbsDefaultKmsKeyId: the key of new encrypted volumes when none is given (a symmetric key of this account). */
export function modifyEbsDefaultKmsKeyId(state: WithEbs, input: { KmsKeyId: string }, ctx: Ctx): { KmsKeyId: string } {
  const key = ebsKey(state, input.KmsKeyId, ctx);
  settings(state, ctx).KmsKeyId = key.Arn;
  return { KmsKeyId: key.Arn };
}

/** GetEbsDefaultKmsKeyId: the configured key, or the AWS managed `aws/ebs`. */
export function getEbsDefaultKmsKeyId(state: WithEbs, _input: Record<string, never>, ctx: Ctx): { KmsKeyId: string } {
  return { KmsKeyId: defaultEbsKey(state, ctx).Arn };
}

/** ResetEbsDefaultKmsKeyId: back to the AWS managed `aws/ebs`. */
export function resetEbsDefaultKmsKeyId(state: WithEbs, _input: Record<string, never>, ctx: Ctx): { KmsKeyId: string } {
  delete settings(state, ctx).KmsKeyId;
  return { KmsKeyId: defaultEbsKey(state, ctx).Arn };
}
