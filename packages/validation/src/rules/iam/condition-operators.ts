import type { ConditionKeyType } from './catalogue.ts';

// The operators of https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html

/** The value type an operator compares. */
export type OperatorFamily = 'String' | 'Numeric' | 'Date' | 'Bool' | 'Binary' | 'IPAddress' | 'ARN' | 'Null';

const FAMILIES: Record<string, OperatorFamily> = {};
const add = (family: OperatorFamily, ...names: string[]) => names.forEach((n) => (FAMILIES[n] = family));
add('String', 'StringEquals', 'StringNotEquals', 'StringEqualsIgnoreCase', 'StringNotEqualsIgnoreCase', 'StringLike', 'StringNotLike');
add('Numeric', 'NumericEquals', 'NumericNotEquals', 'NumericLessThan', 'NumericLessThanEquals', 'NumericGreaterThan', 'NumericGreaterThanEquals');
add('Date', 'DateEquals', 'DateNotEquals', 'DateLessThan', 'DateLessThanEquals', 'DateGreaterThan', 'DateGreaterThanEquals');
add('Bool', 'Bool');
add('Binary', 'BinaryEquals');
add('IPAddress', 'IpAddress', 'NotIpAddress');
add('ARN', 'ArnEquals', 'ArnLike', 'ArnNotEquals', 'ArnNotLike');
add('Null', 'Null');

/** A parsed condition operator such as `ForAnyValue:StringLikeIfExists`. */
export interface ConditionOperator {
  name: string;
  base: string;
  family: OperatorFamily;
  ifExists: boolean;
  setOperator?: 'ForAllValues' | 'ForAnyValue';
}

/** Parses an operator; undefined when IAM does not know it (`Null` takes no `IfExists`). */
export function parseOperator(name: string): ConditionOperator | undefined {
  const match = /^(?:(ForAllValues|ForAnyValue):)?(.+?)(IfExists)?$/.exec(name);
  const base = match?.[2] ?? '';
  const family = Object.hasOwn(FAMILIES, base) ? FAMILIES[base] : undefined;
  if (!match || !family || (family === 'Null' && match[3])) return undefined;
  return { name, base, family, ifExists: match[3] !== undefined, ...(match[1] ? { setOperator: match[1] as 'ForAllValues' | 'ForAnyValue' } : {}) };
}

/** The operator IAM knows whose name differs only in case, to suggest it. */
export function operatorSpelling(name: string): string | undefined {
  const lower = name.toLowerCase();
  for (const set of ['', 'ForAllValues:', 'ForAnyValue:']) {
    for (const base of Object.keys(FAMILIES)) {
      for (const suffix of base === 'Null' ? [''] : ['', 'IfExists']) {
        const candidate = `${set}${base}${suffix}`;
        if (candidate.toLowerCase() === lower) return candidate;
      }
    }
  }
  return undefined;
}

const COMPATIBLE: Record<OperatorFamily, readonly ConditionKeyType[]> = {
  String: ['String', 'ArrayOfString', 'ARN', 'ArrayOfARN'],
  Numeric: ['Numeric', 'ArrayOfNumeric'],
  Date: ['Date'],
  Bool: ['Bool', 'ArrayOfBool'],
  Binary: ['Binary'],
  IPAddress: ['IPAddress'],
  ARN: ['ARN', 'ArrayOfARN'],
  Null: ['String', 'ARN', 'Numeric', 'Date', 'Bool', 'IPAddress', 'Binary', 'ArrayOfString', 'ArrayOfARN', 'ArrayOfNumeric', 'ArrayOfBool'],
};

/** True when the operator can compare values of the key's type. */
export function operatorFits(family: OperatorFamily, type: ConditionKeyType): boolean {
  return COMPATIBLE[family].includes(type);
}
