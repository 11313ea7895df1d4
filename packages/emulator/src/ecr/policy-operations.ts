import { validatePolicy } from '@skylab/validation';
import type { Ctx } from '../ctx.ts';
import { InvalidParameterException, LifecyclePolicyNotFoundException, RepositoryPolicyNotFoundException } from './errors.ts';
import { evaluateLifecyclePolicy, parseLifecyclePolicy, type LifecycleRule } from './lifecycle-policy.ts';
import { findRepository } from './repository-operations.ts';
import type { EcrRepository, WithEcr } from './state.ts';

// Repository policies (https://docs.aws.amazon.com/AmazonECR/latest/userguide/repository-policies.html) and
// lifecycle policies (https://docs.aws.amazon.com/AmazonECR/latest/userguide/LifecyclePolicies.html).

const REPOSITORY_POLICY_LIMIT = 10240;

type RepositoryRef = { repositoryName: string; registryId?: string };

/** SetRepositoryPolicy: a resource-based policy; each statement names a `Principal`, `Resource` may be left out (the repository). */
export function setRepositoryPolicy(state: WithEcr, input: RepositoryRef & { policyText: string }, ctx: Ctx): { registryId: string; repositoryName: string; policyText: string } {
  const repository = findRepository(state, input.repositoryName, input.registryId, ctx);
  if (input.policyText.length > REPOSITORY_POLICY_LIMIT) throw new InvalidParameterException(`a repository policy is at most ${REPOSITORY_POLICY_LIMIT} characters`);
  const { policy, findings } = validatePolicy(input.policyText, { policyType: 'resource' });
  if (!policy) throw new InvalidParameterException(`invalid repository policy: ${findings.find((f) => f.severity === 'error')?.message ?? 'not a policy document'}`);
  repository.policyText = input.policyText;
  return { registryId: repository.registryId, repositoryName: repository.repositoryName, policyText: input.policyText };
}

/** GetRepositoryPolicy. */
export function getRepositoryPolicy(state: WithEcr, input: RepositoryRef, ctx: Ctx): { registryId: string; repositoryName: string; policyText: string } {
  const repository = findRepository(state, input.repositoryName, input.registryId, ctx);
  if (repository.policyText === undefined) throw new RepositoryPolicyNotFoundException(`the repository \`${repository.repositoryName}\` has no policy`);
  return { registryId: repository.registryId, repositoryName: repository.repositoryName, policyText: repository.policyText };
}

/** DeleteRepositoryPolicy. */
export function deleteRepositoryPolicy(state: WithEcr, input: RepositoryRef, ctx: Ctx): { registryId: string; repositoryName: string; policyText: string } {
  const answer = getRepositoryPolicy(state, input, ctx);
  delete findRepository(state, input.repositoryName, input.registryId, ctx).policyText;
  return answer;
}

/** The rules of a lifecycle policy text, or `InvalidParameterException` with ECR's reason. */
export function lifecycleRules(text: string): LifecycleRule[] {
  const parsed = parseLifecyclePolicy(text);
  if ('problems' in parsed) {
    const first = parsed.problems[0];
    throw new InvalidParameterException(`lifecycle policy validation failure: ${first ? `${first.message}${first.path.length > 0 ? ` (at \`${first.path.join('.')}\`)` : ''}` : 'not a lifecycle policy'}`);
  }
  return parsed.rules;
}

/** PutLifecyclePolicy: validated as ECR validates it before it is stored. */
export function putLifecyclePolicy(state: WithEcr, input: RepositoryRef & { lifecyclePolicyText: string }, ctx: Ctx): { registryId: string; repositoryName: string; lifecyclePolicyText: string } {
  const repository = findRepository(state, input.repositoryName, input.registryId, ctx);
  lifecycleRules(input.lifecyclePolicyText);
  repository.lifecyclePolicyText = input.lifecyclePolicyText;
  return { registryId: repository.registryId, repositoryName: repository.repositoryName, lifecyclePolicyText: input.lifecyclePolicyText };
}

function storedLifecycle(repository: EcrRepository): string {
  if (repository.lifecyclePolicyText === undefined) throw new LifecyclePolicyNotFoundException(`the repository \`${repository.repositoryName}\` has no lifecycle policy`);
  return repository.lifecyclePolicyText;
}

/** GetLifecyclePolicy. */
export function getLifecyclePolicy(state: WithEcr, input: RepositoryRef, ctx: Ctx): { registryId: string; repositoryName: string; lifecyclePolicyText: string } {
  const repository = findRepository(state, input.repositoryName, input.registryId, ctx);
  return { registryId: repository.registryId, repositoryName: repository.repositoryName, lifecyclePolicyText: storedLifecycle(repository) };
}

/** DeleteLifecyclePolicy. */
export function deleteLifecyclePolicy(state: WithEcr, input: RepositoryRef, ctx: Ctx): { registryId: string; repositoryName: string; lifecyclePolicyText: string } {
  const answer = getLifecyclePolicy(state, input, ctx);
  delete findRepository(state, input.repositoryName, input.registryId, ctx).lifecyclePolicyText;
  return answer;
}

/**
 * GetLifecyclePolicyPreview at the clock's time: which images the given policy (or the stored one) would
 * expire and by which rule. The preview completes at once; nothing is deleted.
 */
export function getLifecyclePolicyPreview(state: WithEcr, input: RepositoryRef & { lifecyclePolicyText?: string }, ctx: Ctx) {
  const repository = findRepository(state, input.repositoryName, input.registryId, ctx);
  const rules = lifecycleRules(input.lifecyclePolicyText ?? storedLifecycle(repository));
  const images = Object.values(repository.images).map((i) => ({ imageDigest: i.imageDigest, imageTags: i.imageTags, imagePushedAt: Date.parse(i.imagePushedAt) }));
  const previewResults = evaluateLifecyclePolicy(rules, images, ctx.clock.now());
  return { registryId: repository.registryId, repositoryName: repository.repositoryName, status: 'COMPLETE' as const, previewResults, summary: { expiringImageTotalCount: previewResults.length } };
}
