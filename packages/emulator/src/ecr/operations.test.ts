import { describe, expect, it } from 'vitest';
import { createSubnet, createVpc } from '../ec2/vpc-operations.ts';
import { runInstances } from '../ec2/instance-operations.ts';
import { addRoleToInstanceProfile, createInstanceProfile } from '../iam/policy-version-operations.ts';
import { attachRolePolicy, createRole } from '../iam/role-operations.ts';
import { emptyAccountState } from '../state.ts';
import { awsErrorCode, testCtx } from '../test-ctx.ts';
import { batchDeleteImage, batchGetImage, describeImages, putImage } from './image-operations.ts';
import { getLifecyclePolicyPreview, getRepositoryPolicy, putLifecyclePolicy, setRepositoryPolicy } from './policy-operations.ts';
import { instanceRoleSession, pullAccess } from './pull-access.ts';
import { createRepository, describeRepositories } from './repository-operations.ts';

const manifest = (n: number) => JSON.stringify({ schemaVersion: 2, config: { size: 100 }, layers: [{ size: 1000 * n }] });

function account(settings: Parameters<typeof createRepository>[1] = { repositoryName: 'web/app' }) {
  const ctx = testCtx();
  const state = emptyAccountState();
  createRepository(state, settings, ctx);
  return { ctx, state };
}

// https://docs.aws.amazon.com/AmazonECR/latest/APIReference/API_CreateRepository.html
describe('CreateRepository', () => {
  it('defaults to mutable tags, no scan on push and AES256', () => {
    const { state, ctx } = account();
    expect(describeRepositories(state, {}, ctx).repositories[0]).toMatchObject({
      repositoryName: 'web/app',
      repositoryArn: 'arn:aws:ecr:us-east-1:111122223333:repository/web/app',
      repositoryUri: '111122223333.dkr.ecr.us-east-1.amazonaws.com/web/app',
      imageTagMutability: 'MUTABLE',
      imageScanningConfiguration: { scanOnPush: false },
      encryptionConfiguration: { encryptionType: 'AES256' },
    });
  });

  it.each([
    ['an upper-case name', { repositoryName: 'Web' }, 'InvalidParameterException'],
    ['a tag mutability exclusion (not modelled)', { repositoryName: 'x1', imageTagMutability: 'IMMUTABLE_WITH_EXCLUSION' }, 'ValidationException'],
    ['dual-layer KMS (not modelled)', { repositoryName: 'x1', encryptionConfiguration: { encryptionType: 'KMS_DSSE' } }, 'ValidationException'],
    ['a key with AES256', { repositoryName: 'x1', encryptionConfiguration: { encryptionType: 'AES256', kmsKey: 'k' } }, 'InvalidParameterException'],
    ['a name taken', { repositoryName: 'web/app' }, 'RepositoryAlreadyExistsException'],
  ])('refuses %s', (_name, input, code) => {
    const { state, ctx } = account();
    expect(awsErrorCode(() => createRepository(state, input, ctx))).toBe(code);
  });
});

describe('ECR lookups by a hostile name', () => {
  it('answers that the repository does not exist', () => {
    const { state, ctx } = account();
    for (const name of ['__proto__', 'constructor', 'toString', 'hasOwnProperty']) {
      expect(awsErrorCode(() => describeRepositories(state, { repositoryNames: [name] }, ctx))).toBe('RepositoryNotFoundException');
      expect(awsErrorCode(() => getRepositoryPolicy(state, { repositoryName: name }, ctx))).toBe('RepositoryNotFoundException');
    }
  });
});

// https://docs.aws.amazon.com/AmazonECR/latest/userguide/image-tag-mutability.html
describe('PutImage and tags', () => {
  it('refuses to move a tag in an immutable repository, and scans on push', () => {
    const { state, ctx } = account({ repositoryName: 'web/app', imageTagMutability: 'IMMUTABLE', imageScanningConfiguration: { scanOnPush: true } });
    putImage(state, { repositoryName: 'web/app', imageManifest: manifest(1), imageTag: 'v1' }, ctx);
    expect(awsErrorCode(() => putImage(state, { repositoryName: 'web/app', imageManifest: manifest(2), imageTag: 'v1' }, ctx))).toBe('ImageTagAlreadyExistsException');
    expect(awsErrorCode(() => putImage(state, { repositoryName: 'web/app', imageManifest: manifest(1), imageTag: 'v1' }, ctx))).toBe('ImageAlreadyExistsException');
    expect(describeImages(state, { repositoryName: 'web/app' }, ctx).imageDetails).toMatchObject([{ imageTags: ['v1'], imageSizeInBytes: 1100, imageScanStatus: { status: 'COMPLETE' } }]);
  });

  it('moves a tag in a mutable repository, leaving the old image untagged', () => {
    const { state, ctx } = account();
    putImage(state, { repositoryName: 'web/app', imageManifest: manifest(1), imageTag: 'latest' }, ctx);
    putImage(state, { repositoryName: 'web/app', imageManifest: manifest(2), imageTag: 'latest' }, ctx);
    expect(describeImages(state, { repositoryName: 'web/app' }, ctx).imageDetails.map((i) => i.imageTags)).toEqual([[], ['latest']]);
  });

  it('gets images by tag or digest and reports the ones it cannot find', () => {
    const { state, ctx } = account();
    const pushed = putImage(state, { repositoryName: 'web/app', imageManifest: manifest(1), imageTag: 'v1' }, ctx).image.imageId;
    const result = batchGetImage(state, { repositoryName: 'web/app', imageIds: [{ imageTag: 'v1' }, { imageTag: 'v9' }, { imageDigest: pushed.imageDigest ?? '', imageTag: 'v2' }] }, ctx);
    expect(result.images.map((i) => i.imageId.imageTag)).toEqual(['v1']);
    expect(result.failures.map((f) => f.failureCode)).toEqual(['ImageNotFound', 'ImageTagDoesNotMatchDigest']);
    expect(batchDeleteImage(state, { repositoryName: 'web/app', imageIds: [{ imageTag: 'v1' }] }, ctx).imageIds).toHaveLength(1);
    expect(describeImages(state, { repositoryName: 'web/app' }, ctx).imageDetails).toEqual([]);
  });
});

describe('policies', () => {
  it('stores a valid repository policy and a lifecycle policy, and previews on the clock', () => {
    const { state, ctx } = account();
    expect(awsErrorCode(() => getRepositoryPolicy(state, { repositoryName: 'web/app' }, ctx))).toBe('RepositoryPolicyNotFoundException');
    expect(awsErrorCode(() => setRepositoryPolicy(state, { repositoryName: 'web/app', policyText: '{"Version":"2012-10-17","Statement":[{"Effect":"Allow","Action":"ecr:BatchGetImage"}]}' }, ctx))).toBe('InvalidParameterException');
    putImage(state, { repositoryName: 'web/app', imageManifest: manifest(1) }, ctx);
    const later = { ...ctx, clock: { now: () => ctx.clock.now() + 15 * 86400000 } };
    const policy = JSON.stringify({ rules: [{ rulePriority: 1, selection: { tagStatus: 'untagged', countType: 'sinceImagePushed', countUnit: 'days', countNumber: 14 }, action: { type: 'expire' } }] });
    expect(awsErrorCode(() => putLifecyclePolicy(state, { repositoryName: 'web/app', lifecyclePolicyText: '{"rules":[]}' }, ctx))).toBe('InvalidParameterException');
    putLifecyclePolicy(state, { repositoryName: 'web/app', lifecyclePolicyText: policy }, ctx);
    expect(getLifecyclePolicyPreview(state, { repositoryName: 'web/app' }, ctx).previewResults).toEqual([]);
    expect(getLifecyclePolicyPreview(state, { repositoryName: 'web/app' }, later).previewResults).toMatchObject([{ appliedRulePriority: 1, action: { type: 'EXPIRE' } }]);
  });
});

// https://docs.aws.amazon.com/AmazonECR/latest/userguide/ECR_on_EC2.html and repository-policies.html
describe('pulls through an instance role', () => {
  const trust = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { Service: 'ec2.amazonaws.com' }, Action: 'sts:AssumeRole' }] });

  function withInstance(readOnly: boolean) {
    const { state, ctx } = account();
    createRole(state, { RoleName: 'app', AssumeRolePolicyDocument: trust }, ctx);
    if (readOnly) attachRolePolicy(state, { RoleName: 'app', PolicyArn: 'arn:aws:iam::aws:policy/AmazonEC2ContainerRegistryReadOnly' }, ctx);
    createInstanceProfile(state, { InstanceProfileName: 'app' }, ctx);
    addRoleToInstanceProfile(state, { InstanceProfileName: 'app', RoleName: 'app' }, ctx);
    const vpc = createVpc(state, { CidrBlock: '10.0.0.0/16' }, ctx).Vpc.VpcId;
    const subnet = createSubnet(state, { VpcId: vpc, CidrBlock: '10.0.1.0/24' }, ctx).Subnet.SubnetId;
    const instance = runInstances(state, { ImageId: 'ami-12345678', InstanceType: 't3.micro', MinCount: 1, MaxCount: 1, SubnetId: subnet, IamInstanceProfile: { Name: 'app' } }, ctx).Instances[0]?.InstanceId ?? '';
    return { state, ctx, session: instanceRoleSession(state, instance) ?? '' };
  }

  it('pulls with AmazonEC2ContainerRegistryReadOnly and no repository policy', () => {
    const { state, ctx, session } = withInstance(true);
    expect(session).toMatch(/^arn:aws:sts::111122223333:assumed-role\/app\/i-/);
    expect(pullAccess(state, { principalArn: session, repositoryName: 'web/app' }, ctx).allowed).toBe(true);
  });

  it('pulls without identity policies when the repository policy names the role, and is stopped by a deny', () => {
    const { state, ctx, session } = withInstance(false);
    expect(pullAccess(state, { principalArn: session, repositoryName: 'web/app' }, ctx).allowed).toBe(false);
    const allow = { Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::111122223333:role/app' }, Action: ['ecr:BatchGetImage', 'ecr:GetDownloadUrlForLayer', 'ecr:BatchCheckLayerAvailability'] };
    setRepositoryPolicy(state, { repositoryName: 'web/app', policyText: JSON.stringify({ Version: '2012-10-17', Statement: [allow] }) }, ctx);
    // GetAuthorizationToken is registry-wide: only identity policies can allow it.
    expect(pullAccess(state, { principalArn: session, repositoryName: 'web/app' }, ctx).results.map((r) => r.decision)).toEqual(['ImplicitDeny', 'Allowed', 'Allowed', 'Allowed']);
  });

  it('decides a role of the account that does not exist by the repository policy alone', () => {
    const { state, ctx } = account();
    const ghost = 'arn:aws:sts::111122223333:assumed-role/ghost/i-1';
    expect(pullAccess(state, { principalArn: ghost, repositoryName: 'web/app' }, ctx).allowed).toBe(false);
    setRepositoryPolicy(state, { repositoryName: 'web/app', policyText: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: '*', Action: 'ecr:*' }] }) }, ctx);
    expect(pullAccess(state, { principalArn: ghost, repositoryName: 'web/app' }, ctx).results.map((r) => r.decision)).toEqual(['ImplicitDeny', 'Allowed', 'Allowed', 'Allowed']);
  });

  it('needs both sides from another account', () => {
    const { state, ctx } = account();
    const caller = 'arn:aws:iam::444455556666:role/ci';
    const identity = JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Action: 'ecr:*', Resource: '*' }] });
    expect(pullAccess(state, { principalArn: caller, repositoryName: 'web/app', callerPolicies: [identity] }, ctx).allowed).toBe(false);
    setRepositoryPolicy(state, { repositoryName: 'web/app', policyText: JSON.stringify({ Version: '2012-10-17', Statement: [{ Effect: 'Allow', Principal: { AWS: '444455556666' }, Action: 'ecr:*' }] }) }, ctx);
    expect(pullAccess(state, { principalArn: caller, repositoryName: 'web/app', callerPolicies: [identity] }, ctx).allowed).toBe(true);
    expect(pullAccess(state, { principalArn: caller, repositoryName: 'web/app' }, ctx).allowed).toBe(false);
  });
});
