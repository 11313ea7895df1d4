/** A changed copy of a solution's answer to one task, and what was changed. */
export interface Mutant {
  task: string;
  /** What the change does, in the learner's words, such as "`s3:GetObject` widened to `s3:*`". */
  description: string;
  answer: string;
}

/** What a mutant generator may look at besides the answer: the lab's account and its id. */
export interface MutationContext {
  accountId: string;
  /** The smallest CIDR that covers every subnet where a group's instances run, and the VPC block, by group name. */
  groupCidrs: Map<string, { covering?: string; vpc?: string }>;
  /** The names of the account's target groups, for mutants that forward elsewhere. */
  targetGroups?: string[];
  /** The names of the account's security groups that accept some inbound traffic from `0.0.0.0/0`, to swap into a launch template. */
  worldOpenGroups?: string[];
  /** The aliases of the account's customer managed KMS keys, to swap in as a default or copy key. */
  kmsAliases?: string[];
  /** The names of the account's internet and NAT gateways, for mutants that swap a route's target. */
  gateways?: { internet: string[]; nat: string[] };
}

/** A value or a list, as IAM and EC2 documents allow, read as a list. */
export function asList<T>(value: T | T[] | undefined): T[] {
  return value === undefined ? [] : Array.isArray(value) ? value : [value];
}

/** The list with the item at `index` replaced, or removed when `value` is undefined. */
export function replaceAt<T>(list: readonly T[], index: number, value: T | undefined): T[] {
  return list.flatMap((item, i) => (i !== index ? [item] : value === undefined ? [] : [value]));
}

/** Pretty JSON, which YAML reads too, so every answer language takes the mutant. */
export function render(value: unknown): string {
  return `${JSON.stringify(value, null, 2)}\n`;
}
