import { z } from 'zod';
import { misconceptionSchema } from '../lab/misconceptions.ts';
import { LAB_TRACKS } from '../lab/tracks.ts';
import { isoTime } from './common.ts';

// The lab catalogue, a lab as the learner sees it and the learner's progress (docs/api.md, Labs).

const trackId = z.enum(LAB_TRACKS.map((track) => track.id) as [(typeof LAB_TRACKS)[number]['id'], ...(typeof LAB_TRACKS)[number]['id'][]]);

/** What the catalogue shows about a lab before an attempt starts. */
export const labSummary = z.strictObject({
  id: z.string(),
  title: z.string(),
  summary: z.string(),
  difficulty: z.enum(['beginner', 'intermediate', 'advanced']),
  estimatedMinutes: z.number(),
  tags: z.array(z.string()),
  track: trackId,
});

/** A catalogue track and how many published labs it has. */
export const trackView = z.strictObject({ id: trackId, title: z.string(), labs: z.number().int() });
/** The learner's labs completed in a track, out of its published labs. */
export const trackProgress = trackView.extend({ completed: z.number().int() });

const quizQuestionView = z.strictObject({ id: z.string(), text: z.string(), multiple: z.boolean(), options: z.array(z.strictObject({ id: z.string(), text: z.string() })) });

/** A task with the attempt's params filled in; a quiz's questions without their key. */
export const taskView = z.strictObject({
  id: z.string(),
  kind: z.string(),
  title: z.string(),
  prompt: z.string(),
  starter: z.string(),
  language: z.enum(['json', 'yaml', 'text']),
  questions: z.array(quizQuestionView).optional(),
  /** Set when the task is done with the AWS CLI: what is read from the account at submit, and the call that puts it there. */
  liveAccount: z.strictObject({ what: z.string(), command: z.string() }).optional(),
});

/** A hint: its text only when free or revealed. */
export const hintView = z.strictObject({ index: z.number().int(), cost: z.number(), text: z.string().optional(), revealed: z.boolean() });

/** A lab as the learner sees it. `awsEndpointServices`: what the attempt's AWS endpoint answers (empty: no CLI panel). */
export const labView = labSummary.extend({ description: z.string(), tasks: z.array(taskView), hints: z.array(hintView), awsEndpointServices: z.array(z.string()) });

/** `GET /api/labs`. */
export const catalogueResponse = z.strictObject({ labs: z.array(labSummary), tracks: z.array(trackView) });
/** `GET /api/labs/:id`. */
export const labResponse = z.strictObject({ lab: labView });
/** `GET /api/misconceptions`. */
export const misconceptionsResponse = z.strictObject({ misconceptions: z.array(misconceptionSchema) });

/** The learner's standing in one lab. */
export const labProgress = z.strictObject({
  labId: z.string(),
  title: z.string(),
  attempts: z.number().int(),
  bestScore: z.number().nullable(),
  completed: z.boolean(),
  lastActivityAt: isoTime,
  latestAttemptId: z.string(),
});
/** `GET /api/me/progress`. */
export const progressResponse = z.strictObject({ progress: z.array(labProgress), tracks: z.array(trackProgress) });

export type LabSummary = z.infer<typeof labSummary>;
export type TrackView = z.infer<typeof trackView>;
export type TrackProgress = z.infer<typeof trackProgress>;
export type TaskView = z.infer<typeof taskView>;
export type HintView = z.infer<typeof hintView>;
export type LabView = z.infer<typeof labView>;
export type LabProgress = z.infer<typeof labProgress>;
export type CatalogueResponse = z.infer<typeof catalogueResponse>;
export type ProgressResponse = z.infer<typeof progressResponse>;
export type LabResponse = z.infer<typeof labResponse>;
export type MisconceptionsResponse = z.infer<typeof misconceptionsResponse>;
