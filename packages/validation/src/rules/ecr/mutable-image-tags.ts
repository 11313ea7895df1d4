import type { z } from 'zod';
import type { ecrRepositorySchema } from '../../schemas/storage.ts';
import type { Rule } from '../rule.ts';

/** Mutable tags let a push silently replace the image a deployment refers to by tag. */
export const rule: Rule<z.output<typeof ecrRepositorySchema>> = {
  id: 'ecr/mutable-image-tags',
  severity: 'suggestion',
  kinds: ['ecr-repository'],
  help: 'set `imageTagMutability` to `IMMUTABLE`',
  learnMore: 'https://docs.aws.amazon.com/AmazonECR/latest/userguide/image-tag-mutability.html',
  check: (repo) =>
    (repo.imageTagMutability ?? 'MUTABLE') === 'MUTABLE' ? [{ path: repo.imageTagMutability ? ['imageTagMutability'] : ['repositoryName'], message: `tags in \`${repo.repositoryName}\` can be overwritten by a later push` }] : [],
};
