import { compileArn, compileMarkedArn, matchArn, splitArn, type CompiledArn } from './arn.ts';
import { cachedGlob, compileMarked, matchCompiled, type CompiledGlob } from './glob.ts';
import { cidrContains, parseAddress, parseCidr, type Cidr } from './ip.ts';

// The condition operator families of
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html.
// Each operator compiles a policy value once and then tests it against one request value. A negated
// operator (`StringNotEquals`, `NotIpAddress`, `ArnNotLike` …) holds for a request value that matches
// none of the policy values; a positive one holds when any policy value matches (values are ORed).

/** One operator: how to read a policy value and how to test it against a request value. */
export interface OperatorDef<T = unknown> {
  family: 'String' | 'Numeric' | 'Date' | 'Bool' | 'Binary' | 'IpAddress' | 'Arn' | 'Null';
  negated: boolean;
  /** Whether policy variables are replaced in its values (string and ARN operators only). */
  variables: boolean;
  /** Reads a literal policy value; undefined when the value cannot be read (it then never matches). */
  compile(value: string): T | undefined;
  /** Reads a policy value after variable substitution (a marked pattern, see `variables.ts`). */
  compileMarked?(marked: string): T | undefined;
  test(policyValue: T, requestValue: string): boolean;
}

const op = <T>(def: OperatorDef<T>): OperatorDef => def as OperatorDef;

function number(text: string): number | undefined {
  const trimmed = text.trim();
  if (!/^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/.test(trimmed)) return undefined;
  return Number(trimmed);
}

// Date values are ISO 8601 (`2026-01-01T00:00:00Z`) or epoch seconds (reference_policies_elements_condition_operators.html#Conditions_Date).
function date(text: string): number | undefined {
  const trimmed = text.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  if (!/^\d{4}-\d{2}-\d{2}/.test(trimmed)) return undefined;
  const ms = Date.parse(trimmed);
  return Number.isNaN(ms) ? undefined : ms;
}

type Compare = (a: number, b: number) => boolean;
const COMPARE: Record<string, Compare> = {
  Equals: (a, b) => a === b,
  NotEquals: (a, b) => a === b,
  LessThan: (request, policy) => request < policy,
  LessThanEquals: (request, policy) => request <= policy,
  GreaterThan: (request, policy) => request > policy,
  GreaterThanEquals: (request, policy) => request >= policy,
};

function ordered(family: 'Numeric' | 'Date', read: (t: string) => number | undefined): Record<string, OperatorDef> {
  const out: Record<string, OperatorDef> = {};
  for (const [suffix, compare] of Object.entries(COMPARE)) {
    out[`${family}${suffix}`] = op<number>({
      family,
      negated: suffix === 'NotEquals',
      variables: false,
      compile: read,
      test: (policy, request) => {
        const value = read(request);
        return value !== undefined && compare(value, policy);
      },
    });
  }
  return out;
}

const exact = (negated: boolean) =>
  op<string>({ family: 'String', negated, variables: true, compile: (v) => v, test: (p, r) => p === r });
const ignoreCase = (negated: boolean) =>
  op<string>({ family: 'String', negated, variables: true, compile: (v) => v.toLowerCase(), test: (p, r) => p === r.toLowerCase() });
const like = (negated: boolean) =>
  op<CompiledGlob>({ family: 'String', negated, variables: true, compile: cachedGlob, compileMarked: (m) => compileMarked(m, 1), test: matchCompiled });
const arn = (negated: boolean) =>
  op<CompiledArn>({ family: 'Arn', negated, variables: true, compile: compileArn, compileMarked: compileMarkedArn, test: (p, r) => matchArn(p, r, splitArn(r)) });
const ip = (negated: boolean) =>
  op<Cidr>({
    family: 'IpAddress',
    negated,
    variables: false,
    compile: parseCidr,
    test: (p, r) => {
      const address = parseAddress(r);
      return address !== undefined && cidrContains(p, address);
    },
  });

/** Every base operator by name (without `ForAnyValue:`/`ForAllValues:` and without `IfExists`). */
export const OPERATORS: Readonly<Record<string, OperatorDef>> = {
  StringEquals: exact(false),
  StringNotEquals: exact(true),
  StringEqualsIgnoreCase: ignoreCase(false),
  StringNotEqualsIgnoreCase: ignoreCase(true),
  StringLike: like(false),
  StringNotLike: like(true),
  ...ordered('Numeric', number),
  ...ordered('Date', date),
  // Bool compares `true`/`false` without regard to case.
  Bool: op<string>({ family: 'Bool', negated: false, variables: false, compile: (v) => v.toLowerCase(), test: (p, r) => p === r.toLowerCase() }),
  // BinaryEquals compares base-64 encoded values byte for byte, which is their text.
  BinaryEquals: op<string>({ family: 'Binary', negated: false, variables: false, compile: (v) => v, test: (p, r) => p === r }),
  IpAddress: ip(false),
  NotIpAddress: ip(true),
  ArnEquals: arn(false),
  ArnLike: arn(false),
  ArnNotEquals: arn(true),
  ArnNotLike: arn(true),
  Null: op<string>({ family: 'Null', negated: false, variables: false, compile: (v) => v.toLowerCase(), test: () => false }),
};

/** An operator name split into its qualifier, base operator and `IfExists` suffix. */
export interface ParsedOperator {
  set?: 'ForAnyValue' | 'ForAllValues';
  base: string;
  ifExists: boolean;
  def?: OperatorDef;
}

/** Parses `ForAllValues:StringLikeIfExists` into its parts; `def` is undefined for an unknown operator. */
export function parseOperator(name: string): ParsedOperator {
  let rest = name;
  let set: ParsedOperator['set'];
  const colon = rest.indexOf(':');
  if (colon >= 0) {
    const qualifier = rest.slice(0, colon);
    if (qualifier !== 'ForAnyValue' && qualifier !== 'ForAllValues') return { base: name, ifExists: false };
    set = qualifier;
    rest = rest.slice(colon + 1);
  }
  // `Null` has no IfExists form: testing presence is its whole purpose.
  const ifExists = rest.endsWith('IfExists') && rest !== 'NullIfExists';
  const base = ifExists ? rest.slice(0, -'IfExists'.length) : rest;
  const def = Object.hasOwn(OPERATORS, base) ? OPERATORS[base] : undefined;
  return { ...(set ? { set } : {}), base, ifExists, ...(def ? { def } : {}) };
}
