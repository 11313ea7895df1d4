import { z } from 'zod';
import { kebabId, text } from './fields.ts';

// Checks tag what a failure suggests the learner believes (`bucket-arn-vs-object-arn`). The catalogue turns
// each tag into words a learner reads: a title and one paragraph, so the grade report never shows a raw id.

/** One misconception: what a failing check's tag means. */
export const misconceptionSchema = z
  .strictObject({
    id: kebabId('misconception id').describe('The tag checks use in `misconceptions`'),
    title: text('a misconception title').max(120, { error: 'a title must be at most 120 characters' }).describe('The belief in a few words, as the learner reads it'),
    explanation: text('a misconception explanation').max(1200, { error: 'an explanation must be at most 1200 characters' }).describe('One paragraph in markdown: why the belief is wrong and what AWS really does'),
    learnMore: z.url({ error: 'a documentation link must be a URL' }).optional().describe('The AWS documentation page that explains it'),
  })
  .describe('A misconception a failing check may point at');

/** `labs/misconceptions.yaml`: the catalogue every lab's `misconceptions` tags must come from. */
export const misconceptionCatalogueSchema = z
  .strictObject({
    apiVersion: z.literal('skylab.dev/v1', { error: '`apiVersion` must be `skylab.dev/v1`' }),
    misconceptions: z.array(misconceptionSchema).max(2000, { error: 'at most 2000 misconceptions' }),
  })
  .describe('The misconception catalogue');

/** A misconception as the catalogue defines it. */
export type Misconception = z.output<typeof misconceptionSchema>;
