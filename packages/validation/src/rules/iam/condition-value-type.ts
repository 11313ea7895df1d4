import { parseCidr } from '../../schemas/cidr.ts';
import type { Rule } from '../rule.ts';
import { conditionEntries } from './condition-entries.ts';
import type { OperatorFamily } from './condition-operators.ts';
import { ALL_POLICY_KINDS, type PolicyInput } from './policy-input.ts';

const DATE = /^(\d+|\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?)$/;
const FORMATS: Partial<Record<OperatorFamily, { test(value: string): boolean; what: string }>> = {
  Numeric: { test: (v) => /^-?\d+(\.\d+)?$/.test(v), what: 'a number' },
  Date: { test: (v) => DATE.test(v), what: 'an ISO 8601 date or epoch seconds' },
  Bool: { test: (v) => /^(true|false)$/i.test(v), what: '`true` or `false`' },
  Null: { test: (v) => /^(true|false)$/i.test(v), what: '`true` (the key is absent) or `false` (present)' },
  IPAddress: { test: (v) => parseCidr(v.includes('/') ? v : `${v}/${v.includes(':') ? 128 : 32}`) !== undefined, what: 'an IP address or CIDR block' },
  ARN: { test: (v) => v === '*' || v.startsWith('arn:'), what: 'an ARN' },
};

/** A condition value that cannot be read as the operator's type: the comparison never matches. */
export const rule: Rule<PolicyInput> = {
  id: 'iam/condition-value-type',
  severity: 'error',
  kinds: ALL_POLICY_KINDS,
  help: 'write the value in the operator\'s format',
  learnMore: 'https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_condition_operators.html',
  check({ policy }) {
    return conditionEntries(policy).flatMap(({ operator, values, keyPath }) => {
      const format = operator && FORMATS[operator.family];
      if (!format) return [];
      return values.flatMap((value, i) =>
        value.includes('${') || format.test(value) ? [] : [{ path: [...keyPath, i], message: `\`${value}\` is not ${format.what}, as \`${operator.name}\` needs` }],
      );
    });
  },
};
