import { z } from 'zod';
import { findingSchema } from './common.ts';
import { labView } from './labs.ts';

// `POST /api/lab-preview`: a lab text's findings, its learner view for a seed and its self-test (docs/labs.md).

const selfTestRun = z.strictObject({
  subject: z.string(),
  seed: z.string(),
  ok: z.boolean(),
  score: z.number().optional(),
  failedChecks: z.array(z.string()),
  expectedFailedChecks: z.array(z.string()).optional(),
  problems: z.array(z.string()),
  findings: z.array(findingSchema),
});

const mutantRun = z.strictObject({
  task: z.string(),
  description: z.string(),
  status: z.enum(['killed', 'survived', 'equivalent', 'refused']),
  killedBy: z.array(z.string()),
  difference: z.string().optional(),
});

/** What an author sees of a lab text before publishing it; `lab`, `params` and `selfTest` are null when it does not load. */
export const labPreviewView = z.strictObject({
  ok: z.boolean(),
  findings: z.array(findingSchema),
  lab: labView.nullable(),
  params: z.record(z.string(), z.string()).nullable(),
  selfTest: z.strictObject({ labId: z.string(), ok: z.boolean(), runs: z.array(selfTestRun), mutants: z.array(mutantRun) }).nullable(),
});

/** `POST /api/lab-preview`. */
export const labPreviewResponse = z.strictObject({ preview: labPreviewView });

export type LabPreviewView = z.infer<typeof labPreviewView>;
export type LabPreviewResponse = z.infer<typeof labPreviewResponse>;
