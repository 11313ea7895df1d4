import type { PathSegment } from '../../finding.ts';
import type { PolicyDocument } from '../../iam-policy/schema.ts';
import type { ConditionKeyType, IamCatalogue } from './catalogue.ts';
import { globalConditionKey, keyTemplate } from './global-condition-keys.ts';
import { parseOperator, type ConditionOperator } from './condition-operators.ts';

/** One key under one operator of one statement's `Condition`. */
export interface ConditionEntry {
  operatorName: string;
  operator?: ConditionOperator;
  key: string;
  values: string[];
  /** Path of the operator block, and of the key within it. */
  operatorPath: PathSegment[];
  keyPath: PathSegment[];
}

// Several rules read the same entries of one policy in one lint run; the entries are read-only.
const entriesOf = new WeakMap<PolicyDocument, readonly ConditionEntry[]>();

/** Every condition key of every statement, with its parsed operator. */
export function conditionEntries(policy: PolicyDocument): readonly ConditionEntry[] {
  let entries = entriesOf.get(policy);
  if (!entries) {
    entries = collectEntries(policy);
    entriesOf.set(policy, entries);
  }
  return entries;
}

function collectEntries(policy: PolicyDocument): ConditionEntry[] {
  return policy.Statement.flatMap((statement, index) =>
    Object.entries(statement.Condition ?? {}).flatMap(([operatorName, block]) => {
      const operator = parseOperator(operatorName);
      const operatorPath: PathSegment[] = ['Statement', index, 'Condition', operatorName];
      return Object.entries(block).map(([key, values]) => ({ operatorName, ...(operator ? { operator } : {}), key, values, operatorPath, keyPath: [...operatorPath, key] }));
    }),
  );
}

/** The type of a condition key: global keys from IAM's list, service keys from the catalogue. */
export function conditionKeyType(catalogue: IamCatalogue, key: string): ConditionKeyType | undefined {
  return globalConditionKey(key)?.type ?? catalogue.conditionKeyType(key) ?? catalogue.conditionKeyType(keyTemplate(key));
}
