import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { AwsError } from '../../errors.ts';
import { ec2Actions, type Ec2ActionName } from '../actions.ts';
import { analyzeReachability } from '../reachability.ts';
import type { ReachabilityQuery } from '../reachability-types.ts';
import { SCENARIOS } from './scenarios.ts';

// Golden cases written from the AWS documentation: each file names a scenario, and each case applies
// steps (EC2 actions by their wire names, `$name` standing for a scenario id or a saved value), then
// asks the analyzer and compares with what the documentation says. `source` is the page it comes from.

interface Step {
  action: Ec2ActionName;
  input: unknown;
  save?: Record<string, string>;
  expectError?: string;
}

interface GoldenCase {
  name: string;
  source: string;
  steps?: Step[];
  query?: ReachabilityQuery;
  expect?: { NetworkPathFound: boolean; ExplanationCodes?: string[]; Explanation?: Record<string, unknown> };
  expectEqual?: [string, string][];
  expectDifferent?: [string, string][];
}

interface GoldenFile {
  scenario: string;
  cases: GoldenCase[];
}

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

export const goldenCaseCount = files.reduce((n, f) => n + (JSON.parse(readFileSync(join(dir, f), 'utf8')) as GoldenFile).cases.length, 0);

describe.each(files)('%s', (file) => {
  const golden = JSON.parse(readFileSync(join(dir, file), 'utf8')) as GoldenFile;
  it.each(golden.cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    expect(c.source).toMatch(/^https:\/\/docs\.aws\.amazon\.com\//);
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
      const codes = analysis.Explanations.map((e) => e.ExplanationCode).sort();
      expect({ NetworkPathFound: analysis.NetworkPathFound, codes }, JSON.stringify(analysis.Explanations.map((e) => e.Reason))).toMatchObject({
        NetworkPathFound: c.expect.NetworkPathFound,
        codes: c.expect.ExplanationCodes ? [...c.expect.ExplanationCodes].sort() : codes,
      });
      if (c.expect.Explanation) expect(analysis.Explanations[0]).toMatchObject(substitute(c.expect.Explanation, names) as Record<string, unknown>);
    }
    for (const [a, b] of c.expectEqual ?? []) expect(substitute(a, names)).toBe(substitute(b, names));
    for (const [a, b] of c.expectDifferent ?? []) expect(substitute(a, names)).not.toBe(substitute(b, names));
  });
});
