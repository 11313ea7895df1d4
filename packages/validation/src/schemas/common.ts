import { z } from 'zod';
import { parseCidr } from './cidr.ts';

/** A whole number in AWS's inclusive range for the field. */
export function int(min: number, max: number, what: string) {
  return z
    .number({ error: `${what} must be a number` })
    .int({ error: `${what} must be a whole number` })
    .min(min, { error: `${what} must be at least ${min}` })
    .max(max, { error: `${what} must be at most ${max}` });
}

/** A string of AWS's allowed length for the field. */
export function str(what: string, max: number, min = 1) {
  return z
    .string({ error: `${what} must be a string` })
    .min(min, { error: min === 1 ? `${what} must not be empty` : `${what} must be at least ${min} characters` })
    .max(max, { error: `${what} must be at most ${max} characters` });
}

/** One of the values AWS accepts (case-sensitive). */
export function oneOf<const T extends readonly [string, ...string[]]>(values: T, what: string) {
  return z.enum(values, { error: (issue) => `${what} must be one of ${values.map((v) => `\`${v}\``).join(', ')}, not \`${String(issue.input)}\`` });
}

/** A list of at most `max` items. */
export function list<T extends z.ZodType>(item: T, what: string, max: number) {
  return z.array(item, { error: `${what} must be a list` }).max(max, { error: `at most ${max} ${what} are allowed` });
}

/** An IPv4 block in CIDR notation (`10.0.0.0/16`). */
export const cidrIpv4 = z
  .string({ error: 'a CIDR block must be a string' })
  .refine((v) => parseCidr(v)?.version === 4, { error: (issue) => `\`${String(issue.input)}\` is not an IPv4 CIDR block such as \`10.0.0.0/16\`` })
  .describe('An IPv4 address range in CIDR notation, such as `10.0.0.0/16`');

/** An IPv6 block in CIDR notation (`2001:db8::/32`). */
export const cidrIpv6 = z
  .string({ error: 'a CIDR block must be a string' })
  .refine((v) => parseCidr(v)?.version === 6, { error: (issue) => `\`${String(issue.input)}\` is not an IPv6 CIDR block such as \`2001:db8::/32\`` })
  .describe('An IPv6 address range in CIDR notation, such as `2001:db8::/32`');

/** EC2 / Auto Scaling tags (https://docs.aws.amazon.com/tag-editor/latest/userguide/tagging.html): keys up to 128, values up to 256 characters, 50 per resource. */
export const tags = list(
  z
    .strictObject({
      Key: str('a tag key', 128).describe('The tag key (case-sensitive, up to 128 characters)'),
      Value: str('a tag value', 256, 0).describe('The tag value (up to 256 characters)'),
    })
    .describe('A tag'),
  'tags',
  50,
).describe('Tags on the resource (at most 50)');

/** An ARN as a string; the lint rules look inside it. */
export const arn = z
  .string({ error: 'an ARN must be a string' })
  .regex(/^arn:[^:]+:[^:]*:[^:]*:[^:]*:.+$/, { error: (issue) => `\`${String(issue.input)}\` is not an ARN` })
  .describe('An Amazon Resource Name: `arn:partition:service:region:account:resource`');
