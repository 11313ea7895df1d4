import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { awsDocPage, parseGolden, uniqueNames } from '../../../test/golden-schema.ts';
import { AwsError } from '../../errors.ts';
import { ec2Actions, type Ec2ActionName } from '../actions.ts';
import { analyzeReachability } from '../reachability.ts';
import type { ReachabilityQuery } from '../reachability-types.ts';
import { SCENARIOS } from './scenarios.ts';

// Golden cases written from the AWS documentation: each file names a scenario, and each case applies
// steps (EC2 actions by their wire names, `$name` standing for a scenario id or a saved value), then
// asks the analyzer and compares with what the documentation says. `source` is the page it comes from.

// Read through a strict schema first: a misspelt key fails naming the file and key. A case asserts something:
// a reachability decision (`query` with `expect`, and the explanation codes whenever no path is found), the
// outcome of each step (success, or the declared `expectError`), or ids equal or different.
const stepSchema = z.strictObject({
  action: z.enum(Object.keys(ec2Actions) as [Ec2ActionName, ...Ec2ActionName[]]),
  input: z.unknown(),
  save: z.record(z.string(), z.string()).optional(),
  expectError: z.string().optional(),
});

const querySchema = z.strictObject({
  Source: z.string(),
  Destination: z.string(),
  Protocol: z.enum(['tcp', 'udp', 'icmp', 'icmpv6']),
  DestinationPort: z.number().int().optional(),
  SourceIp: z.string().optional(),
  DestinationIp: z.string().optional(),
  SourcePortRange: z.strictObject({ From: z.number().int(), To: z.number().int() }).optional(),
});

const caseSchema = z
  .strictObject({
    name: z.string().min(1),
    source: awsDocPage,
    steps: z.array(stepSchema).optional(),
    query: querySchema.optional(),
    expect: z
      .strictObject({ NetworkPathFound: z.boolean(), ExplanationCodes: z.array(z.string()).optional(), Explanation: z.record(z.string(), z.unknown()).optional() })
      .refine((e) => e.NetworkPathFound || e.ExplanationCodes !== undefined, 'a case where no path is found must name its `ExplanationCodes`')
      .optional(),
    expectEqual: z.array(z.tuple([z.string(), z.string()])).optional(),
    expectDifferent: z.array(z.tuple([z.string(), z.string()])).optional(),
  })
  .refine((c) => (c.query === undefined) === (c.expect === undefined), '`query` and `expect` go together')
  .refine((c) => c.query !== undefined || (c.steps?.length ?? 0) > 0 || (c.expectEqual?.length ?? 0) > 0 || (c.expectDifferent?.length ?? 0) > 0, 'a case must assert something: a query, steps or ids');

const fileSchema = z.strictObject({ scenario: z.enum(Object.keys(SCENARIOS) as [string, ...string[]]), cases: z.array(caseSchema).min(1) });

function substitute(value: unknown, names: Record<string, string>): unknown {
  if (typeof value === 'string') return value.replace(/\$([A-Za-z][\w-]*)/g, (whole, name: string) => names[name] ?? whole);
  if (Array.isArray(value)) return value.map((v) => substitute(v, names));
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, substitute(v, names)]));
  return value;
}

function pick(value: unknown, path: string): string {
  let at: unknown = value;
  for (const key of path.split('.')) at = (at as Record<string, unknown> | undefined)?.[key];
  return String(at);
}

const dir = import.meta.dirname;
const files = readdirSync(dir).filter((f) => f.endsWith('.json')).sort();
const GOLDEN = new Map(files.map((f) => [f, parseGolden(fileSchema, JSON.parse(readFileSync(join(dir, f), 'utf8')), `ec2/golden/${f}`)]));
for (const [file, golden] of GOLDEN) uniqueNames(golden.cases, file);

describe.each(files)('%s', (file) => {
  const golden = GOLDEN.get(file)!;
  it.each(golden.cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const build = SCENARIOS[golden.scenario];
    if (!build) throw new Error(`unknown scenario ${golden.scenario}`);
    const { state, names, ctx } = build();
    for (const step of c.steps ?? []) {
      const run = ec2Actions[step.action] as (s: unknown, i: unknown, ctx: unknown) => unknown;
      const input = substitute(step.input, names);
      if (step.expectError) {
        let caught: unknown;
        try {
          run(state, input, ctx);
        } catch (error) {
          caught = error;
        }
        expect(caught, `${step.action} should fail`).toBeInstanceOf(AwsError);
        expect((caught as AwsError).code).toBe(step.expectError);
        continue;
      }
      const result = run(state, input, ctx);
      for (const [name, path] of Object.entries(step.save ?? {})) names[name] = pick(result, path);
    }
    if (c.query && c.expect) {
      const analysis = analyzeReachability(state, substitute(c.query, names) as ReachabilityQuery);
      const reasons = JSON.stringify(analysis.Explanations.map((e) => e.Reason));
      expect(analysis.NetworkPathFound, reasons).toBe(c.expect.NetworkPathFound);
      if (c.expect.ExplanationCodes !== undefined) expect(analysis.Explanations.map((e) => e.ExplanationCode).sort(), reasons).toEqual([...c.expect.ExplanationCodes].sort());
      if (c.expect.Explanation !== undefined) expect(analysis.Explanations[0]).toMatchObject(substitute(c.expect.Explanation, names) as Record<string, unknown>);
    }
    for (const [a, b] of c.expectEqual ?? []) expect(substitute(a, names)).toBe(substitute(b, names));
    for (const [a, b] of c.expectDifferent ?? []) expect(substitute(a, names)).not.toBe(substitute(b, names));
  });
});
