import { globMatch } from './glob.ts';

/** How a `Condition` element came out: a definite match or not, or unknown because it uses what we do not model. */
export interface ConditionOutcome {
  result: 'match' | 'no-match' | 'unsupported';
  /** Why it did not match, or what is unsupported, in plain words. */
  reason: string;
  unsupported: string[];
  missingKeys: string[];
  /** The first operator and key that did not hold, when the result is `no-match`. */
  failedOn?: { operator: string; key: string };
}

type Operator = (policyValues: string[], requestValue: string | undefined) => boolean;

const lower = (s: string) => s.toLowerCase();

// The operators modelled so far (https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html).
// A key missing from the request makes a positive operator false and a negated one true ("If the key that you
// specify in a policy condition is not present in the request context, the values do not match").
const OPERATORS: Record<string, Operator> = {
  StringEquals: (values, v) => v !== undefined && values.includes(v),
  StringNotEquals: (values, v) => v === undefined || !values.includes(v),
  StringEqualsIgnoreCase: (values, v) => v !== undefined && values.map(lower).includes(lower(v)),
  StringNotEqualsIgnoreCase: (values, v) => v === undefined || !values.map(lower).includes(lower(v)),
  StringLike: (values, v) => v !== undefined && values.some((pattern) => globMatch(pattern, v)),
  StringNotLike: (values, v) => v === undefined || !values.some((pattern) => globMatch(pattern, v)),
  Bool: (values, v) => v !== undefined && values.map(lower).includes(lower(v)),
  // Null tests presence itself: `true` means the key must be absent, `false` that it must be present.
  Null: (values, v) => values.map(lower).includes(v === undefined ? 'true' : 'false'),
};

/**
 * Evaluates a statement's `Condition` against the request context: every operator block and every key
 * in a block must match (AND), any of a key's values may match (OR). Context key names are
 * case-insensitive. Set operators (`ForAnyValue:`/`ForAllValues:`), `…IfExists`, other operator families,
 * multivalued request keys and policy variables are reported as unsupported instead of guessed.
 */
export function evaluateCondition(
  condition: Record<string, Record<string, string[]>>,
  context: ReadonlyMap<string, string[]>,
  allowVariables: boolean,
): ConditionOutcome {
  const unsupported: string[] = [];
  const missingKeys: string[] = [];
  let failure: string | undefined;
  let failedOn: ConditionOutcome['failedOn'];
  for (const [operatorName, block] of Object.entries(condition)) {
    const operator = Object.hasOwn(OPERATORS, operatorName) ? OPERATORS[operatorName] : undefined;
    if (!operator) {
      unsupported.push(`condition operator \`${operatorName}\``);
      continue;
    }
    for (const [key, values] of Object.entries(block)) {
      const variable = allowVariables ? values.find((v) => v.includes('${')) : undefined;
      if (variable !== undefined) {
        unsupported.push(`policy variable in \`${variable}\``);
        continue;
      }
      const requestValues = context.get(key.toLowerCase());
      if (requestValues === undefined && !missingKeys.includes(key)) missingKeys.push(key);
      if (requestValues !== undefined && requestValues.length !== 1) {
        unsupported.push(`multivalued context key \`${key}\` without a set operator`);
        continue;
      }
      const requestValue = requestValues?.[0];
      if (!operator(values, requestValue) && failure === undefined) {
        failedOn = { operator: operatorName, key };
        const wanted = values.map((v) => `\`${v}\``).join(' or ');
        failure =
          requestValue === undefined
            ? `its condition \`${operatorName}\` on \`${key}\` needs the key, which the request does not carry`
            : `its condition \`${operatorName}\` on \`${key}\` compares ${wanted} with the request's \`${requestValue}\` and does not hold`;
      }
    }
  }
  if (failure !== undefined) return { result: 'no-match', reason: failure, unsupported, missingKeys, ...(failedOn ? { failedOn } : {}) };
  if (unsupported.length > 0) {
    return { result: 'unsupported', reason: `it uses ${unsupported.join(', ')}, which the simulator does not evaluate yet`, unsupported, missingKeys };
  }
  return { result: 'match', reason: '', unsupported, missingKeys };
}
