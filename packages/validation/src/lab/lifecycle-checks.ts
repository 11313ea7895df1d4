import { z } from 'zod';
import { list } from '../schemas/common.ts';
import { kebabId } from './fields.ts';

// The `lifecycle` check: a set of things and their fate under the lifecycle policy a task leaves, on a virtual
// clock. The `images:` variant asks an ECR repository's lifecycle policy which images expire
// (GetLifecyclePolicyPreview); other variants (S3 `objects:`) sit beside it, told apart by their key.

const imageSchema = z
  .strictObject({
    id: kebabId('image id').describe('The image in this check, named in `expired`'),
    imageTags: list(z.string(), 'image tags', 10).prefault([]).describe('Its tags; none for an untagged image'),
    pushedDaysAgo: z.number().min(0).max(3650).describe('How many days before the evaluation it was pushed'),
  })
  .describe('An image');

/** A `lifecycle` check over ECR images. */
export const imagesLifecycleSchema = z
  .strictObject({
    task: kebabId('task id').describe('The `ecr-repository` task whose lifecycle policy decides'),
    images: list(imageSchema, 'images', 200).min(1, { error: 'a lifecycle check needs images' }).describe('The images in the repository'),
    expired: z.array(kebabId('image id')).describe('The ids of the images the policy must expire; every other image must be kept'),
  })
  .describe('Images pushed at given ages, and which of them the lifecycle policy expires');

/** The `lifecycle` check: things and their fate under a lifecycle policy. */
export const lifecycleCheckSchema = imagesLifecycleSchema.describe('The fate of images under a lifecycle policy');

/** A parsed `lifecycle` check. */
export type LifecycleCheck = z.output<typeof lifecycleCheckSchema>;

/** The fields a check gets from this file. */
export const lifecycleCheckFields = { lifecycle: lifecycleCheckSchema.optional() };
