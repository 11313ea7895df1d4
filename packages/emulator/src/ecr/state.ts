import { records } from '../records.ts';

/** An image as ECR lists it: a manifest digest, its tags, when it was pushed and its size. */
export interface EcrImage {
  imageDigest: string;
  imageTags: string[];
  /** ISO time on the emulated clock. */
  imagePushedAt: string;
  imageSizeInBytes: number;
  imageManifest: string;
  /** Set when the repository scans on push: basic scanning completes at once on the emulated clock. */
  imageScanStatus?: { status: 'COMPLETE' };
}

/** A private repository with its settings, images (by digest) and policies (https://docs.aws.amazon.com/AmazonECR/latest/APIReference/API_Repository.html). */
export interface EcrRepository {
  repositoryName: string;
  repositoryArn: string;
  registryId: string;
  repositoryUri: string;
  createdAt: string;
  imageTagMutability: 'MUTABLE' | 'IMMUTABLE';
  imageScanningConfiguration: { scanOnPush: boolean };
  encryptionConfiguration: { encryptionType: 'AES256' | 'KMS'; kmsKey?: string };
  images: Record<string, EcrImage>;
  /** The repository policy (JSON text), if any. */
  policyText?: string;
  /** The lifecycle policy (JSON text), if any. */
  lifecyclePolicyText?: string;
}

/** The ECR part of an account: its private registry's repositories by name. */
export interface EcrState {
  repositories: Record<string, EcrRepository>;
}

/** ECR with no repositories. */
export function emptyEcrState(): EcrState {
  return { repositories: records() };
}

/** An account part that holds ECR. */
export interface WithEcr {
  ecr: EcrState;
}
