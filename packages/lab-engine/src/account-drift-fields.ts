// How a change to one field of a resource is said to the learner. Each describer gets the field's value in
// the account as it should be (`expected`) and as it is (`actual`), and the resource as the learner knows it
// (`the IAM user \`app-reader\``); it returns the sentences, or none when the difference does not matter
// (the same rules in another order).

/** Sentences about one field's change; `subject` names the resource (`the IAM user \`app-reader\``). */
export type FieldDescriber = (expected: unknown, actual: unknown, subject: string) => string[];

// Timestamps follow the clock of whoever made the resource; they never say what the learner changed.
const VOLATILE_FIELDS = new Set(['CreateDate', 'UpdateDate', 'CreationDate', 'LastModified', 'LaunchTime', 'CreateTime', 'EnableDate', 'AttachTime']);

const isRecord = (value: unknown): value is Record<string, unknown> => value !== null && typeof value === 'object' && !Array.isArray(value);

/** JSON with sorted keys and without timestamps: two values are the same resource state when these are equal. */
export function canonical(value: unknown): string {
  return JSON.stringify(value, (key, v: unknown) => {
    if (VOLATILE_FIELDS.has(key)) return undefined;
    return isRecord(v) ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) : v;
  });
}

export const same = (a: unknown, b: unknown) => canonical(a) === canonical(b);

/** Whether `field` carries no meaning for drift (a timestamp). */
export const isVolatile = (field: string) => VOLATILE_FIELDS.has(field);

const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const record = (value: unknown): Record<string, unknown> => (isRecord(value) ? value : {});
const sortedKeys = (...records: Record<string, unknown>[]) => [...new Set(records.flatMap(Object.keys))].sort();
const quoted = (value: unknown) => `\`${typeof value === 'string' ? value : JSON.stringify(value)}\``;

/** Two lists with the same members, in any order. */
function sameMembers(a: unknown[], b: unknown[]): boolean {
  const sorted = (items: unknown[]) => items.map(canonical).sort().join('\n');
  return sorted(a) === sorted(b);
}

/** The name a policy ARN ends with (`arn:aws:iam::aws:policy/ReadOnlyAccess` → `ReadOnlyAccess`). */
const policyName = (arn: string) => arn.slice(arn.lastIndexOf('/') + 1);

/** Entries of two keyed collections: added, removed and changed keys, with a sentence for each. */
function keyedDescriber(
  keyOf: (item: unknown, key: string) => string,
  say: { added(key: string, subject: string): string; removed(key: string, subject: string): string; changed(key: string, subject: string, expected: unknown, actual: unknown): string },
  asRecord: (value: unknown) => Record<string, unknown>,
): FieldDescriber {
  return (expected, actual, subject) => {
    const before = asRecord(expected);
    const after = asRecord(actual);
    return sortedKeys(before, after).flatMap((key) => {
      if (!(key in after)) return [say.removed(keyOf(before[key], key), subject)];
      if (!(key in before)) return [say.added(keyOf(after[key], key), subject)];
      return same(before[key], after[key]) ? [] : [say.changed(keyOf(after[key], key), subject, before[key], after[key])];
    });
  };
}

/** A list keyed by one of its items' fields, as a record. */
const byField = (field: string) => (value: unknown) => Object.fromEntries(list(value).map((item) => [String(record(item)[field]), item]));

/** Inline policies by name (`UserPolicies`, `GroupPolicies`, `RolePolicies`). */
export const inlinePolicies: FieldDescriber = keyedDescriber(
  (_, name) => name,
  {
    added: (name, subject) => `you added the inline policy \`${name}\` to ${subject}`,
    removed: (name, subject) => `you deleted the inline policy \`${name}\` of ${subject}`,
    changed: (name, subject) => `you changed the inline policy \`${name}\` of ${subject}`,
  },
  record,
);

/** Managed policies attached, by ARN (`AttachedPolicyArns`). */
export const attachedPolicies: FieldDescriber = (expected, actual, subject) => {
  const before = list(expected).map(String);
  const after = list(actual).map(String);
  return [
    ...after.filter((arn) => !before.includes(arn)).map((arn) => `you attached the policy \`${policyName(arn)}\` to ${subject}`),
    ...before.filter((arn) => !after.includes(arn)).map((arn) => `you detached the policy \`${policyName(arn)}\` from ${subject}`),
  ];
};

/** Members by name: a group's users, an instance profile's role. */
export function members(noun: string): FieldDescriber {
  return (expected, actual, subject) => {
    const before = list(expected).map(String);
    const after = list(actual).map(String);
    return [
      ...after.filter((name) => !before.includes(name)).map((name) => `you added the ${noun} \`${name}\` to ${subject}`),
      ...before.filter((name) => !after.includes(name)).map((name) => `you removed the ${noun} \`${name}\` from ${subject}`),
    ];
  };
}

/** A field changed as a whole, said in words (`the trust policy`, `the tags`). */
export function whole(what: string): FieldDescriber {
  return (_expected, _actual, subject) => [`you changed ${what} of ${subject}`];
}

/** A list whose order means nothing (security group rules, a group's security groups). */
export function unordered(what: string): FieldDescriber {
  return (expected, actual, subject) => (sameMembers(list(expected), list(actual)) ? [] : [`you changed ${what} of ${subject}`]);
}

/** A managed policy as a user's, group's or role's permissions boundary. */
export const permissionsBoundary: FieldDescriber = (expected, actual, subject) => {
  if (actual === undefined) return [`you removed the permissions boundary of ${subject}`];
  return [`you set the permissions boundary of ${subject} to \`${policyName(String(actual))}\``];
};

/** A user's access keys, by id. */
export const accessKeys: FieldDescriber = keyedDescriber(
  (_, id) => id,
  {
    added: (id, subject) => `you created the access key \`${id}\` of ${subject}`,
    removed: (id, subject) => `you deleted the access key \`${id}\` of ${subject}`,
    changed: (id, subject, _before, after) => `you made the access key \`${id}\` of ${subject} ${String(record(after).Status).toLowerCase()}`,
  },
  byField('AccessKeyId'),
);

/** A bucket's objects, by key. */
export const objects: FieldDescriber = keyedDescriber(
  (_, key) => key,
  {
    added: (key, subject) => `you uploaded the object \`${key}\` to ${subject}`,
    removed: (key, subject) => `you deleted the object \`${key}\` from ${subject}`,
    changed: (key, subject) => `you changed the object \`${key}\` in ${subject}`,
  },
  record,
);

/** A route table's routes, by destination. */
export const routes: FieldDescriber = keyedDescriber(
  (_, destination) => destination,
  {
    added: (destination, subject) => `you added the route to \`${destination}\` to ${subject}`,
    removed: (destination, subject) => `you deleted the route to \`${destination}\` from ${subject}`,
    changed: (destination, subject) => `you changed the route to \`${destination}\` in ${subject}`,
  },
  (value) => Object.fromEntries(list(value).map((route) => [String(record(route).DestinationCidrBlock ?? record(route).DestinationIpv6CidrBlock), route])),
);

/** A network ACL's numbered entries, inbound and outbound apart as the console shows them. */
export const aclEntries: FieldDescriber = (expected, actual, subject) =>
  [
    { egress: false, words: 'inbound' },
    { egress: true, words: 'outbound' },
  ].flatMap(({ egress, words }) => {
    const side = (value: unknown) => list(value).filter((entry) => record(entry).Egress === egress);
    return sameMembers(side(expected), side(actual)) ? [] : [`you changed the ${words} rules of ${subject}`];
  });

/** An instance's state (`running`, `stopped` …). */
export const instanceState: FieldDescriber = (expected, actual, subject) => [
  `you changed the state of ${subject} from ${quoted(record(expected).Name)} to ${quoted(record(actual).Name)}`,
];

/** Any other field: its AWS name, and the values when they are short enough to read. */
export function anyField(field: string): FieldDescriber {
  return (expected, actual, subject) => {
    const scalar = (value: unknown) => value === undefined || ['string', 'number', 'boolean'].includes(typeof value);
    if (!scalar(expected) || !scalar(actual)) return [`you changed \`${field}\` of ${subject}`];
    if (actual === undefined) return [`you removed \`${field}\` from ${subject}`];
    if (expected === undefined) return [`you set \`${field}\` of ${subject} to ${quoted(actual)}`];
    return [`you changed \`${field}\` of ${subject} from ${quoted(expected)} to ${quoted(actual)}`];
  };
}
