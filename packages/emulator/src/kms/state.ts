import { records } from '../records.ts';

/**
 * A KMS key as far as EBS and ECR need one: who manages it and its key policy. AWS managed keys
 * (`aws/ebs`, `aws/ecr`) are made on first use, with a policy only their service may use
 * (https://docs.aws.amazon.com/kms/latest/developerguide/concepts.html#aws-managed-key).
 */
export interface KmsKey {
  KeyId: string;
  Arn: string;
  KeyManager: 'AWS' | 'CUSTOMER';
  Description: string;
  KeyState: 'Enabled';
  CreationDate: string;
  /** The key policy document (JSON text). */
  Policy: string;
}

/** The KMS part of an account: keys by id and aliases (`alias/name`) to key ids. */
export interface KmsState {
  keys: Record<string, KmsKey>;
  aliases: Record<string, string>;
}

/** KMS with no keys. */
export function emptyKmsState(): KmsState {
  return { keys: records(), aliases: records() };
}

/** An account part that holds KMS. */
export interface WithKms {
  kms: KmsState;
}
