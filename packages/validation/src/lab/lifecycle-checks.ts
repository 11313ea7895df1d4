import { z } from 'zod';
import { int, list, oneOf } from '../schemas/common.ts';
import { kebabId } from './fields.ts';

// The `lifecycle` check: things of a graded resource and their fate by a date under its lifecycle rules:
// the object versions (`objects`) of an `s3-bucket` task's bucket under its lifecycle configuration and
// versioning, or the images (`images`) of an `ecr-repository` task's repository under its lifecycle policy
// (GetLifecyclePolicyPreview). Exactly one of the two lists; `task`, `at` and `expect` are shared.
// `equivalent-bucket` is the exhaustive check of an `s3-bucket` task: it compares the whole bucket with the solution's.

const tag = z.strictObject({ Key: z.string().min(1).max(128).describe('The tag key'), Value: z.string().max(256).describe('The tag value') }).describe('An object tag');

const objectSchema = z
  .strictObject({
    key: z.string().min(1).max(1024).describe('The object key'),
    id: z.string().min(1).optional().describe('The name `expect` uses for this version; the key when left out'),
    size: int(0, 5 * 1024 ** 4, '`size`').prefault(1024 * 1024).describe('Bytes (1 MiB when left out); under 128 KiB objects do not transition by default'),
    tags: list(tag, 'tags', 10).optional().describe('The object tags'),
    ageDays: z.number().min(0).max(36500).describe('How many days before `at` the version was created'),
    noncurrentDays: z.number().min(0).max(36500).optional().describe('For a noncurrent version: how many days before `at` a newer version replaced it'),
  })
  .refine((o) => o.noncurrentDays === undefined || o.noncurrentDays <= o.ageDays, { error: 'a version becomes noncurrent after it is created: `noncurrentDays` must not exceed `ageDays`', path: ['noncurrentDays'] })
  .describe('An object version of the bucket');

const imageSchema = z
  .strictObject({
    id: kebabId('image id').describe('The name `expect` uses for this image'),
    imageTags: list(z.string(), 'image tags', 10).prefault([]).describe('Its tags; none for an untagged image'),
    ageDays: z.number().min(0).max(36500).describe('How many days before `at` it was pushed'),
  })
  .describe('An image of the repository');

const fateSchema = z
  .strictObject({
    storageClass: oneOf(['STANDARD', 'STANDARD_IA', 'INTELLIGENT_TIERING', 'ONEZONE_IA', 'GLACIER_IR', 'GLACIER', 'DEEP_ARCHIVE'], '`storageClass`').optional().describe('For an object version: the storage class it must be in'),
    expired: z.boolean().optional().describe('Whether the object version must no longer be the current one (expired, or deleted), or the image must be expired by the lifecycle policy'),
    state: oneOf(['current', 'noncurrent', 'deleted'], '`state`').optional().describe('For an object version: `current`, `noncurrent` (kept behind a delete marker) or `deleted` (permanently)'),
  })
  .refine((f) => f.storageClass !== undefined || f.expired !== undefined || f.state !== undefined, { error: 'an expectation needs `storageClass`, `expired` or `state`' })
  .describe('What must have become of the object version or image');

/** A `lifecycle` check over the object versions of a bucket or the images of a repository. */
export const lifecycleCheckSchema = z
  .strictObject({
    task: kebabId('task id').describe("The `s3-bucket` task whose bucket's lifecycle rules and versioning decide, or the `ecr-repository` task whose repository's lifecycle policy decides"),
    objects: list(objectSchema, 'objects', 100).min(1, { error: 'a lifecycle check needs at least one object' }).optional().describe('Object versions of the bucket, aged relative to `at`'),
    images: list(imageSchema, 'images', 200).min(1, { error: 'a lifecycle check needs at least one image' }).optional().describe('Images of the repository, aged relative to `at`'),
    at: z.iso.datetime({ error: '`at` must be an ISO 8601 date and time such as `2026-06-15T12:00:00Z`' }).prefault('2026-06-15T12:00:00Z').describe('When the fates are read'),
    expect: z.record(z.string(), fateSchema).describe('The fate of each object version (by `id`, or key) or image (by `id`)'),
  })
  .refine((c) => (c.objects === undefined) !== (c.images === undefined), { error: 'a lifecycle check needs exactly one of `objects` (an `s3-bucket` task) and `images` (an `ecr-repository` task)' })
  .refine((c) => Object.keys(c.expect).every((k) => (c.objects ?? []).some((o) => (o.id ?? o.key) === k) || (c.images ?? []).some((i) => i.id === k)), { error: 'every key of `expect` must name an object of `objects` (by `id`, or by `key`) or an image of `images`', path: ['expect'] })
  .refine((c) => c.images === undefined || Object.values(c.expect).every((f) => f.storageClass === undefined && f.state === undefined && f.expired !== undefined), { error: 'an image can only be expected `expired: true` or `expired: false`', path: ['expect'] })
  .describe('Objects or images and what the lifecycle rules must have done to each by a date (S3 counts days to the next midnight UTC)');

/** A parsed `lifecycle` check. */
export type LifecycleCheck = z.output<typeof lifecycleCheckSchema>;

export const equivalentBucketSchema = z
  .strictObject({
    task: kebabId('task id').describe("The `s3-bucket` task whose bucket is compared with the solution's"),
    examples: z.number().int().min(1).max(20).prefault(5).describe('How many differences the explanation shows'),
  })
  .describe(
    "Compare the bucket the answer leaves with the solution's on everything that matters: every S3 action by the account's users and roles, its root, other accounts (those either policy names and one nobody named), services and anonymous callers on the bucket and witness objects under every condition witness; public or not; the Block Public Access settings in force; default encryption; versioning; and the fate (storage class, current, noncurrent or deleted) of witness objects — every prefix and near miss, each tag, sizes around every bound — at every day boundary of either configuration",
  );
