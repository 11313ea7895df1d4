import { batchDeleteImage, batchGetImage, describeImages, putImage } from './image-operations.ts';
import { deleteLifecyclePolicy, deleteRepositoryPolicy, getLifecyclePolicy, getLifecyclePolicyPreview, getRepositoryPolicy, putLifecyclePolicy, setRepositoryPolicy } from './policy-operations.ts';
import { getAuthorizationToken } from './pull-access.ts';
import { createRepository, deleteRepository, describeRepositories, putImageScanningConfiguration, putImageTagMutability } from './repository-operations.ts';

/** The only place where ECR wire action names meet their functions. */
export const ecrActions = {
  CreateRepository: createRepository,
  DescribeRepositories: describeRepositories,
  DeleteRepository: deleteRepository,
  PutImageTagMutability: putImageTagMutability,
  PutImageScanningConfiguration: putImageScanningConfiguration,
  PutImage: putImage,
  BatchGetImage: batchGetImage,
  DescribeImages: describeImages,
  BatchDeleteImage: batchDeleteImage,
  SetRepositoryPolicy: setRepositoryPolicy,
  GetRepositoryPolicy: getRepositoryPolicy,
  DeleteRepositoryPolicy: deleteRepositoryPolicy,
  PutLifecyclePolicy: putLifecyclePolicy,
  GetLifecyclePolicy: getLifecyclePolicy,
  DeleteLifecyclePolicy: deleteLifecyclePolicy,
  GetLifecyclePolicyPreview: getLifecyclePolicyPreview,
  GetAuthorizationToken: getAuthorizationToken,
} as const;

/** An ECR action name the emulator implements. */
export type EcrActionName = keyof typeof ecrActions;
