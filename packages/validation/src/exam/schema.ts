import { z } from 'zod';
import { kebabId, text } from '../lab/fields.ts';
import { examItemSchema } from './items.ts';

// The exam file format, version 1 (issue 13): `exams/<id>/exam.yaml`. Sections hold pools; each learner's paper
// draws `draw` items from every pool with the paper's seed, so neighbours get different papers of the same shape.

const isoTime = z.iso.datetime({ offset: true, error: 'a time must be ISO 8601 with an offset, e.g. `2026-03-01T09:00:00Z`' });

/** When learners see their score, the key and the rationale. */
export const FEEDBACK_RELEASE = ['never', 'after-submit', 'after-close'] as const;

/** How an exam is run: what the server enforces and what the paper shows. */
export const examSettingsSchema = z
  .strictObject({
    timeLimitMinutes: z.number().int().min(1, { error: '`timeLimitMinutes` must be at least 1' }).max(600, { error: '`timeLimitMinutes` must be at most 600' }).describe('Minutes from the start of an attempt to its deadline, enforced by the server'),
    availability: z
      .strictObject({
        opens: isoTime.optional().describe('No attempt starts before this time'),
        closes: isoTime.optional().describe('No attempt starts after this time, and none runs past it'),
      })
      .refine((a) => a.opens === undefined || a.closes === undefined || Date.parse(a.opens) < Date.parse(a.closes), { error: '`closes` must be after `opens`', path: ['closes'], params: { ruleId: 'exam/empty-window' } })
      .prefault({})
      .describe('The window in which the exam can be taken; open-ended when left out'),
    attemptsAllowed: z.number().int().min(1, { error: '`attemptsAllowed` must be at least 1' }).max(100, { error: '`attemptsAllowed` must be at most 100' }).prefault(1).describe('How many attempts one learner may start'),
    feedbackRelease: z.enum(FEEDBACK_RELEASE, { error: '`feedbackRelease` must be `never`, `after-submit` or `after-close`' }).describe('When learners see their results, the key and the rationale: `never`, `after-submit`, or `after-close` (once the availability window closes)'),
    awsEndpoint: z.enum(['open', 'closed']).prefault('closed').describe("Whether the attempt's emulated AWS endpoint answers during the exam"),
    shuffle: z
      .strictObject({
        items: z.boolean().prefault(true).describe('Shuffle the items within each section'),
        options: z.boolean().prefault(true).describe("Shuffle each choice item's options (ordering steps and matching targets are always shuffled)"),
      })
      .prefault({})
      .describe('What each paper shuffles, with its seed'),
  })
  .refine((s) => s.feedbackRelease !== 'after-close' || s.availability.closes !== undefined, {
    error: '`feedbackRelease: after-close` needs `availability.closes`: without it the window never closes',
    path: ['feedbackRelease'],
    params: { ruleId: 'exam/release-without-close' },
  })
  .describe('How the exam is run');

/** A pool: the paper draws `draw` of its items. */
export const examPoolSchema = z
  .strictObject({
    id: kebabId('pool id').describe('The pool id'),
    draw: z.number().int().min(1).describe('How many of the pool\'s items each paper gets'),
    items: z.array(examItemSchema).min(1, { error: 'a pool needs at least one item' }).max(200).describe('The items to draw from'),
  })
  .refine((p) => p.draw <= p.items.length, { error: (issue) => `the pool draws more items than it has (${String((issue.input as { items: unknown[] }).items.length)})`, path: ['draw'], params: { ruleId: 'exam/draw-exceeds-pool' } })
  .describe('Items of which each paper draws some');

/** A syllabus domain, for the per-domain report. */
export const examDomainSchema = z
  .strictObject({
    id: kebabId('domain id').describe('The domain id items refer to'),
    title: text('a domain title').describe('The domain as the score report names it'),
  })
  .describe('A syllabus domain');

/** The exam file format, version 1. */
export const examSchema = z
  .strictObject({
    apiVersion: z.literal('skylab.dev/v1', { error: '`apiVersion` must be `skylab.dev/v1`' }).describe('The exam format version'),
    id: kebabId('exam id').describe('The exam id; equals the folder name'),
    title: text('a title').describe('The exam title'),
    description: text('a description').describe('What the exam covers and how it runs, in markdown'),
    settings: examSettingsSchema,
    passPercent: z.number().min(0).max(100).describe('The share of the points (after voided items are removed) needed to pass, in percent'),
    domainMeetsPercent: z.number().min(0).max(100).optional().describe('The share of a domain\'s points at which the report says `meets`; `passPercent` when left out'),
    domains: z.array(examDomainSchema).min(1).max(20).describe('The syllabus domains, in report order'),
    sections: z
      .array(
        z
          .strictObject({
            id: kebabId('section id').describe('The section id'),
            title: text('a section title').describe('The section title'),
            pools: z.array(examPoolSchema).min(1, { error: 'a section needs at least one pool' }).max(50).describe('The pools, drawn in order'),
          })
          .describe('A section of the paper'),
      )
      .min(1, { error: 'an exam needs at least one section' })
      .max(20)
      .describe('The sections, in paper order'),
  })
  .describe('A Skylab exam');

/** A validated exam, format v1. */
export type Exam = z.output<typeof examSchema>;
/** How an exam is run. */
export type ExamSettings = z.output<typeof examSettingsSchema>;
/** When results are released. */
export type FeedbackRelease = (typeof FEEDBACK_RELEASE)[number];

/** The JSON Schema of the exam format, for editors (YAML language servers read it). */
export function examJsonSchema(): Record<string, unknown> {
  return z.toJSONSchema(examSchema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
}
