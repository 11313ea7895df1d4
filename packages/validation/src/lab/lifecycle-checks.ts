import { z } from 'zod';
import { list } from '../schemas/common.ts';
import { kebabId } from './fields.ts';

// The `lifecycle` check: things of a graded resource and their fate by a date under its lifecycle rules. Here
// the things are the images (`images`) of an `ecr-repository` task's repository under its lifecycle policy
// (GetLifecyclePolicyPreview); S3 objects (`objects`) join as another list beside `images`, sharing `task`,
// `at` and `expect`.

const imageSchema = z
  .strictObject({
    id: kebabId('image id').describe('The name `expect` uses for this image'),
    imageTags: list(z.string(), 'image tags', 10).prefault([]).describe('Its tags; none for an untagged image'),
    ageDays: z.number().min(0).max(36500).describe('How many days before `at` it was pushed'),
  })
  .describe('An image of the repository');

const imageFateSchema = z.strictObject({ expired: z.boolean().describe('Whether the lifecycle policy must expire the image') }).describe('What must become of the image');

/** A `lifecycle` check over the images of an ECR repository. */
export const lifecycleCheckSchema = z
  .strictObject({
    task: kebabId('task id').describe("The `ecr-repository` task whose repository's lifecycle policy decides"),
    images: list(imageSchema, 'images', 200).min(1, { error: 'a lifecycle check needs at least one image' }).describe('Images of the repository, aged relative to `at`'),
    at: z.iso.datetime({ error: '`at` must be an ISO 8601 date and time such as `2026-06-15T12:00:00Z`' }).prefault('2026-06-15T12:00:00Z').describe('When the fates are read'),
    expect: z.record(z.string(), imageFateSchema).describe('The fate of each image, by `id`'),
  })
  .refine((c) => Object.keys(c.expect).every((k) => c.images.some((i) => i.id === k)), { error: 'every key of `expect` must name an image of `images`', path: ['expect'] })
  .describe('Images pushed at given ages and which of them the lifecycle policy expires by a date');

/** A parsed `lifecycle` check. */
export type LifecycleCheck = z.output<typeof lifecycleCheckSchema>;

/** The fields a check gets from this file. */
export const lifecycleCheckFields = { lifecycle: lifecycleCheckSchema.optional() };
