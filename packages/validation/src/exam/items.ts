import { z } from 'zod';
import { kebabId, text } from '../lab/fields.ts';

// The items of an exam (issue 13): scenario questions whose key is in the exam file, and hands-on items that
// name a lab task and are graded by the lab's own checks. Every choice item carries a rationale per option
// (shown once feedback is released) and a link to the AWS page that explains it.

/** How IAM's evaluation uses an exhibit that is a policy (SimulateCustomPolicy's inputs). */
export const POLICY_TYPES = ['identity', 'resource', 'permissions-boundary', 'service-control', 'session'] as const;

const docLink = z.url({ error: 'a documentation link must be a URL' }).describe('The AWS documentation page that explains the answer');

/** A document shown with a question: the policy, rule table or configuration the learner reasons about. */
export const exhibitSchema = z
  .strictObject({
    title: text('an exhibit title').describe('What the document is, e.g. `identity policy of app-reader`'),
    language: z.enum(['json', 'yaml', 'text']).prefault('json').describe('How to display it'),
    text: text('an exhibit').describe('The document, as the learner reads it'),
    policyType: z
      .enum(POLICY_TYPES)
      .optional()
      .describe("For a which-wins item's `simulate`: the IAM policy this exhibit is (its text a whole policy document), and how IAM's evaluation uses it"),
  })
  .describe('A document shown with the question');

/**
 * A which-wins item checked by IAM's own evaluation (SimulateCustomPolicy over the exhibits by `policyType`):
 * the decision the key stands for must be the one the engine reaches, so a wrong fact cannot become a key.
 */
export const simulateSchema = z
  .strictObject({
    ActionName: text('`ActionName`').describe('The action asked about, e.g. `s3:DeleteObject`'),
    ResourceArn: text('`ResourceArn`').prefault('*').describe('The resource asked about; `*` when left out'),
    CallerArn: text('`CallerArn`').optional().describe("The caller's ARN; a user of the resource owner's account when left out"),
    ResourceOwner: text('`ResourceOwner`').optional().describe('The account owning a resource whose ARN names none (an S3 bucket), as `arn:aws:iam::<account>:root`'),
    ContextEntries: z
      .array(
        z.strictObject({
          ContextKeyName: text('`ContextKeyName`').describe('A condition key, e.g. `aws:SourceVpce`'),
          ContextKeyValues: z.array(z.string()).min(1).describe('Its values'),
          ContextKeyType: z.string().optional().describe('`string`, `stringList`, `numeric`, `boolean`, `ip`, `date` …'),
        }),
      )
      .max(20)
      .prefault([])
      .describe('The request context'),
    EvalDecision: z.enum(['allowed', 'explicitDeny', 'implicitDeny'], { error: '`EvalDecision` must be `allowed`, `explicitDeny` or `implicitDeny`' }).describe('The decision the key stands for'),
  })
  .describe("IAM's evaluation of the exhibits, which must reach `EvalDecision`");

/** The fields every item has. */
const itemFields = {
  id: kebabId('item id').describe('The item id, unique in the exam: the key of its answer'),
  domain: kebabId('domain id').describe('The syllabus domain the item belongs to, one of `domains`'),
  points: z.number().positive({ error: '`points` must be more than 0' }).max(100).prefault(1).describe('What the item is worth'),
};

/** The fields of a scenario question. */
const questionFields = {
  ...itemFields,
  stem: text('a question stem').describe('The scenario and the question, in markdown'),
  exhibits: z.array(exhibitSchema).max(4).prefault([]).describe('Documents shown with the question'),
  learnMore: docLink,
};

/** A choice with its rationale. */
export const examOptionSchema = z
  .strictObject({
    id: kebabId('option id').describe('The option id, what the learner picks'),
    text: text('an option text').describe('The option as the learner reads it, in markdown'),
    correct: z.boolean({ error: '`correct` must be `true` or `false`' }).prefault(false).describe('Whether this option is part of the key'),
    rationale: text('a rationale').describe('Why this option is right or wrong, shown once feedback is released'),
  })
  .describe('An option');

const options = z.array(examOptionSchema).min(2, { error: 'a question needs at least two options' }).max(8).describe('The options, in the order the author wrote them');

/** A step of an ordering item or a side of a matching item. */
const entrySchema = z
  .strictObject({
    id: kebabId('entry id').describe('The entry id'),
    text: text('an entry text').describe('The entry as the learner reads it'),
    rationale: text('a rationale').describe('Why it goes where it goes, shown once feedback is released'),
  })
  .describe('An entry');

/** How a partially right answer scores. */
const partialCredit = <const T extends readonly [string, ...string[]]>(values: T) =>
  z
    .enum(values, { error: `\`partialCredit\` must be ${values.map((v) => `\`${v}\``).join(' or ')} for this kind of item` })
    .prefault(values[0] as T[number] & string)
    .describe('`all-or-nothing` (the default) or partial credit');

/** Every kind of exam item. */
export const examItemSchema = z
  .discriminatedUnion(
    'kind',
    [
      z.strictObject({ kind: z.literal('single-choice').describe('Pick the one correct option'), ...questionFields, options, partialCredit: partialCredit(['all-or-nothing']) }).describe('A single-choice question: exactly one correct option'),
      z
        .strictObject({
          kind: z.literal('multiple-choice').describe('Pick every correct option'),
          ...questionFields,
          options,
          partialCredit: partialCredit(['all-or-nothing', 'per-option']).describe('`all-or-nothing`, or `per-option`: each correct pick earns its share, each wrong pick takes a share off (never below 0)'),
        })
        .describe('A multiple-choice question: at least one correct option'),
      z
        .strictObject({
          kind: z.literal('which-wins').describe('Decide which document or rule decides the outcome'),
          ...questionFields,
          options,
          partialCredit: partialCredit(['all-or-nothing']),
          simulate: simulateSchema.optional(),
        })
        .describe('A short "which policy or rule wins" question over its exhibits: exactly one correct option'),
      z
        .strictObject({
          kind: z.literal('ordering').describe('Put the steps in order'),
          ...questionFields,
          steps: z.array(entrySchema).min(3, { error: 'an ordering item needs at least three steps' }).max(8).describe('The steps in their correct order; learners see them shuffled'),
          partialCredit: partialCredit(['all-or-nothing', 'per-position']).describe('`all-or-nothing`, or `per-position`: each step in its place earns its share'),
        })
        .describe('An ordering item: the key is the order the steps are written in'),
      z
        .strictObject({
          kind: z.literal('matching').describe('Match each prompt with one target'),
          ...questionFields,
          prompts: z
            .array(entrySchema.extend({ match: kebabId('target id').describe('The id of the target this prompt matches') }))
            .min(2, { error: 'a matching item needs at least two prompts' })
            .max(8)
            .describe('The prompts, each with the target it matches'),
          targets: z.array(z.strictObject({ id: kebabId('target id').describe('The target id'), text: text('a target text').describe('The target as the learner reads it') })).min(2).max(8).describe('The targets; learners see them shuffled'),
          partialCredit: partialCredit(['all-or-nothing', 'per-pair']).describe('`all-or-nothing`, or `per-pair`: each right pair earns its share'),
        })
        .describe('A matching item: every prompt matches a different target and every target is used'),
      z
        .strictObject({
          kind: z.literal('hands-on').describe('A task of a lab, graded by the lab\'s checks'),
          ...itemFields,
          points: z.number().positive({ error: '`points` must be more than 0' }).max(100).prefault(5).describe('What the item is worth; the lab\'s checks for the task are scaled to it'),
          lab: kebabId('lab id').describe('The lab, by id (a folder of `labs/`)'),
          task: kebabId('task id').describe('The task of the lab the learner answers; the lab\'s other tasks take the solution\'s answers'),
        })
        .describe('A hands-on item: one task of a lab in a variant drawn from the learner\'s paper seed'),
    ],
    { error: 'an item needs a `kind`: `single-choice`, `multiple-choice`, `which-wins`, `ordering`, `matching` or `hands-on`' },
  )
  .superRefine((item, ctx) => {
    const issue = (path: (string | number)[], message: string) => ctx.addIssue({ code: 'custom', path, message, params: { ruleId: 'exam/inconsistent-key' } });
    const unique = (ids: string[], path: string, what: string) => {
      const seen = new Set<string>();
      ids.forEach((id, i) => {
        if (seen.has(id)) ctx.addIssue({ code: 'custom', path: [path, i, 'id'], message: `duplicate ${what} id \`${id}\``, params: { ruleId: 'exam/duplicate-id' } });
        seen.add(id);
      });
    };
    if (item.kind === 'single-choice' || item.kind === 'which-wins' || item.kind === 'multiple-choice') {
      unique(item.options.map((o) => o.id), 'options', 'option');
      const correct = item.options.filter((o) => o.correct).length;
      if (item.kind !== 'multiple-choice' && correct !== 1) issue(['options'], `a ${item.kind} item needs exactly one correct option, \`${item.id}\` has ${correct}`);
      if (item.kind === 'multiple-choice' && correct === 0) issue(['options'], `a multiple-choice item needs at least one correct option, \`${item.id}\` has none`);
    } else if (item.kind === 'ordering') {
      unique(item.steps.map((s) => s.id), 'steps', 'step');
    } else if (item.kind === 'matching') {
      unique(item.prompts.map((p) => p.id), 'prompts', 'prompt');
      unique(item.targets.map((t) => t.id), 'targets', 'target');
      matchingFindings(item.prompts, item.targets, issue);
    }
  })
  .describe('An exam item');

/** A matching key must be a bijection: every prompt names a target, no two the same, every target used. */
function matchingFindings(prompts: readonly { id: string; match: string }[], targets: readonly { id: string }[], issue: (path: (string | number)[], message: string) => void): void {
  const targetIds = new Set(targets.map((t) => t.id));
  const used = new Map<string, string>();
  prompts.forEach((prompt, i) => {
    if (!targetIds.has(prompt.match)) issue(['prompts', i, 'match'], `there is no target \`${prompt.match}\``);
    const other = used.get(prompt.match);
    if (other !== undefined) issue(['prompts', i, 'match'], `prompts \`${other}\` and \`${prompt.id}\` both match \`${prompt.match}\`: a matching key pairs each target once`);
    used.set(prompt.match, prompt.id);
  });
  targets.forEach((target, i) => {
    if (!used.has(target.id)) issue(['targets', i, 'id'], `no prompt matches target \`${target.id}\`: every target must be used once`);
  });
}

/** An exam item. */
export type ExamItem = z.output<typeof examItemSchema>;
/** An option of a choice item. */
export type ExamOption = z.output<typeof examOptionSchema>;
/** A document shown with a question. */
export type Exhibit = z.output<typeof exhibitSchema>;
/** A which-wins item's check by IAM's evaluation. */
export type ExamSimulate = z.output<typeof simulateSchema>;
