import { z } from 'zod';

// Element grammar from the IAM JSON policy reference:
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_grammar.html

const toArray = <T>(value: T | T[]): T[] => (Array.isArray(value) ? value : [value]);

/** One value or a non-empty list of values, normalised to a list (IAM accepts both spellings). */
function oneOrMany<T extends z.ZodType>(item: T, what: string) {
  return z
    .union([item, z.array(item).min(1, { error: `the list of ${what} is empty` })], {
      error: `expected a string or a list of strings for ${what}`,
    })
    .transform((value) => toArray(value as z.output<T> | z.output<T>[]));
}

const ACTION = /^(\*|[A-Za-z0-9*?-]+:[A-Za-z0-9*?]+)$/;

const action = z
  .string({ error: 'an action must be a string' })
  .regex(ACTION, { error: (issue) => `\`${String(issue.input)}\` is not an action: write \`service:Action\` (for example \`s3:GetObject\`) or \`*\`` })
  .describe('An action as `service:ActionName` (case-insensitive, `*` and `?` wildcards allowed), or `*` for every action');

function isArnOrWildcard(value: string): boolean {
  if (value === '*') return true;
  if (!value.startsWith('arn:')) return false;
  // A shortened ARN is accepted when its last segment ends in `*`, which then spans the remaining colons
  // (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_resource.html).
  return value.split(':').length >= 6 || value.endsWith('*');
}

const resource = z
  .string({ error: 'a resource must be a string' })
  .refine(isArnOrWildcard, {
    error: (issue) => `\`${String(issue.input)}\` is not an ARN: write \`arn:partition:service:region:account:resource\` or \`*\``,
  })
  .describe('A resource ARN (`*` and `?` wildcards within segments), or `*` for every resource');

const principalMap = z
  .partialRecord(
    z.enum(['AWS', 'Service', 'Federated', 'CanonicalUser'], { error: 'a principal type must be `AWS`, `Service`, `Federated` or `CanonicalUser`' }),
    oneOrMany(z.string({ error: 'a principal must be a string' }), 'principals'),
  )
  .describe('Principals by type: `AWS` (account, user or role ARNs), `Service`, `Federated` or `CanonicalUser`');

const principal = z
  .union([z.literal('*'), principalMap], { error: 'a principal must be `*` or a map such as `{"AWS": "arn:aws:iam::111122223333:root"}`' })
  .describe('Who the statement applies to; only in resource-based and trust policies');

const conditionValue = z
  .union([z.string(), z.number(), z.boolean()], { error: 'a condition value must be a string, number or boolean' })
  .transform((value) => String(value));

const conditionBlock = z
  .record(z.string().min(1), oneOrMany(conditionValue, 'condition values').describe('The values to compare with; any one may match'))
  .describe('Condition keys (case-insensitive names such as `aws:SecureTransport`) and the values to compare with');

const condition = z
  .record(z.string().min(1).describe('A condition operator such as `StringEquals` or `Bool`'), conditionBlock)
  .describe('When the statement applies: every operator block and every key in it must match');

/** One statement of an IAM policy, with string-or-list elements normalised to lists. */
export const policyStatementSchema = z
  .strictObject(
    {
      Sid: z
        .string({ error: 'a `Sid` must be a string' })
        .regex(/^[A-Za-z0-9]*$/, { error: (issue) => `\`${String(issue.input)}\` is not a valid \`Sid\`: IAM accepts only letters and digits` })
        .optional()
        .describe('An optional statement id, unique in the policy (letters and digits only in IAM policies)'),
      Effect: z
        .enum(['Allow', 'Deny'], {
          error: (issue) =>
            issue.input === undefined ? 'a statement needs an `Effect`' : `\`Effect\` must be \`Allow\` or \`Deny\` (case-sensitive), not \`${String(issue.input)}\``,
        })
        .describe('Whether a matching request is allowed or denied'),
      Principal: principal.optional(),
      NotPrincipal: principal.optional().describe('Every principal except these; only in resource-based policies'),
      Action: oneOrMany(action, 'actions').optional().describe('The actions the statement applies to'),
      NotAction: oneOrMany(action, 'actions').optional().describe('The statement applies to every action except these'),
      Resource: oneOrMany(resource, 'resources').optional().describe('The resources the statement applies to'),
      NotResource: oneOrMany(resource, 'resources').optional().describe('The statement applies to every resource except these'),
      Condition: condition.optional(),
    },
    { error: (issue) => (issue.code === 'invalid_type' ? 'a statement must be an object' : undefined) },
  )
  .superRefine((statement, ctx) => {
    const exactlyOne = (a: 'Action' | 'Resource', b: 'NotAction' | 'NotResource', required: boolean) => {
      if (statement[a] && statement[b]) {
        ctx.addIssue({ code: 'custom', path: [b], message: `a statement may have \`${a}\` or \`${b}\`, not both`, params: { ruleId: 'iam-policy/conflicting-elements' } });
      } else if (required && !statement[a] && !statement[b]) {
        ctx.addIssue({ code: 'custom', path: [], message: `a statement needs \`${a}\` or \`${b}\``, params: { ruleId: 'iam-policy/missing-element' } });
      }
    };
    exactlyOne('Action', 'NotAction', true);
    exactlyOne('Resource', 'NotResource', false);
    if (statement.Principal && statement.NotPrincipal) {
      ctx.addIssue({ code: 'custom', path: ['NotPrincipal'], message: 'a statement may have `Principal` or `NotPrincipal`, not both', params: { ruleId: 'iam-policy/conflicting-elements' } });
    }
  })
  .describe('One permission rule: an effect, the actions and resources it covers, and optional conditions');

/** An IAM policy document (identity-based, resource-based or trust), normalised: `Statement` and every string-or-list element become lists. */
export const policyDocumentSchema = z
  .strictObject(
    {
      Version: z
        .enum(['2012-10-17', '2008-10-17'], { error: (issue) => `\`Version\` must be \`2012-10-17\` (or the older \`2008-10-17\`), not \`${String(issue.input)}\`` })
        .optional()
        .describe('The policy language version; use `2012-10-17` (policy variables need it)'),
      Id: z.string({ error: '`Id` must be a string' }).optional().describe('An optional identifier for the policy'),
      Statement: z
        .union([policyStatementSchema, z.array(policyStatementSchema).min(1, { error: 'a policy needs at least one statement' })], {
          error: (issue) => (issue.input === undefined ? 'a policy needs a `Statement`' : '`Statement` must be a statement object or a list of statements'),
        })
        .transform((value) => toArray(value))
        .describe('One statement or a list of statements'),
    },
    { error: (issue) => (issue.code === 'invalid_type' ? 'a policy must be a JSON object' : undefined) },
  )
  .superRefine((policy, ctx) => {
    const seen = new Set<string>();
    // Refinements also run when an inner element failed, before the list transform applied.
    const statements: unknown = policy.Statement;
    (Array.isArray(statements) ? (statements as PolicyStatementInput[]) : []).forEach((statement, index) => {
      if (typeof statement.Sid !== 'string' || statement.Sid === '') return;
      if (seen.has(statement.Sid)) {
        ctx.addIssue({ code: 'custom', path: ['Statement', index, 'Sid'], message: `duplicate \`Sid\` \`${statement.Sid}\`: statement ids must be unique in a policy`, params: { ruleId: 'iam-policy/duplicate-sid' } });
      }
      seen.add(statement.Sid);
    });
  })
  .describe('An IAM policy document');

type PolicyStatementInput = { Sid?: unknown };

/** A normalised policy statement. */
export type PolicyStatement = z.output<typeof policyStatementSchema>;
/** A normalised policy document. */
export type PolicyDocument = z.output<typeof policyDocumentSchema>;
