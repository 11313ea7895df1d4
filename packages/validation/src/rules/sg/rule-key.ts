import { cidrContains, parseCidr, type CidrBlock } from '../../schemas/cidr.ts';
import type { SgRule } from '../../schemas/security-group.ts';
import { pathKey } from '../../source.ts';

/**
 * The rules of one group and direction, in document order (only these can cover or duplicate each other),
 * with their ports in flat arrays and their CIDRs parsed once: the duplicate and overlap rules compare every
 * pair, and most pairs differ in their ports.
 */
export interface RuleBucket {
  rules: SgRule[];
  from: Int32Array;
  to: Int32Array;
  blocks: (CidrBlock | undefined)[];
}

/** Each rule's bucket and its place in it. */
export interface Buckets {
  of: Map<SgRule, { bucket: RuleBucket; index: number }>;
  all: RuleBucket[];
}

// The duplicate and overlap rules of one lint run get the same list of rules: bucket it once.
const bucketsOf = new WeakMap<readonly SgRule[], Buckets>();

/** Splits rules into buckets of the same group and direction. */
export function rulesByBucket(rules: readonly SgRule[]): Buckets {
  let buckets = bucketsOf.get(rules);
  if (!buckets) {
    buckets = bucket(rules);
    bucketsOf.set(rules, buckets);
  }
  return buckets;
}

function bucket(rules: readonly SgRule[]): Buckets {
  const lists = new Map<string, SgRule[]>();
  for (const r of rules) {
    const key = `${r.direction} ${pathKey(r.path.slice(0, -2))}`;
    const list = lists.get(key);
    if (list) list.push(r);
    else lists.set(key, [r]);
  }
  const of = new Map<SgRule, { bucket: RuleBucket; index: number }>();
  const all = [...lists.values()].map((list) => {
    const bucket: RuleBucket = {
      rules: list,
      from: Int32Array.from(list, (r) => r.fromPort),
      to: Int32Array.from(list, (r) => r.toPort),
      blocks: list.map((r) => (r.cidr === undefined ? undefined : parseCidr(r.cidr))),
    };
    list.forEach((r, index) => of.set(r, { bucket, index }));
    return bucket;
  });
  return { of, all };
}

/** True when rule `j` of a bucket allows every packet rule `i` allows (same protocol, wider ports, containing peer). */
export function bucketCovers(b: RuleBucket, j: number, i: number): boolean {
  if (b.from[j]! > b.from[i]! || b.to[j]! < b.to[i]!) return false;
  const outer = b.rules[j]!;
  const inner = b.rules[i]!;
  if (outer.protocol !== '-1' && outer.protocol !== inner.protocol) return false;
  if (outer.cidr === undefined || inner.cidr === undefined) return outer.cidr === inner.cidr && outer.peer === inner.peer;
  const outerBlock = b.blocks[j];
  const innerBlock = b.blocks[i];
  return outerBlock !== undefined && innerBlock !== undefined && cidrContains(outerBlock, innerBlock);
}

/** How a rule reads in a message: `tcp 22 from 10.0.0.0/8`. */
export function describeSgRule(r: SgRule): string {
  const ports = r.protocol === '-1' ? 'all traffic' : r.fromPort === r.toPort ? `${r.protocol} ${r.fromPort}` : `${r.protocol} ${r.fromPort}-${r.toPort}`;
  return `\`${ports} ${r.direction === 'ingress' ? 'from' : 'to'} ${r.peer}\``;
}
