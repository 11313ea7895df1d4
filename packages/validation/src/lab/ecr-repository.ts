import { z } from 'zod';
import { ecrRepositorySchema } from '../schemas/storage.ts';
import { list, oneOf } from '../schemas/common.ts';
import { kebabId, text } from './fields.ts';

// The ECR repository task, its setup and its exhaustive check: the repository's settings (CreateRepository),
// its policy (SetRepositoryPolicy) and its lifecycle policy (PutLifecyclePolicy), in the ECR API's shapes
// (https://docs.aws.amazon.com/AmazonECR/latest/APIReference/API_CreateRepository.html).

/** A JSON document in an answer or lab file: its text, or the same structure in YAML. */
const documentText = (what: string) =>
  z
    .union([text(what), z.record(z.string(), z.unknown())], { error: `${what} must be JSON text or a map` })
    .transform((doc) => (typeof doc === 'string' ? doc : JSON.stringify(doc, null, 2)));

/** An image of a setup repository: pushed some days before the attempt starts. */
export const imageSetupSchema = z
  .strictObject({
    imageTags: list(z.string(), 'image tags', 10).prefault([]).describe('Its tags; none for an untagged image'),
    pushedDaysAgo: z.number().min(0).max(3650).prefault(0).describe('How many days before the start it was pushed'),
  })
  .describe('An image (PutImage)');

/** A repository of the setup: CreateRepository, then its images. */
export const repositorySetupSchema = ecrRepositorySchema
  .omit({ registryId: true, tags: true })
  .extend({ images: list(imageSetupSchema, 'images', 100).prefault([]).describe('Images, oldest first by `pushedDaysAgo`') })
  .describe('An ECR repository (CreateRepository, PutImage)');

/** The task fields of an `ecr-repository` task (the common ones are added by the lab schema). */
export const ecrRepositoryTaskFields = {
  kind: z.literal('ecr-repository').describe('The learner creates a repository: settings, repository policy, lifecycle policy'),
  language: oneOf(['json', 'yaml'], '`language`').prefault('yaml').describe('The editor language; answers may be JSON or YAML either way'),
  repositoryName: text('`repositoryName`').describe('The repository the answer creates (the setup must not create it)'),
};

/** A learner's `ecr-repository` answer: CreateRepository's settings, `policyText` and `lifecyclePolicyText` (JSON text or YAML maps). */
export const ecrRepositoryAnswerSchema = ecrRepositorySchema
  .pick({ imageTagMutability: true, imageScanningConfiguration: true, encryptionConfiguration: true })
  .extend({
    policyText: documentText('`policyText`').optional().describe('SetRepositoryPolicy: the repository policy'),
    lifecyclePolicyText: documentText('`lifecyclePolicyText`').optional().describe('PutLifecyclePolicy: the lifecycle policy, `{ rules: [...] }`'),
  })
  .describe('The repository as CreateRepository takes it (without its name), its policy and its lifecycle policy');

/** A learner's parsed `ecr-repository` answer. */
export type EcrRepositoryAnswer = z.output<typeof ecrRepositoryAnswerSchema>;

/** The exhaustive check of an `ecr-repository` task. */
export const equivalentRepositorySchema = z
  .strictObject({
    task: kebabId('task id').describe("The `ecr-repository` task whose repository is compared with the solution's"),
    principals: z.array(text('a principal ARN')).optional().describe("Callers asked about besides the account's users, roles (as instance role sessions), root, another account and every principal either policy names"),
    examples: z.number().int().min(1).max(20).prefault(5).describe('How many differences the explanation shows'),
  })
  .describe(
    "Compare the repository the answer creates with the solution's: its settings, every ECR action on it by every caller (in and outside the account) through the IAM engine with the repository policy, and the fate of a universe of images under the lifecycle policy (tags from every prefix and pattern of both policies and their near misses, untagged images, counts around every `countNumber`, ages around every day boundary)",
  );
