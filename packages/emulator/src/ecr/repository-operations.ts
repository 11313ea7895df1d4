import { ecrRepositorySchema } from '@skylab/validation';
import type { Ctx } from '../ctx.ts';
import { deleteRecord, getRecord, records, setRecord } from '../records.ts';
import { InvalidParameterException, RepositoryAlreadyExistsException, RepositoryNotEmptyException, RepositoryNotFoundException, ValidationException } from './errors.ts';
import type { EcrRepository, WithEcr } from './state.ts';

// Private repositories (https://docs.aws.amazon.com/AmazonECR/latest/APIReference/API_CreateRepository.html).
// Tag mutability exclusions, KMS_DSSE, replication, pull-through cache rules and registry scanning are not
// modelled: a request that asks for them is refused by name rather than half applied.

/** The input of CreateRepository as the emulator models it. */
export interface CreateRepositoryInput {
  repositoryName: string;
  registryId?: string;
  imageTagMutability?: string;
  imageScanningConfiguration?: { scanOnPush: boolean };
  encryptionConfiguration?: { encryptionType: string; kmsKey?: string };
  tags?: { Key: string; Value: string }[];
}

/** The repository as DescribeRepositories shows it (no images, no policies). */
export type RepositoryView = Omit<EcrRepository, 'images' | 'policyText' | 'lifecyclePolicyText'>;

/** A repository without its images and policies. */
export function repositoryView(repository: EcrRepository): RepositoryView {
  const { images: _images, policyText: _policy, lifecyclePolicyText: _lifecycle, ...view } = repository;
  return { ...view, imageScanningConfiguration: { ...view.imageScanningConfiguration }, encryptionConfiguration: { ...view.encryptionConfiguration } };
}

/** The repository of this registry, or `RepositoryNotFoundException`. */
export function findRepository(state: WithEcr, name: string, registryId: string | undefined, ctx: Ctx): EcrRepository {
  const repository = registryId === undefined || registryId === ctx.accountId ? getRecord(state.ecr.repositories, name) : undefined;
  if (!repository) throw new RepositoryNotFoundException(`the repository \`${name}\` does not exist in the registry \`${registryId ?? ctx.accountId}\``);
  return repository;
}

function checkUnmodelled(input: CreateRepositoryInput): void {
  if (input.imageTagMutability?.endsWith('_WITH_EXCLUSION')) throw new ValidationException(`\`${input.imageTagMutability}\` (tag mutability exclusion filters) is not modelled: use \`MUTABLE\` or \`IMMUTABLE\``);
  if (input.encryptionConfiguration?.encryptionType === 'KMS_DSSE') throw new ValidationException('`KMS_DSSE` (dual-layer encryption) is not modelled: use `AES256` or `KMS`');
}

/** CreateRepository: `MUTABLE` tags, no scan on push and AES256 encryption unless asked otherwise. */
export function createRepository(state: WithEcr, input: CreateRepositoryInput, ctx: Ctx): { repository: RepositoryView } {
  checkUnmodelled(input);
  const parsed = ecrRepositorySchema.safeParse(input);
  if (!parsed.success) throw new InvalidParameterException(parsed.error.issues[0]?.message ?? 'the repository is not valid');
  const { repositoryName: name, encryptionConfiguration: encryption } = parsed.data;
  if (input.registryId !== undefined && input.registryId !== ctx.accountId) throw new InvalidParameterException(`a repository is created in this account's registry \`${ctx.accountId}\`, not \`${input.registryId}\``);
  if (getRecord(state.ecr.repositories, name)) throw new RepositoryAlreadyExistsException(`the repository \`${name}\` already exists in the registry \`${ctx.accountId}\``);
  if (encryption?.kmsKey !== undefined && encryption.encryptionType !== 'KMS') throw new InvalidParameterException('`kmsKey` is given only with `encryptionType: KMS`');
  const repository: EcrRepository = {
    repositoryName: name,
    repositoryArn: `arn:aws:ecr:${ctx.region}:${ctx.accountId}:repository/${name}`,
    registryId: ctx.accountId,
    repositoryUri: `${ctx.accountId}.dkr.ecr.${ctx.region}.amazonaws.com/${name}`,
    createdAt: new Date(ctx.clock.now()).toISOString(),
    imageTagMutability: parsed.data.imageTagMutability === 'IMMUTABLE' ? 'IMMUTABLE' : 'MUTABLE',
    imageScanningConfiguration: { scanOnPush: parsed.data.imageScanningConfiguration?.scanOnPush ?? false },
    // KMS without a key means the AWS managed key `aws/ecr` (API_EncryptionConfiguration.html).
    encryptionConfiguration: encryption?.encryptionType === 'KMS' ? { encryptionType: 'KMS', kmsKey: encryption.kmsKey ?? `arn:aws:kms:${ctx.region}:${ctx.accountId}:alias/aws/ecr` } : { encryptionType: 'AES256' },
    images: records(),
  };
  return { repository: repositoryView(setRecord(state.ecr.repositories, name, repository)) };
}

/** DescribeRepositories: the named repositories (each must exist), or all. */
export function describeRepositories(state: WithEcr, input: { repositoryNames?: string[]; registryId?: string }, ctx: Ctx): { repositories: RepositoryView[] } {
  const found = input.repositoryNames ? input.repositoryNames.map((n) => findRepository(state, n, input.registryId, ctx)) : Object.values(state.ecr.repositories);
  return { repositories: found.map(repositoryView) };
}

/** DeleteRepository: an empty one, or any with `force`. */
export function deleteRepository(state: WithEcr, input: { repositoryName: string; registryId?: string; force?: boolean }, ctx: Ctx): { repository: RepositoryView } {
  const repository = findRepository(state, input.repositoryName, input.registryId, ctx);
  if (!input.force && Object.keys(repository.images).length > 0) throw new RepositoryNotEmptyException(`the repository \`${repository.repositoryName}\` still holds images: delete them or pass \`force\``);
  deleteRecord(state.ecr.repositories, repository.repositoryName);
  return { repository: repositoryView(repository) };
}

/** PutImageTagMutability. */
export function putImageTagMutability(state: WithEcr, input: { repositoryName: string; registryId?: string; imageTagMutability: string }, ctx: Ctx): { repositoryName: string; imageTagMutability: string } {
  const repository = findRepository(state, input.repositoryName, input.registryId, ctx);
  checkUnmodelled(input as CreateRepositoryInput);
  if (input.imageTagMutability !== 'MUTABLE' && input.imageTagMutability !== 'IMMUTABLE') throw new InvalidParameterException(`\`imageTagMutability\` is \`MUTABLE\` or \`IMMUTABLE\`, got \`${input.imageTagMutability}\``);
  repository.imageTagMutability = input.imageTagMutability;
  return { repositoryName: repository.repositoryName, imageTagMutability: repository.imageTagMutability };
}

/** PutImageScanningConfiguration: basic scanning on push. */
export function putImageScanningConfiguration(state: WithEcr, input: { repositoryName: string; registryId?: string; imageScanningConfiguration: { scanOnPush: boolean } }, ctx: Ctx): { repositoryName: string; imageScanningConfiguration: { scanOnPush: boolean } } {
  const repository = findRepository(state, input.repositoryName, input.registryId, ctx);
  if (typeof input.imageScanningConfiguration?.scanOnPush !== 'boolean') throw new InvalidParameterException('`imageScanningConfiguration.scanOnPush` must be true or false');
  repository.imageScanningConfiguration = { scanOnPush: input.imageScanningConfiguration.scanOnPush };
  return { repositoryName: repository.repositoryName, imageScanningConfiguration: { ...repository.imageScanningConfiguration } };
}
